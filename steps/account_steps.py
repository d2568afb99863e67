"""계좌 인증 (guide step 4): 1원 입금 인증 with the code carried in the depositor name."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from flows.issuance_journey import IssuanceJourney
from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.registered_customer import RegisteredCustomer
from pages.account_check_screen import AccountCheckScreen
from pages.id_check_screen import IdCheckScreen
from support.control_client import ControlClient


@when(parsers.parse('"{method}" 방법으로 본인 계좌 인증을 요청한다'))
def request_deposit(account_check_screen: AccountCheckScreen, customer: RegisteredCustomer, method: str) -> None:
    account = customer.identity.account
    account_check_screen.request_deposit(account.bank, account.number, method)


@given("고객이 휴대폰 인증을 마치고 1원 입금을 요청했다")
def deposit_requested(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.DEPOSIT_REQUESTED)


@given("고객이 휴대폰 인증을 마쳤다")
def phone_verified(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.PHONE_VERIFIED)


@given(parsers.parse('다른 고객의 "{bank_name}" 계좌가 있다'), target_fixture="other_customer")
def other_customer(register_customer: Callable[..., RegisteredCustomer], bank_name: str) -> RegisteredCustomer:
    return register_customer(bank=bank_name)


@when("고객이 다른 고객의 계좌로 1원 입금을 요청한다")
def request_deposit_to_other(journey: IssuanceJourney, other_customer: RegisteredCustomer) -> None:
    journey.check_account(account=other_customer.identity.account)


@when("1원 입금의 입금자명에 적힌 숫자를 입력한다")
def enter_deposit_code(journey: IssuanceJourney) -> None:
    journey.enter_deposit_code()


@when(parsers.parse('틀린 입금자명 숫자를 "{times:d}"번 입력한다'))
def enter_wrong_deposit_codes(journey: IssuanceJourney, times: int) -> None:
    for _ in range(times):
        journey.enter_deposit_code(wrong=True)


@then(parsers.parse('고객 계좌에 "{amount:d}"원이 입금자명 숫자 "{digits:d}"자리와 함께 들어와 있다'))
def deposit_arrived(bank: ControlClient, customer: RegisteredCustomer, amount: int, digits: int) -> None:
    account = customer.identity.account
    deposits = bank.deposits(account.bank, account.digits)
    assert [d["amount"] for d in deposits] == [amount]
    assert sum(ch.isdigit() for ch in deposits[0]["depositor"]) == digits


@then("다른 고객의 계좌에는 아무것도 입금되지 않는다")
def nothing_deposited_to_other(bank: ControlClient, other_customer: RegisteredCustomer) -> None:
    account = other_customer.identity.account
    assert bank.deposits(account.bank, account.digits) == []


@then("신분증 인증 화면이 보인다")
def id_screen_shown(id_check_screen: IdCheckScreen) -> None:
    expect(id_check_screen.heading).to_be_visible()

