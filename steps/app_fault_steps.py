"""When the app stops working mid-flow (guide FIX-3: 앱 재시작 후 다시 시도)."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from flows.issuance_journey import IssuanceJourney, issue_certificate
from support.control_client import ControlClient

SCREENS = {"약관 동의": "terms", "휴대폰 인증": "phone", "계좌 인증": "account", "신분증 인증": "id",
           "비밀번호 설정": "credentials"}


@given(parsers.parse('이제부터 "{screen}" 화면이 앱을 다시 시작할 때까지 작동하지 않는다'))
def screen_broken_until_restart(bank: ControlClient, screen: str) -> None:
    bank.break_screen(SCREENS[screen], until="restart")


@when("고객이 앱을 다시 시작해 처음부터 발급을 진행한다")
def restart_and_issue(journey: IssuanceJourney) -> None:
    journey.restart_app()
    issue_certificate(journey)


@then("다시 시작한 앱에서 인증서 발급이 완료된다")
def issued_after_restart(journey: IssuanceJourney) -> None:
    expect(journey.screens.completion.heading).to_be_visible()
