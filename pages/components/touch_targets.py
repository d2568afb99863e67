"""Where a finger would touch each button of a keypad or a grid, read in one call instead of one lookup a button."""

from __future__ import annotations

from playwright.sync_api import Locator

# The group brought into view, then each button's centre by its name (its aria-label, else its text), or null
# where a finger would not land on that button (off screen, or under a dialog or banner).
CENTRES_JS = """(group) => {
  group.scrollIntoView({ block: "nearest" });
  const centres = {};
  for (const button of group.querySelectorAll("button")) {
    const box = button.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    const name = button.getAttribute("aria-label") ?? button.textContent.trim();
    centres[name] = button.contains(document.elementFromPoint(x, y)) ? [x, y] : null;
  }
  return centres;
}"""


def button_centres(group: Locator) -> dict[str, list[float] | None]:
    """A lookup by role and name costs 10-15 ms a button; this reads every button of the group at once."""
    centres: dict[str, list[float] | None] = group.evaluate(CENTRES_JS)
    return centres
