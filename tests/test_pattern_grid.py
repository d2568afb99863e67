"""The pattern grid page object draws as a finger does: the app sees each dot touched, and those slid over."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from pages.components.pattern_grid import PatternCovered, PatternGrid

STATIC = Path(__file__).resolve().parent.parent / "mock_bank" / "web" / "static"
GRID = """<!doctype html><html lang="ko"><head><meta name="viewport" content="width=device-width"><style>{css}</style>
</head><body>{above}<div class="pattern" role="group" aria-label="패턴 입력" data-pattern-grid>{dots}</div>
<p id="drawn"></p>{cover}</body></html>"""
COVER = '<div style="position: fixed; inset: 0; background: rgb(0 0 0 / 50%)">알림</div>'


def show_grid(page: Page, above: str = "", cover: str = "") -> PatternGrid:
    """The app's own grid: its stylesheet, its markup and its script (static/pattern.js)."""
    dots = "".join(f'<button type="button" class="dot" aria-label="점 {point}" data-point="{point}"></button>'
                   for point in range(1, 10))
    page.set_content(GRID.format(css=(STATIC / "app.css").read_text("utf-8"), dots=dots, above=above, cover=cover))
    page.add_script_tag(content=(STATIC / "pattern.js").read_text("utf-8"))
    page.evaluate("""() => PatternGrid.mount(document.querySelector("[data-pattern-grid]"), {
        onComplete: (points) => { document.getElementById("drawn").textContent = points.join(","); } })""")
    return PatternGrid(page)


@pytest.mark.parametrize(("drawn", "seen"), [
    ((1, 2, 3, 6, 9), "1,2,3,6,9"),
    ((1, 5, 9, 8, 7), "1,5,9,8,7"),  # diagonals touch no dot beside them
    ((1, 3, 9), "1,2,3,6,9"),  # a finger sliding from 1 to 3 passes over 2
    ((7, 3), "7,5,3"),
    ((1, 6, 7), "1,6,7"),  # a knight's move passes between dots
])
def test_the_app_sees_the_dots_a_finger_touches(page: Page, drawn: tuple[int, ...], seen: str) -> None:
    show_grid(page).draw(drawn)
    assert page.locator("#drawn").text_content() == seen


def test_a_grid_below_the_fold_is_brought_into_view_first(page: Page) -> None:
    show_grid(page, above='<div style="height: 3000px">약관</div>').draw((4, 5, 6, 3))
    assert page.locator("#drawn").text_content() == "4,5,6,3"


def test_a_covered_grid_is_not_drawn_on(page: Page) -> None:
    with pytest.raises(PatternCovered, match="covers"):
        show_grid(page, cover=COVER).draw((1, 2, 3, 6))
    assert page.locator("#drawn").text_content() == ""
