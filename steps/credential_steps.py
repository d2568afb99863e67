"""비밀번호 및 패턴 설정 (guide step 5, FLOW-7): each entered twice, as the guide's 확인 입력 asks."""

from __future__ import annotations

import random

from pytest_bdd import given, parsers, when

from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.certificate_secrets import make_pattern, weak_pin
from identities.registered_customer import RegisteredCustomer
from pages.credentials_screen import CredentialsScreen


@given("고객이 신분증 인증까지 마쳤다")
def checks_done(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.ID_VERIFIED)


@when("인증서 비밀번호 6자리를 두 번 입력한다")
def set_pin(credentials_screen: CredentialsScreen, customer: RegisteredCustomer) -> None:
    pin = customer.secrets.pin
    credentials_screen.set_pin(pin, pin)


@when(parsers.parse('고객이 "{kind}" 비밀번호를 두 번 입력한다'))
def set_weak_pin(credentials_screen: CredentialsScreen, customer: RegisteredCustomer, scenario_seed: int,
                 kind: str) -> None:
    pin = weak_pin(kind, random.Random(scenario_seed), customer.identity.birth_date)
    credentials_screen.set_pin(pin, pin)


@when("인증서 패턴을 두 번 그린다")
def set_pattern(credentials_screen: CredentialsScreen, customer: RegisteredCustomer) -> None:
    pattern = customer.secrets.pattern
    credentials_screen.set_pattern(pattern, pattern)


@when("확인 패턴을 처음과 다르게 그린다")
def set_mismatched_pattern(credentials_screen: CredentialsScreen, customer: RegisteredCustomer) -> None:
    pattern = customer.secrets.pattern
    # The same dots in reverse: drawable, and never equal to the first drawing.
    credentials_screen.set_pattern(pattern, tuple(reversed(pattern)))


@when(parsers.parse('점 "{points:d}"개짜리 패턴을 두 번 그린다'))
def set_short_pattern(credentials_screen: CredentialsScreen, scenario_seed: int, points: int) -> None:
    pattern = make_pattern(random.Random(scenario_seed), length=points)
    credentials_screen.set_pattern(pattern, pattern)
