"""The on-screen secure keypad; its digits are shuffled, so keys are found by name, never by place."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# Which of the given points a finger would not land on the keypad at (a dialog or banner over it).
COVERED_POINTS_JS = """(keypad, points) =>
  points.filter(([x, y]) => !keypad.contains(document.elementFromPoint(x, y)))"""


class KeypadCovered(LookupError):
    """A key of the keypad is off screen or under something else: a tap there would not reach it."""


class SecureKeypad:
    def __init__(self, page: Page, purpose: str) -> None:
        self._page = page
        self.root = page.get_by_role("group", name=f"{purpose} 보안 키패드")
        self.progress = page.get_by_role("status", name=f"{purpose} 입력 상태")

    def key(self, digit: str) -> Locator:
        return self.root.get_by_role("button", name=digit, exact=True)

    def enter(self, digits: str) -> None:
        """Tap the digits in turn. The keys stay where they are while one entry lasts (the app shuffles them
        only when the keypad is drawn), so each key is found by its name once and then tapped where it is,
        after checking that nothing covers it: Playwright's click checked every key again, 48 ms a tap."""
        self.root.scroll_into_view_if_needed()
        centres: dict[str, tuple[float, float]] = {}
        for digit in dict.fromkeys(digits):
            box = self.key(digit).bounding_box()
            if box is None:
                raise KeypadCovered(f"the key {digit} is not shown")
            centres[digit] = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        covered = self.root.evaluate(COVERED_POINTS_JS, list(centres.values()))
        if covered:
            raise KeypadCovered(f"something covers the keypad at {covered}")
        for digit in digits:
            self._page.mouse.click(*centres[digit])
