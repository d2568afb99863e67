"""Logging in with the issued certificate on the start screen (guide step 5's 앱 로그인, USE-1)."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, then, when

from fixtures.customers import RegisteredCustomer
from pages.home_screen import HomeScreen
from pages.start_screen import StartScreen
from steps.journeys import IssuanceJourney, issue_certificate


@given("고객이 KB국민인증서를 발급받았다")
def certificate_issued(journey: IssuanceJourney) -> None:
    issue_certificate(journey)


@when("고객이 앱을 다시 실행해 인증서 비밀번호로 로그인한다")
def sign_in_with_pin(start_screen: StartScreen, customer: RegisteredCustomer) -> None:
    start_screen.launch()
    start_screen.sign_in_with_pin(customer.secrets.pin)


@when("고객이 앱을 다시 실행해 인증서 패턴으로 로그인한다")
def sign_in_with_pattern(start_screen: StartScreen, customer: RegisteredCustomer) -> None:
    start_screen.launch()
    start_screen.sign_in_with_pattern(customer.secrets.pattern)


@then("고객 본인의 이름으로 로그인된다")
def signed_in_as_customer(home_screen: HomeScreen, customer: RegisteredCustomer) -> None:
    expect(home_screen.welcome).to_have_text(f"{customer.identity.name}님, 환영합니다")
