"""비밀번호 및 패턴 설정 (guide step 5, FLOW-7): each entered twice, as the guide's 확인 입력 asks."""

from __future__ import annotations

from pytest_bdd import when

from fixtures.customers import RegisteredCustomer
from pages.credentials_screen import CredentialsScreen


@when("인증서 비밀번호 6자리를 두 번 입력한다")
def set_pin(credentials_screen: CredentialsScreen, customer: RegisteredCustomer) -> None:
    pin = customer.secrets.pin
    credentials_screen.set_pin(pin, pin)


@when("인증서 패턴을 두 번 그린다")
def set_pattern(credentials_screen: CredentialsScreen, customer: RegisteredCustomer) -> None:
    pattern = customer.secrets.pattern
    credentials_screen.set_pattern(pattern, pattern)
