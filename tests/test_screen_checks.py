"""The harness's screen checks find what they claim to: axe-core violations and layouts that do not fit."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from fixtures.screen_checks import ScreenStateClaims
from support.screen_checks import axe_violations, layout_problems

KEEP_ALL = "<style>body { word-break: keep-all; overflow-wrap: break-word; font-size: 16px; }</style>"
SENTENCE = "인증서 비밀번호와 패턴은 다른 사람에게 알려주지 마세요. " * 3


def show(page: Page, body: str, width: int = 412) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.set_content(f'<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>화면</title>'
                     f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
                     f"<body><main><h1>화면</h1>{body}</main></body></html>")


def test_a_screen_that_fits_has_no_layout_problem(page: Page) -> None:
    show(page, f"{KEEP_ALL}<p>{SENTENCE}</p>")
    assert layout_problems(page) == {}
    assert page.viewport_size == {"width": 412, "height": 800}  # the narrow pass puts the phone back


# Long words in the app's own font: with short ones, where break-all breaks depends on the font's widths (the
# headless shell's default font put every break of SENTENCE on a space).
LONG_WORDS = "인증서비밀번호와패턴은 다른사람에게알려주지마세요. " * 3


def test_korean_broken_mid_word_is_found(page: Page) -> None:
    show(page, f"<style>body {{ word-break: break-all; font: 16px NanumGothic }}</style><p>{LONG_WORDS}</p>")
    problems = [problem for found in layout_problems(page).values() for problem in found]
    assert any("낱말 중간" in problem for problem in problems), problems


def test_a_label_one_syllable_per_line_and_sideways_scrolling_are_found(page: Page) -> None:
    show(page, f'{KEEP_ALL}<dl style="display: grid; grid-template-columns: 1px 500px">'
               "<dt>일련번호</dt><dd>00A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3</dd></dl>")
    problems = layout_problems(page)["412px"]
    assert any("한 줄에 한 글자" in problem and "일련번호" in problem for problem in problems), problems
    assert any("옆으로 스크롤" in problem for problem in problems), problems


def test_only_the_narrow_phone_may_see_a_problem(page: Page) -> None:
    show(page, f'{KEEP_ALL}<div style="width: 400px">{SENTENCE}</div>')
    assert list(layout_problems(page)) == ["360px"]


def test_axe_reports_low_contrast_as_serious(page: Page) -> None:
    show(page, '<p style="color: #999; background: #fff; font-size: 11px">휴대폰 인증</p>')
    violations = {violation.rule: violation for violation in axe_violations(page)}
    assert violations["color-contrast"].fails
    assert "dequeuniversity.com" in violations["color-contrast"].help_url


def test_axe_finds_nothing_on_a_plain_good_screen(page: Page) -> None:
    show(page, f"{KEEP_ALL}<p>{SENTENCE}</p>")
    assert [violation.describe() for violation in axe_violations(page)] == []


def test_each_screen_state_is_checked_by_one_worker_of_a_run(tmp_path: Path) -> None:
    first, second = ScreenStateClaims(tmp_path / "claims-run"), ScreenStateClaims(tmp_path / "claims-run")
    assert first.first_to_see("/issue/phone|휴대폰 인증||")
    assert not second.first_to_see("/issue/phone|휴대폰 인증||")  # the other worker checked it
    assert not first.first_to_see("/issue/phone|휴대폰 인증||")
    assert second.first_to_see("/issue/phone|휴대폰 인증|alert|")  # another state of the same screen


def test_a_later_run_checks_every_state_again(tmp_path: Path) -> None:
    assert ScreenStateClaims(tmp_path / "claims-one").first_to_see("/|로그인||")
    assert ScreenStateClaims(tmp_path / "claims-two").first_to_see("/|로그인||")
    alone = ScreenStateClaims(None)  # no xdist: nothing to share
    assert alone.first_to_see("/|로그인||")
    assert not alone.first_to_see("/|로그인||")
