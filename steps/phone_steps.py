"""휴대폰 인증 (guide step 3): the carrier confirms the subscriber and an SMS code proves the phone."""

from __future__ import annotations

from pytest_bdd import when

from fixtures.customers import RegisteredCustomer
from pages.phone_check_screen import PhoneCheckScreen
from support.control_client import ControlClient
from support.one_time_codes import latest_sms_code


@when("본인 명의 휴대폰으로 인증번호를 요청한다")
def request_sms_code(phone_check_screen: PhoneCheckScreen, customer: RegisteredCustomer) -> None:
    person = customer.identity
    phone_check_screen.request_code(person.carrier, person.name, person.rrn[:7], person.phone)


@when("SMS로 받은 인증번호를 입력한다")
def enter_sms_code(phone_check_screen: PhoneCheckScreen, bank: ControlClient,
                   customer: RegisteredCustomer) -> None:
    phone_check_screen.enter_code(latest_sms_code(bank.sms_inbox(customer.identity.phone)))
