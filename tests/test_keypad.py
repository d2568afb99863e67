"""The keypad page object taps each digit where its key is, and refuses to tap keys something covers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages.components.keypad import KeypadCovered, SecureKeypad

KEYPAD = """<!doctype html><html lang="ko"><head><meta name="viewport" content="width=device-width"></head><body>
{above}<div role="group" aria-label="인증서 비밀번호 보안 키패드" style="display: grid; grid: auto / repeat(3, 80px)">
{keys}</div><p id="entered"></p>{cover}
<script>document.querySelectorAll("button").forEach((key) => key.addEventListener("click", () => {{
  document.getElementById("entered").textContent += key.textContent; }}));</script></body></html>"""
SHUFFLED = "7391048562"
COVER = '<div style="position: fixed; inset: 0; background: rgb(0 0 0 / 50%)">알림</div>'


def show_keypad(page: Page, cover: str = "", above: str = "") -> SecureKeypad:
    keys = "".join(f"<button type=button>{digit}</button>" for digit in SHUFFLED)
    page.set_content(KEYPAD.format(keys=keys, cover=cover, above=above))
    return SecureKeypad(page, "인증서 비밀번호")


def test_digits_are_entered_in_order_whatever_the_shuffle(page: Page) -> None:
    show_keypad(page).enter("300519")
    assert page.locator("#entered").text_content() == "300519"


def test_a_covered_keypad_is_not_tapped(page: Page) -> None:
    with pytest.raises(KeypadCovered, match="something covers it"):
        show_keypad(page, COVER).enter("1234")
    assert page.locator("#entered").text_content() == ""


def test_a_keypad_below_the_fold_is_brought_into_view_first(page: Page) -> None:
    show_keypad(page, above='<div style="height: 3000px">약관</div>').enter("8642")
    assert page.locator("#entered").text_content() == "8642"
