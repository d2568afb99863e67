"""Who the customer is: generated, valid, and registered with the carrier, the bank and the ID registry."""

from __future__ import annotations

from collections.abc import Callable

from pytest_bdd import given, parsers

from identities.registered_customer import RegisteredCustomer


@given(parsers.parse('본인 명의 휴대폰과 주민등록증, "{bank}" 계좌를 가진 고객이 있다'),
       target_fixture="customer")
def customer_with_resident_card(register_customer: Callable[..., RegisteredCustomer], bank: str) -> RegisteredCustomer:
    return register_customer(bank=bank)
