"""Opening the app and finding the certificate centre (guide step 1 and the start of step 2)."""

from __future__ import annotations

from playwright.sync_api import Page
from pytest_bdd import given, parsers, when

from flows.issuance_shortcut import IssuanceShortcut, Reached
from pages.certificate_centre import CertificateCentre
from pages.start_screen import StartScreen


@when("고객이 KB스타뱅킹 앱을 실행한다")
def launch_app(start_screen: StartScreen) -> None:
    start_screen.launch()


@when(parsers.parse('패턴 입력 화면에서 "{tab}" 탭을 누른다'))
def open_tab_on_start_screen(start_screen: StartScreen, tab: str) -> None:
    assert tab == "인증센터", "the start screen has one other tab: 인증센터"
    start_screen.open_certificate_centre()


@when(parsers.parse('"{tab}" 탭에서 인증서 발급을 시작한다'))
def start_issuance_from_tab(certificate_centre: CertificateCentre, tab: str) -> None:
    assert tab == "KB국민인증서", "issuance starts from the KB국민인증서 tab"
    certificate_centre.start_issuance()


@given("고객이 인증서 발급을 시작했다")
def issuance_started(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.ISSUANCE_STARTED)


@when(parsers.parse('고객이 "{path}" 주소로 바로 이동한다'))
def go_directly(page: Page, path: str) -> None:
    page.goto(path)

