"""The certificate's life checked by the harness itself: the published CRL, the renewed chain, the keys.

Nothing here trusts the bank's screens: the CRL is fetched from its public URL and its signature verified
with the issuing CA's certificate; chains are verified with `cryptography` (support/certificates.py).
"""

from __future__ import annotations

from collections.abc import Callable

import allure
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pytest_bdd import parsers, then

from identities.registered_customer import RegisteredCustomer
from pages.device_storage import DeviceStorage
from steps.issued_certificates import first_certificate, latest_certificate
from support.certificates import holder_name, public_key_spki_der, verify_client_certificate
from support.control_client import ControlClient
from support.ocsp import ask_responder
from support.revocation import fetch_crl, revocation_of, verify_crl

# The CRL reasons a feature names, as RFC 5280 (and cryptography) spell them.
CRL_REASONS = {"다른 인증서로 대체": "superseded", "효력 정지": "certificateHold"}
OCSP_STATUSES = {"정상": "good", "폐기": "revoked"}
PEM_MIME = "application/x-pem-file"

CrlReader = Callable[[], x509.CertificateRevocationList]


@pytest.fixture
def read_crl(mock_bank_url: str, bank: ControlClient) -> CrlReader:
    """Fetch the CRL as it is now, check it is the issuing CA's and current at the bank's clock, attach it."""

    def read() -> x509.CertificateRevocationList:
        crl = fetch_crl(mock_bank_url)
        verify_crl(crl, bank.ca_chain().issuing_pem, bank.now())
        allure.attach(crl.public_bytes(Encoding.PEM).decode(), name="인증서 폐기 목록 (CRL, PEM)",
                      attachment_type=PEM_MIME, extension="pem")
        return crl

    return read


@then(parsers.parse('고객이 처음 발급받은 인증서는 은행의 인증서 폐기 목록에 "{reason}" 사유로 올라 있다'))
def first_certificate_revoked(read_crl: CrlReader, bank: ControlClient, customer: RegisteredCustomer,
                              reason: str) -> None:
    first = first_certificate(bank, customer)
    entry = revocation_of(read_crl(), first.serial)
    assert entry is not None, f"certificate {first.serial} is not in the CRL"
    assert entry.reason == CRL_REASONS[reason]


@then(parsers.parse('은행의 OCSP 응답기는 고객이 처음 발급받은 인증서를 "{first}" 상태로, '
                   '새 인증서를 "{latest}" 상태로 답한다'))
def ocsp_answers(bank: ControlClient, customer: RegisteredCustomer, first: str, latest: str) -> None:
    """Asked with openssl at the responder each certificate names (support/ocsp.py), as a relying party would."""
    chain = bank.ca_chain()
    answers = [ask_responder(recorded.pem, chain.issuing_pem, chain.root_pem, bank.now())
               for recorded in (first_certificate(bank, customer), latest_certificate(bank, customer))]
    for which, answer in zip(("처음", "새"), answers, strict=True):
        allure.attach(answer.text, name=f"OCSP 응답, {which} 인증서 (openssl ocsp)",
                      attachment_type=allure.attachment_type.TEXT)
    assert [answer.status for answer in answers] == [OCSP_STATUSES[first], OCSP_STATUSES[latest]]


@then("고객의 새 인증서는 모의 은행의 루트 인증서까지 검증되고 폐기 목록에 없다",
      target_fixture="verified_certificate")
def new_certificate_good(read_crl: CrlReader, bank: ControlClient,
                         customer: RegisteredCustomer) -> x509.Certificate:
    latest = latest_certificate(bank, customer)
    assert latest.serial != first_certificate(bank, customer).serial, "no new certificate was issued"
    chain = bank.ca_chain()
    verified = verify_client_certificate(latest.pem, chain.issuing_pem, chain.root_pem, bank.now())
    assert revocation_of(read_crl(), latest.serial) is None
    return verified


@then("갱신한 인증서는 처음 인증서와 같은 루트 인증서까지 검증된다", target_fixture="renewed_certificate")
def renewed_chains_to_same_root(bank: ControlClient, customer: RegisteredCustomer) -> x509.Certificate:
    first, renewed = first_certificate(bank, customer), latest_certificate(bank, customer)
    assert renewed.serial != first.serial, "no new certificate was issued"
    chain = bank.ca_chain()
    # One root for both: the first verified at its own start, the renewed one now.
    verify_client_certificate(first.pem, chain.issuing_pem, chain.root_pem, first.certificate.not_valid_before_utc)
    return verify_client_certificate(renewed.pem, chain.issuing_pem, chain.root_pem, bank.now())


@then("갱신한 인증서의 소유자는 고객 본인이다")
def renewed_holder(renewed_certificate: x509.Certificate, customer: RegisteredCustomer) -> None:
    assert holder_name(renewed_certificate) == customer.identity.name


@then("갱신한 인증서의 공개키는 고객 휴대폰에 새로 저장된 키와 같다")
def renewed_key_on_device(renewed_certificate: x509.Certificate, device_storage: DeviceStorage,
                          bank: ControlClient, customer: RegisteredCustomer) -> None:
    stored = device_storage.public_key_der()
    assert stored == public_key_spki_der(renewed_certificate)
    assert stored != public_key_spki_der(first_certificate(bank, customer).certificate), "the key was not renewed"
