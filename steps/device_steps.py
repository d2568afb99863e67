"""The customer's other phone (USE-5): no certificate there, none to import, and 기기 등록 moving it there."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from fixtures.devices import OtherDevice
from flows.reissue_journey import Reissue
from identities.registered_customer import RegisteredCustomer
from pages.device_storage import DeviceStorage
from steps.issued_certificates import latest_certificate
from support.certificates import public_key_spki_der
from support.control_client import ControlClient


@when("고객이 다른 기기에서 앱을 실행해 인증서 비밀번호로 로그인한다")
def sign_in_on_other_device(other_device: OtherDevice, customer: RegisteredCustomer) -> None:
    other_device.start.launch()
    other_device.start.sign_in_with_pin(customer.secrets.pin)


@when("고객이 다른 기기에서 인증서 비밀번호로 로그인한다")
def sign_in_again_on_other_device(other_device: OtherDevice, customer: RegisteredCustomer) -> None:
    other_device.start.launch()
    other_device.start.sign_in_with_pin(customer.secrets.pin)


@when("고객이 다른 기기의 인증센터에서 인증서를 가져오려 한다")
def try_import(other_device: OtherDevice) -> None:
    other_device.start.launch()
    other_device.start.open_certificate_centre()
    other_device.centre.try_import()


@when("고객이 다른 기기의 인증센터에서 기기 등록을 마친다")
def register_other_device(other_device: OtherDevice, bank: ControlClient) -> None:
    other_device.centre.open()
    other_device.centre.register_device()
    Reissue(other_device.journey, bank).complete()


@then(parsers.parse('다른 기기에 "{message}" 안내가 보인다'))
def other_device_says(other_device: OtherDevice, message: str) -> None:
    expect(other_device.messages.alert).to_have_text(message)


@then("다른 기기에는 인증서도 키도 저장되어 있지 않다")
def nothing_on_other_device(other_device: OtherDevice) -> None:
    assert other_device.storage.certificate_pem() is None


@then("다른 기기에 인증서 발급 완료 화면이 보인다")
def issued_on_other_device(other_device: OtherDevice) -> None:
    expect(other_device.journey.screens.completion.heading).to_be_visible()


@then("다른 기기에 저장된 키는 은행이 새로 발급한 인증서의 키이고, 처음 기기의 키와 다르다")
def keys_differ(other_device: OtherDevice, device_storage: DeviceStorage, bank: ControlClient,
                customer: RegisteredCustomer) -> None:
    moved_key = other_device.storage.public_key_der()
    assert moved_key == public_key_spki_der(latest_certificate(bank, customer).certificate)
    assert moved_key != device_storage.public_key_der()


@then("다른 기기에서 고객 본인의 이름으로 로그인된다")
def signed_in_on_other_device(other_device: OtherDevice, customer: RegisteredCustomer) -> None:
    expect(other_device.home.welcome).to_have_text(f"{customer.identity.name}님, 환영합니다")
