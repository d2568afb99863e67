"""The guide's order (FLOW-1..8) held by the bank itself: requests for a later step sent too early."""

from __future__ import annotations

from pytest_bdd import when

from identities.registered_customer import RegisteredCustomer
from pages.replayed_requests import BankAnswer, ReplayedRequests


@when("신분증 인증을 마치지 않은 채 인증서 비밀번호 설정 요청을 보낸다", target_fixture="bank_answer")
def send_pin_too_early(replayed_requests: ReplayedRequests, customer: RegisteredCustomer) -> BankAnswer:
    pin = customer.secrets.pin
    return replayed_requests.post_json("/api/issuance/pin", {"pin": pin, "confirmation": pin})


@when("비밀번호와 패턴을 정하지 않은 채 인증서 발급 요청을 보낸다", target_fixture="bank_answer")
def send_issuance_too_early(replayed_requests: ReplayedRequests) -> BankAnswer:
    return replayed_requests.post_json("/api/issuance/challenge", {})


@when("휴대폰 인증을 마치지 않은 채 1원 입금 요청을 보낸다", target_fixture="bank_answer")
def send_deposit_too_early(replayed_requests: ReplayedRequests, customer: RegisteredCustomer) -> BankAnswer:
    account = customer.identity.account
    return replayed_requests.post_form("/issue/account/deposit",
                                       {"bank": account.bank, "account_number": account.number})
