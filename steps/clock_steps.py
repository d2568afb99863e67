"""The mock bank's clock, moved through test control so time-limited rules take no real time."""

from __future__ import annotations

from datetime import timedelta

from pytest_bdd import parsers, when

from identities.registered_customer import RegisteredCustomer
from steps.issued_certificates import latest_certificate
from support.control_client import ControlClient


@when(parsers.parse('은행 시계로 "{seconds:d}"초가 지난다'))
def seconds_pass(bank: ControlClient, seconds: int) -> None:
    bank.advance_clock(seconds)


@when(parsers.parse('은행 시계로 "{minutes:d}"분이 지난다'))
def minutes_pass(bank: ControlClient, minutes: int) -> None:
    bank.advance_clock(minutes * 60)


@when(parsers.parse('은행 시계로 "{days:d}"일이 지난다'))
def days_pass(bank: ControlClient, days: int) -> None:
    bank.advance_clock(days * 24 * 3600)


@when(parsers.parse('은행 시계가 인증서 만료 "{days:d}"일 전으로 간다'))
def clock_before_expiry(bank: ControlClient, customer: RegisteredCustomer, days: int) -> None:
    bank.set_clock(latest_certificate(bank, customer).certificate.not_valid_after_utc - timedelta(days=days))


@when(parsers.parse('은행 시계가 인증서 유효기간이 끝나기 "{minutes:d}"분 전으로 간다'))
def clock_minutes_before_expiry(bank: ControlClient, customer: RegisteredCustomer, minutes: int) -> None:
    bank.set_clock(latest_certificate(bank, customer).certificate.not_valid_after_utc - timedelta(minutes=minutes))
