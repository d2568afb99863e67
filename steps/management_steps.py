"""인증센터 → 'KB국민인증서' → 인증서 관리 (CHECK-1, 4-10): what it shows, renewal and the PIN change."""

from __future__ import annotations

import math
import random
import re
from datetime import timedelta

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from identities.certificate_secrets import weak_pin
from identities.registered_customer import RegisteredCustomer
from pages.certificate_centre import CertificateCentre
from pages.certificate_management import ManagementScreen
from pages.pin_change_screen import PinChangeScreen
from pages.renewal_screen import RenewalScreen
from pages.start_screen import StartScreen
from steps.issued_certificates import latest_certificate
from support.certificates import openssl_serial
from support.control_client import ControlClient


def shown_as(text: str) -> re.Pattern[str]:
    """The words as a whole entry of the line: '0일' must not pass for '30일', '해지된 계좌' may sit in brackets."""
    return re.compile(rf"(^|[\s(]){re.escape(text)}($|[\s)])")


@when(parsers.parse('"{tab}" 탭을 본다'))
def look_at_tab(certificate_centre: CertificateCentre, tab: str) -> None:
    assert tab == "KB국민인증서", "the certificate centre's own tab is KB국민인증서"
    certificate_centre.look_at_kb_certificate()


@when("고객이 인증센터에서 인증서 관리를 연다")
def open_management(start_screen: StartScreen, certificate_centre: CertificateCentre) -> None:
    start_screen.launch()
    start_screen.open_certificate_centre()
    certificate_centre.open_management()


@when("고객이 인증서 관리 화면을 다시 본다")
def look_again(management_screen: ManagementScreen) -> None:
    management_screen.reload()


@when("고객이 인증서 비밀번호로 인증서를 갱신한다")
def renew(management_screen: ManagementScreen, renewal_screen: RenewalScreen, customer: RegisteredCustomer) -> None:
    management_screen.open_renewal()
    renewal_screen.renew(customer.secrets.pin)


@when(parsers.parse('고객이 인증서 비밀번호를 "{kind}" 비밀번호로 바꾸려 한다'))
def change_to_weak_pin(management_screen: ManagementScreen, pin_change_screen: PinChangeScreen,
                       customer: RegisteredCustomer, scenario_seed: int, kind: str) -> None:
    weak = weak_pin(kind, random.Random(scenario_seed), customer.identity.birth_date)
    management_screen.open_pin_change()
    pin_change_screen.change_pin(customer.secrets.pin, weak, weak)


@when("고객이 인증서 비밀번호를 새 비밀번호로 바꾼다")
def change_pin(pin_change_screen: PinChangeScreen, customer: RegisteredCustomer, new_pin: str) -> None:
    pin_change_screen.change_pin(customer.secrets.pin, new_pin, new_pin)


@when("고객이 새 인증서 비밀번호로 다시 로그인한다")
def sign_in_with_new_pin(start_screen: StartScreen, new_pin: str) -> None:
    start_screen.sign_in_with_pin(new_pin)


@when("고객이 인증서 관리 화면에서 인증서 재발급을 시작한다")
def start_reissue_from_management(management_screen: ManagementScreen) -> None:
    management_screen.start_reissue()


@then("이 기기에 저장된 인증서가 없다고 보인다")
def no_certificate_here(certificate_centre: CertificateCentre) -> None:
    expect(certificate_centre.no_certificate_note).to_be_visible()


@then(parsers.parse('인증서 관리 화면의 "{label}" 항목에 "{text}" 표시가 보인다'))
def fact_shown(management_screen: ManagementScreen, label: str, text: str) -> None:
    expect(management_screen.fact(label)).to_have_text(shown_as(text))


@then('인증서 관리 화면의 "소유자" 항목에 고객 이름이 보인다')
def holder_shown(management_screen: ManagementScreen, customer: RegisteredCustomer) -> None:
    expect(management_screen.fact("소유자")).to_have_text(customer.identity.name)


@then("인증서 관리 화면의 일련번호는 은행이 발급한 인증서의 일련번호와 같다")
def serial_shown(management_screen: ManagementScreen, bank: ControlClient, customer: RegisteredCustomer) -> None:
    # Read from the certificate itself, as openssl prints it: the bank's own record could share a formatting slip.
    expected = openssl_serial(latest_certificate(bank, customer).certificate)
    expect(management_screen.fact("일련번호")).to_have_text(expected)


@then("인증서 관리 화면의 남은 기간은 발급한 인증서의 유효기간 전체다")
def whole_validity_left(management_screen: ManagementScreen, bank: ControlClient,
                        customer: RegisteredCustomer) -> None:
    certificate = latest_certificate(bank, customer).certificate
    days = math.ceil((certificate.not_valid_after_utc - bank.now()) / timedelta(days=1))
    expect(management_screen.fact("남은 기간")).to_have_text(f"{days}일")


@then("인증서 관리 화면에 인증서 갱신 메뉴가 없다")
def no_renewal(management_screen: ManagementScreen) -> None:
    expect(management_screen.renew_link).to_be_hidden()


@then("인증서 관리 화면에 다음 안내가 보인다")
def notices_shown(management_screen: ManagementScreen, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    assert header == ["안내", "내용"], f"the table's columns are 안내 and 내용, not {header}"
    for title, words in rows:
        expect(management_screen.notice(title)).to_contain_text(words)


@then(parsers.parse('"{title}" 안내에 "{words}" 내용이 있다'))
def notice_says(management_screen: ManagementScreen, title: str, words: str) -> None:
    expect(management_screen.notice(title)).to_contain_text(words)
