"""The customer's own phone settings, arranged through the mock carrier (guide FIX-1: SMS 수신 차단)."""

from __future__ import annotations

from pytest_bdd import given, when

from identities.registered_customer import RegisteredCustomer
from support.control_client import ControlClient


@given("고객 휴대폰이 SMS 수신을 차단해 두었다")
def sms_blocked(bank: ControlClient, customer: RegisteredCustomer) -> None:
    bank.block_sms(customer.identity.phone, blocked=True)


@when("고객이 휴대폰 설정에서 SMS 수신 차단을 푼다")
def sms_unblocked(bank: ControlClient, customer: RegisteredCustomer) -> None:
    bank.block_sms(customer.identity.phone, blocked=False)
