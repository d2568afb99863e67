"""A step's screenshot is reused only while nothing on the screen can have changed (support/screen_shots.py)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from PIL import Image
from playwright.sync_api import Page

from support.screen_shots import StepScreens

SCREEN = """<!doctype html><html lang="ko"><head><meta name="viewport" content="width=device-width"><style>
  .spin { animation: turn 1s linear infinite; } @keyframes turn { to { transform: rotate(1turn); } }
  .tall { height: 3000px; }
</style></head><body style="background: #fff">
<p id="text">인증번호를 입력하세요</p><input id="field" aria-label="인증번호"><button id="button">확인</button>
<p id="secret" data-pii>900101-1234567</p><div class="tall"></div></body></html>"""


def same_bytes(image: bytes) -> bytes:
    return image


@pytest.fixture
def screens(page: Page) -> StepScreens:
    page.set_content(SCREEN)
    return StepScreens(page, same_bytes)


def test_an_unchanged_screen_is_shot_once_and_then_reused(screens: StepScreens) -> None:
    first = screens.screen()
    assert screens.screen() == first
    assert screens.screen() == first
    # Switching the mask on and off for the shot must not count as a change of the screen.
    assert (screens.shots, screens.reused) == (1, 2)


CHANGES: dict[str, Callable[[Page], None]] = {
    "text": lambda page: page.evaluate("document.getElementById('text').textContent = '인증번호가 틀렸습니다'"),
    "attribute": lambda page: page.evaluate("document.getElementById('button').setAttribute('disabled', '')"),
    "typed value": lambda page: page.locator("#field").fill("123456"),
    "focus": lambda page: page.locator("#field").focus(),
    "pointer": lambda page: page.mouse.move(20, 20),
    "scroll": lambda page: page.mouse.wheel(0, 600),
    "new document with the same content": lambda page: page.set_content(SCREEN),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_any_change_gets_a_new_shot(screens: StepScreens, change: str) -> None:
    screens.screen()
    CHANGES[change](screens.page)
    screens.page.wait_for_function("() => true")  # lets the page's observers run, as the next step would
    screens.screen()
    assert (screens.shots, screens.reused) == (2, 0), f"the screen after a {change} reused the last shot"


def test_a_later_change_from_the_page_itself_is_seen(screens: StepScreens) -> None:
    screens.screen()
    screens.page.evaluate("setTimeout(() => { document.getElementById('text').textContent = '남은 시간 2:59'; }, 50)")
    screens.page.wait_for_function("document.getElementById('text').textContent.includes('2:59')")
    screens.screen()
    assert screens.shots == 2


@pytest.mark.parametrize("moving", ['<p class="spin">⟳</p>', "<canvas width=10 height=10></canvas>",
                                    "<video muted></video>"], ids=["animation", "canvas", "video"])
def test_what_moves_by_itself_is_always_shot_again(page: Page, moving: str) -> None:
    page.set_content(SCREEN.replace("<div", moving + "<div", 1))
    screens = StepScreens(page, same_bytes)
    for _ in range(3):
        screens.screen()
    assert (screens.shots, screens.reused) == (3, 0)


def colours_of_the_secret(screens: StepScreens) -> set[tuple[int, int, int]]:
    """The colours inside the marked #secret element in the next step screenshot, two pixels in from its edges."""
    with Image.open(io.BytesIO(screens.screen())) as shot:
        box = screens.page.locator("#secret").bounding_box()
        assert box is not None
        inner = (round(box["x"]) + 2, round(box["y"]) + 2, round(box["x"] + box["width"]) - 2,
                 round(box["y"] + box["height"]) - 2)
        return {colour for _, colour in shot.convert("RGB").crop(inner).getcolors(maxcolors=100_000) or []}


def test_the_shot_is_masked_and_the_mask_is_off_between_shots(screens: StepScreens) -> None:
    page = screens.page
    assert colours_of_the_secret(screens) == {(0, 0, 0)}
    # The customer's own screen (and axe's colour check) sees the number, not a black box.
    background = page.locator("#secret").evaluate("element => getComputedStyle(element).backgroundColor")
    assert background != "rgb(0, 0, 0)"


def test_a_page_that_takes_the_mask_out_of_its_head_is_still_shot_masked(screens: StepScreens) -> None:
    page = screens.page
    screens.screen()
    page.evaluate("""() => {
        for (const style of document.querySelectorAll("style")) {
            if (style.textContent.includes("data-pii")) style.remove();
        }
        document.getElementById("text").textContent = "다시 그린 화면";
    }""")
    assert colours_of_the_secret(screens) == {(0, 0, 0)}
