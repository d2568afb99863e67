"""보안: limits that must hold when requests come all at once or in forms the app would never send."""

from __future__ import annotations

from collections import Counter

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from fixtures.devices import OtherDevice
from flows.issuance_shortcut import deposit_form
from identities.registered_customer import RegisteredCustomer
from pages.app_requests import DEVICE_COOKIE, ISSUANCE_COOKIE, AppRequests
from pages.other_site import OtherSite
from steps.issued_certificates import latest_certificate
from support.control_client import ControlClient
from support.request_burst import BurstRequest, Reply, current_app, send_at_once

FULL_WIDTH_OFFSET = ord("０") - ord("0")
# The screens a feature can name, by the title the app shows on them.
SCREEN_PATHS = {"비밀번호 설정": "/issue/credentials", "인증서 관리": "/certificate-centre/manage", "시작": "/"}


def not_a_pin(kind: str, pin: str) -> str:
    """Values a tampered app or a guessing script sends where the PIN goes; none is six ASCII digits."""
    values = {"빈 값": "", "다섯 자리": pin[:5], "일곱 자리": pin + pin[0],
              "전각 숫자": "".join(chr(ord(digit) + FULL_WIDTH_OFFSET) for digit in pin),
              "맞는 비밀번호 뒤에 NUL": pin + "\x00"}
    if kind not in values:
        raise KeyError(f"no such kind of value: {kind!r}")
    return values[kind]


def wrong_pins(pin: str, count: int) -> list[str]:
    """`count` different well-formed PINs, none of them the customer's."""
    found = []
    for n in range(count + 1):
        guess = f"{(int(pin) + 1 + 7919 * n) % 1_000_000:06d}"
        if guess != pin and guess not in found:
            found.append(guess)
    return found[:count]


def pin_requests(bank: ControlClient, customer: RegisteredCustomer, pins: list[str]) -> list[BurstRequest]:
    serial = latest_certificate(bank, customer).serial
    headers = current_app(bank.app_version()["latest"])
    return [BurstRequest("/api/login/pin", json={"serial": serial, "pin": pin}, headers=headers)
            for pin in pins]


def customer_device(app_requests: AppRequests) -> dict[str, str]:
    """The cookies a tampered app on the customer's own phone sends: the device token the bank bound."""
    token = app_requests.device_token()
    assert token is not None, "the customer's phone holds no device token: no certificate was issued to it"
    return {DEVICE_COOKIE: token}


@when(parsers.parse('고객의 앱이 본인 계좌로 1원 입금 요청을 "{count:d}"번 한꺼번에 보낸다'),
      target_fixture="replies")
def deposits_at_once(mock_bank_url: str, app_requests: AppRequests, customer: RegisteredCustomer,
                     count: int) -> list[Reply]:
    session = app_requests.issuance_session()
    assert session is not None, "the customer's app holds no issuance session"
    form = deposit_form(customer.identity.account)
    return send_at_once(mock_bank_url, [BurstRequest("/issue/account/deposit", form=form)] * count,
                        cookies={ISSUANCE_COOKIE: session})


@then(parsers.parse('요청 "{accepted:d}"번만 받아들여지고 나머지는 "{message}" 안내로 거절된다'))
def only_some_accepted(replies: list[Reply], accepted: int, message: str) -> None:
    outcomes = Counter("accepted" if reply.status == 303 else reply.said for reply in replies)
    assert outcomes == {"accepted": accepted, message: len(replies) - accepted}, outcomes


@then(parsers.parse('고객 계좌에 들어온 1원 입금은 "{count:d}"건이다'))
def deposits_arrived(bank: ControlClient, customer: RegisteredCustomer, count: int) -> None:
    account = customer.identity.account
    assert len(bank.deposits(account.bank, account.digits)) == count


@when(parsers.parse('고객 휴대폰의 변조된 앱이 틀린 인증서 비밀번호 "{count:d}"개를 한꺼번에 보낸다'),
      target_fixture="replies")
def wrong_pins_at_once(mock_bank_url: str, bank: ControlClient, customer: RegisteredCustomer,
                       app_requests: AppRequests, count: int) -> list[Reply]:
    return send_at_once(mock_bank_url, pin_requests(bank, customer, wrong_pins(customer.secrets.pin, count)),
                        cookies=customer_device(app_requests))


@when(parsers.parse('누군가 다른 기기에서 고객 인증서에 틀린 인증서 비밀번호 "{count:d}"개를 한꺼번에 보낸다'),
      target_fixture="replies")
def wrong_pins_from_elsewhere(mock_bank_url: str, bank: ControlClient, customer: RegisteredCustomer,
                              count: int) -> list[Reply]:
    return send_at_once(mock_bank_url, pin_requests(bank, customer, wrong_pins(customer.secrets.pin, count)))


@when("누군가 다른 기기에서 고객의 인증서 비밀번호를 알아내 비밀번호를 바꾸려 한다", target_fixture="replies")
def pin_change_from_elsewhere(mock_bank_url: str, bank: ControlClient, customer: RegisteredCustomer) -> list[Reply]:
    serial = latest_certificate(bank, customer).serial
    new_pin = wrong_pins(customer.secrets.pin, 1)[0]
    body = {"serial": serial, "current_pin": customer.secrets.pin, "new_pin": new_pin, "confirmation": new_pin}
    return send_at_once(mock_bank_url, [BurstRequest("/api/certificate/pin-change", json=body,
                                                     headers=current_app(bank.app_version()["latest"]))])


@when("누군가 다른 기기에서 고객 인증서의 일련번호로 인증서 관리 화면을 연다")
def open_management_elsewhere(other_device: OtherDevice, bank: ControlClient, customer: RegisteredCustomer) -> None:
    serial = latest_certificate(bank, customer).serial
    other_device.centre.open_management_of(serial)


@then("다른 기기의 화면에 고객의 이름은 보이지 않는다")
def name_not_shown_elsewhere(other_device: OtherDevice, customer: RegisteredCustomer) -> None:
    expect(other_device.page.locator("body")).not_to_contain_text(customer.identity.name)


@then(parsers.parse('"{wrong:d}"개는 남은 입력 횟수와 함께 틀렸다는 답을 받고 나머지는 인증서가 잠겼다는 답을 받는다'))
def evaluated_until_locked(replies: list[Reply], wrong: int) -> None:
    reasons = Counter(reply.reason for reply in replies)
    assert reasons == {"pin_wrong": wrong, "certificate_locked": len(replies) - wrong}, reasons


@then("은행은 고객의 인증서를 잠긴 것으로 기록한다")
def recorded_locked(bank: ControlClient, customer: RegisteredCustomer) -> None:
    assert latest_certificate(bank, customer).status == "locked"


@when(parsers.parse('고객 휴대폰의 변조된 앱이 "{kind}" 비밀번호를 "{count:d}"번 보낸다'), target_fixture="replies")
def malformed_pins(mock_bank_url: str, bank: ControlClient, customer: RegisteredCustomer,
                   app_requests: AppRequests, kind: str, count: int) -> list[Reply]:
    value = not_a_pin(kind, customer.secrets.pin)
    device = customer_device(app_requests)
    return [reply for request in pin_requests(bank, customer, [value] * count)
            for reply in send_at_once(mock_bank_url, [request], cookies=device)]


@then(parsers.parse('은행은 그 요청을 모두 "{message}" 안내로 거절한다'))
def all_refused(replies: list[Reply], message: str) -> None:
    assert replies, "nothing was sent"
    assert all(400 <= reply.status < 500 and reply.said == message for reply in replies), replies


@when(parsers.parse('고객이 다른 사이트에서 은행의 "{screen}" 화면을 품은 페이지를 연다'))
def open_framing_page(other_site: OtherSite, mock_bank_url: str, screen: str) -> None:
    other_site.open_framing(f"{mock_bank_url}{SCREEN_PATHS[screen]}")


@then("그 페이지 안에는 은행의 화면이 열리지 않는다")
def not_framed(other_site: OtherSite, mock_bank_url: str) -> None:
    address = other_site.framed_address()
    assert not address.startswith(mock_bank_url), f"the bank's screen opened inside the other site: {address}"


@when("고객이 다른 사이트에서 은행으로 인증서 발급을 시작하는 양식을 보내는 페이지를 연다")
def open_forging_page(other_site: OtherSite, mock_bank_url: str) -> None:
    other_site.post_form(f"{mock_bank_url}/issue/start", {"purpose": "new"})
