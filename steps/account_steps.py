"""계좌 인증 (guide step 4): 1원 입금 인증 with the code carried in the depositor name."""

from __future__ import annotations

from pytest_bdd import parsers, when

from fixtures.customers import RegisteredCustomer
from pages.account_check_screen import AccountCheckScreen
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code


@when(parsers.parse('"{method}" 방법으로 본인 계좌 인증을 요청한다'))
def request_deposit(account_check_screen: AccountCheckScreen, customer: RegisteredCustomer, method: str) -> None:
    account = customer.identity.account
    account_check_screen.request_deposit(account.bank, account.number, method)


@when("1원 입금의 입금자명에 적힌 숫자를 입력한다")
def enter_deposit_code(account_check_screen: AccountCheckScreen, bank: ControlClient,
                       customer: RegisteredCustomer) -> None:
    account = customer.identity.account
    account_check_screen.enter_code(latest_deposit_code(bank.deposits(account.bank, account.digits)))
