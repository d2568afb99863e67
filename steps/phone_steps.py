"""휴대폰 인증 (guide step 3): the carrier confirms the subscriber and an SMS code proves the phone."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from flows.issuance_journey import IssuanceJourney
from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.registered_customer import RegisteredCustomer
from pages.account_check_screen import AccountCheckScreen
from pages.phone_check_screen import PhoneCheckScreen
from pages.replayed_requests import BankAnswer, ReplayedRequests
from support.control_client import ControlClient


@when("본인 명의 휴대폰으로 인증번호를 요청한다")
def request_sms_code(journey: IssuanceJourney) -> None:
    journey.check_phone()


@given("고객이 휴대폰 인증번호를 요청했다")
def sms_code_requested(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.SMS_CODE_REQUESTED)


@when("고객이 인증번호를 다시 요청한다")
def request_sms_code_again(journey: IssuanceJourney) -> None:
    journey.check_phone()


@when("SMS로 받은 인증번호를 입력한다")
def enter_sms_code(journey: IssuanceJourney) -> None:
    journey.enter_sms_code()


@when(parsers.parse('틀린 인증번호를 "{times:d}"번 입력한다'))
def enter_wrong_sms_codes(journey: IssuanceJourney, times: int) -> None:
    for _ in range(times):
        journey.enter_sms_code(wrong=True)


@when("SMS로 받은 인증번호로 휴대폰 인증 요청을 다시 보낸다", target_fixture="bank_answer")
def replay_sms_code(journey: IssuanceJourney, replayed_requests: ReplayedRequests) -> BankAnswer:
    return replayed_requests.post_form("/issue/phone/code", {"code": journey.current_sms_code()})


@when(parsers.parse('고객이 휴대폰 본인 확인에서 "{detail}" 하나만 가입 정보와 다르게 입력한다'),
      target_fixture="correction")
def mistype_one_detail(journey: IssuanceJourney, detail: str) -> Callable[[], None]:
    return journey.mistype_phone_owner(detail)


@then(parsers.parse('은행은 "{message}" 안내와 함께 거절한다'))
def bank_refused(bank_answer: BankAnswer, message: str) -> None:
    assert 400 <= bank_answer.status < 500, f"expected a refusal, got HTTP {bank_answer.status}"
    assert message in bank_answer.text


@then("고객 휴대폰에 인증번호 문자가 오지 않는다")
def no_sms_arrived(bank: ControlClient, customer: RegisteredCustomer) -> None:
    assert bank.sms_inbox(customer.identity.phone) == []


@then("계좌 인증 화면이 보인다")
def account_screen_shown(account_check_screen: AccountCheckScreen) -> None:
    expect(account_check_screen.heading).to_be_visible()


@then("인증번호 입력 칸이 보인다")
def code_field_shown(phone_check_screen: PhoneCheckScreen) -> None:
    expect(phone_check_screen.code).to_be_visible()
