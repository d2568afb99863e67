"""The 3x3 pattern grid, drawn the way a finger does it: press on a dot, slide over the others, lift."""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Page

from pages.components.touch_targets import button_centres

# Moves between two dots of a 3x3 grid pass over a third only through its centre (1 -> 3 over 2, 1 -> 9 over 5):
# a halfway point finds every dot a finger slides over; more points found no other (each move waits a frame).
MOVES_BETWEEN_DOTS = 2


class PatternCovered(LookupError):
    """A dot of the pattern grid is off screen or under something else: a finger there would not reach it."""


class PatternGrid:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.root = page.get_by_role("group", name="패턴 입력")

    def draw(self, points: Sequence[int]) -> None:
        if not points:
            return
        # Where every dot is, read once in one call: a lookup by role and name costs 10-15 ms a dot.
        self.root.get_by_role("button", name="점 1", exact=True).wait_for()
        centres = button_centres(self.root)
        path = []
        for point in points:
            where = centres.get(f"점 {point}")
            if where is None:
                raise PatternCovered(f"pattern dot {point} is not on screen, or something covers it")
            path.append((where[0], where[1]))
        mouse = self._page.mouse
        mouse.move(*path[0])
        mouse.down()
        for x, y in path[1:]:
            mouse.move(x, y, steps=MOVES_BETWEEN_DOTS)
        mouse.up()
