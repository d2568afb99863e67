"""The guide's order (FLOW-1..8) held by the bank itself: requests for a later step sent too early."""

from __future__ import annotations

from collections.abc import Callable

from pytest_bdd import given, parsers, when

from flows.issuance_shortcut import IssuanceShortcut, Reached, phone_form
from identities.id_card_image import card_png
from identities.registered_customer import RegisteredCustomer
from pages.replayed_requests import BankAnswer, ReplayedRequests

# How far the customer got, in the words of the feature's table.
REACHED = {
    "발급 시작": Reached.ISSUANCE_STARTED,
    "인증번호 요청": Reached.SMS_CODE_REQUESTED,
    "1원 입금 요청": Reached.DEPOSIT_REQUESTED,
    "계좌 인증": Reached.ACCOUNT_VERIFIED,
    "신분증 인증": Reached.ID_VERIFIED,
    "비밀번호 설정": Reached.PIN_SET,
}


def _requests(customer: RegisteredCustomer) -> dict[str, Callable[[ReplayedRequests], BankAnswer]]:
    """Each later step's request as the app sends it, with well-formed values: only the order is wrong."""
    person, pin = customer.identity, customer.secrets.pin
    card = person.resident_card
    assert card is not None, "the order rules are walked with a 주민등록증"
    pattern = list(customer.secrets.pattern)
    return {
        "휴대폰 인증번호 요청": lambda app: app.post_form("/issue/phone/code-request", dict(
            phone_form(person.carrier, person.name, person.rrn, person.phone))),
        "휴대폰 인증번호 확인": lambda app: app.post_form("/issue/phone/code", {"code": "123456"}),
        "1원 입금 요청": lambda app: app.post_form("/issue/account/deposit", {
            "bank": person.account.bank, "account_number": person.account.number}),
        "입금자명 숫자 확인": lambda app: app.post_form("/issue/account/code", {"code": "1234"}),
        # A photo the reader would accept, so that only the stage can refuse it (an empty form is refused anyway).
        "신분증 사진 올리기": lambda app: app.post_file("/issue/id/photo", "id_photo", "id-card.png",
                                                card_png(card), "image/png"),
        "신분증 정보 확인": lambda app: app.post_form("/issue/id/confirm", {}),
        "비밀번호 설정": lambda app: app.post_json("/api/issuance/pin", {"pin": pin, "confirmation": pin}),
        "패턴 설정": lambda app: app.post_json("/api/issuance/pattern", {"pattern": pattern, "confirmation": pattern}),
        "인증서 발급 요청": lambda app: app.post_json("/api/issuance/challenge", {}),
        "인증서 받기": lambda app: app.post_json("/api/issuance/certificate", {
            "challenge_id": "0", "public_key": "AAAA", "signature": "AAAA"}),
    }


@given(parsers.parse('고객의 발급이 "{stage}" 단계까지 와 있다'))
def issuance_reached(issuance_shortcut: IssuanceShortcut, stage: str) -> None:
    issuance_shortcut.reach(REACHED[stage])


@when(parsers.parse('앱이 "{step}" 요청을 앞 단계를 건너뛰고 보낸다'), target_fixture="bank_answer")
def send_a_later_step(replayed_requests: ReplayedRequests, customer: RegisteredCustomer, step: str) -> BankAnswer:
    return _requests(customer)[step](replayed_requests)


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
