"""Logging in with the issued certificate on the start screen (guide step 5's 앱 로그인, USE-1, CHECK-2)."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from flows.issuance_journey import IssuanceJourney, issue_certificate, other_digit
from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.registered_customer import RegisteredCustomer
from pages.home_screen import HomeScreen
from pages.screen_journal import ScreenJournal
from pages.start_screen import StartScreen


def wrong_pin(pin: str) -> str:
    return pin[:-1] + other_digit(pin[-1])


@given("고객이 KB국민인증서를 발급받았다")
def certificate_issued(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.ISSUED)


@when("고객이 KB국민인증서를 발급받는다")
def issue_through_screens(journey: IssuanceJourney) -> None:
    issue_certificate(journey)


@given("고객이 인증서 비밀번호로 로그인했다")
def signed_in(start_screen: StartScreen, home_screen: HomeScreen, customer: RegisteredCustomer) -> None:
    start_screen.launch()
    start_screen.sign_in_with_pin(customer.secrets.pin)
    home_screen.wait_until_shown()


@when("고객이 앱을 다시 실행해 인증서 비밀번호로 로그인한다")
@when("고객이 앱을 다시 실행해 예전 인증서 비밀번호로 로그인한다")
def sign_in_with_pin(start_screen: StartScreen, customer: RegisteredCustomer) -> None:
    start_screen.launch()
    start_screen.sign_in_with_pin(customer.secrets.pin)


@when("고객이 비밀번호를 확인하고 인증서 비밀번호로 다시 로그인한다")
def sign_in_again_with_pin(start_screen: StartScreen, customer: RegisteredCustomer) -> None:
    start_screen.sign_in_with_pin(customer.secrets.pin)


@when(parsers.parse('고객이 앱을 다시 실행해 틀린 인증서 비밀번호로 "{times:d}"번 로그인한다'))
def sign_in_with_wrong_pins(start_screen: StartScreen, customer: RegisteredCustomer, times: int) -> None:
    start_screen.launch()
    for _ in range(times):
        start_screen.sign_in_with_pin(wrong_pin(customer.secrets.pin))


@when("고객이 앱을 다시 실행해 인증서 패턴으로 로그인한다")
def sign_in_with_pattern(start_screen: StartScreen, customer: RegisteredCustomer) -> None:
    start_screen.launch()
    start_screen.sign_in_with_pattern(customer.secrets.pattern)


@then("고객 본인의 이름으로 로그인된다")
def signed_in_as_customer(home_screen: HomeScreen, customer: RegisteredCustomer) -> None:
    expect(home_screen.welcome).to_have_text(f"{customer.identity.name}님, 환영합니다")


@when("고객이 보안카드나 OTP 없이 휴대폰만으로 인증서를 발급받는다", target_fixture="fields_asked")
def issue_watching_fields(journey: IssuanceJourney, screen_journal: ScreenJournal) -> dict[str, list[str]]:
    screen_journal.start()
    issue_certificate(journey)
    return screen_journal.fields_asked


def security_card_fields(fields_asked: dict[str, list[str]]) -> list[str]:
    return [label for labels in fields_asked.values() for label in labels
            if any(word in label for word in ("보안카드", "OTP"))]


@then("발급하는 동안 어느 화면도 보안카드나 OTP 번호를 묻지 않았다")
def no_security_card_asked(fields_asked: dict[str, list[str]]) -> None:
    assert len(fields_asked) >= 8, f"the journal saw only {len(fields_asked)} screens"
    assert security_card_fields(fields_asked) == [], "a screen asked for a security card or OTP"
