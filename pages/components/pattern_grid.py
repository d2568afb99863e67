"""The 3x3 pattern grid, drawn the way a finger does it: press on a dot, slide over the others, lift."""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Page


class PatternGrid:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.root = page.get_by_role("group", name="패턴 입력")

    def draw(self, points: Sequence[int]) -> None:
        # The grid is brought into view once; each dot's box is then read without waiting on it again.
        self.root.scroll_into_view_if_needed()
        centres = []
        for point in points:
            box = self.root.get_by_role("button", name=f"점 {point}", exact=True).bounding_box()
            if box is None:
                raise LookupError(f"pattern dot {point} is not on screen")
            centres.append((box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
        mouse = self._page.mouse
        mouse.move(*centres[0])
        mouse.down()
        for x, y in centres[1:]:
            # Several intermediate moves, so the app sees the finger pass over each dot on the way.
            mouse.move(x, y, steps=4)
        mouse.up()
