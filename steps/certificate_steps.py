"""The issued certificate, checked by the harness itself: chain, holder, validity, key and relying-party profile."""

from __future__ import annotations

from cryptography import x509
from playwright.sync_api import expect
from pytest_bdd import parsers, then

from fixtures.certificates import IssuedCertificate
from identities.registered_customer import RegisteredCustomer
from pages.completion_screen import CompletionScreen
from pages.device_storage import DeviceStorage
from support.certificate_profile import check_relying_party_profile
from support.certificates import (
    holder_name,
    public_key_spki_der,
    readable_private_keys,
    validity_years,
    verify_client_certificate,
)
from support.control_client import ControlClient


@then("인증서 발급 완료 화면이 보인다")
def completion_shown(completion_screen: CompletionScreen) -> None:
    expect(completion_screen.heading).to_be_visible()


@then("완료 화면의 소유자는 고객 본인이다")
def completion_holder(completion_screen: CompletionScreen, customer: RegisteredCustomer) -> None:
    expect(completion_screen.holder).to_have_text(customer.identity.name)


@then("발급된 인증서는 모의 은행의 루트 인증서까지 검증된다", target_fixture="verified_certificate")
def chain_verifies(issued_certificate: IssuedCertificate, bank: ControlClient) -> x509.Certificate:
    chain = issued_certificate.chain
    return verify_client_certificate(issued_certificate.pem, chain.issuing_pem, chain.root_pem, bank.now())


@then("인증서의 소유자는 고객 본인이다")
def certificate_holder(verified_certificate: x509.Certificate, customer: RegisteredCustomer) -> None:
    assert holder_name(verified_certificate) == customer.identity.name


@then(parsers.parse('인증서의 유효기간은 "{years:d}"년이다'))
def certificate_validity(verified_certificate: x509.Certificate, years: int) -> None:
    assert validity_years(verified_certificate) == years


@then("인증서의 공개키는 고객 휴대폰에 저장된 키와 같다")
def certificate_key_on_device(verified_certificate: x509.Certificate, device_storage: DeviceStorage) -> None:
    assert public_key_spki_der(verified_certificate) == device_storage.public_key_der()


@then("고객 휴대폰에 저장된 개인키는 비밀번호나 패턴 없이는 읽을 수 없다")
def private_key_sealed(device_storage: DeviceStorage) -> None:
    values = device_storage.stored_values()
    assert values, "the device keeps no certificate"
    assert readable_private_keys(values) == [], "the device keeps its private key in the clear"


@then("인증서에는 은행의 폐기 목록과 CA 인증서, OCSP 응답기 주소, 인증서 정책과 부인 방지 용도가 담겨 있다")
def relying_party_profile(verified_certificate: x509.Certificate, issued_certificate: IssuedCertificate,
                          mock_bank_url: str, bank: ControlClient) -> None:
    check_relying_party_profile(verified_certificate, mock_bank_url, issued_certificate.chain.issuing_pem, bank.now)
