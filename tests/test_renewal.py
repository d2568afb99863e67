"""갱신: offered from 30 days before expiry, for the same holder and root, retiring the old certificate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from certificate_holders import GOOD_PIN, CertificateHolder, issue_to, p1363_sign, sign_in, spki
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason
from mock_bank.services.issuance import IssuedCertificate
from support.certificates import holder_name, verify_client_certificate

SECOND = timedelta(seconds=1)


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


def renew(bank: Bank, holder: CertificateHolder) -> tuple[IssuedCertificate, ec.EllipticCurvePrivateKey]:
    challenge = bank.renewal.challenge(holder.serial, GOOD_PIN)
    key = ec.generate_private_key(ec.SECP256R1())
    renewed = bank.renewal.renew(holder.serial, challenge.id, p1363_sign(holder.key, challenge.nonce), spki(key),
                                 p1363_sign(key, challenge.nonce))
    return renewed, key


def pem_of(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(Encoding.PEM).decode()


@pytest.mark.parametrize(("offset", "renewable", "days_left"), [
    (-SECOND, False, 31), (timedelta(0), True, 30), (timedelta(days=1), True, 29),
    (timedelta(days=30), True, 0), (timedelta(days=30) + SECOND, False, 0),
])
def test_the_window_opens_30_days_before_expiry(bank: Bank, holder: CertificateHolder, offset: timedelta,
                                                renewable: bool, days_left: int) -> None:
    bank.clock.set(holder.certificate.not_valid_after_utc - timedelta(days=30) + offset)
    state = bank.certificates.state(holder.serial)
    assert (state.renewable, state.days_left) == (renewable, days_left)


def test_too_early_is_refused_with_the_30_days(bank: Bank, holder: CertificateHolder) -> None:
    bank.clock.set(holder.certificate.not_valid_after_utc - timedelta(days=30) - SECOND)
    with pytest.raises(BankError) as refused:
        bank.renewal.challenge(holder.serial, GOOD_PIN)
    assert refused.value.reason is Reason.RENEWAL_TOO_EARLY


def test_after_expiry_only_reissue_helps(bank: Bank, holder: CertificateHolder) -> None:
    bank.clock.set(holder.certificate.not_valid_after_utc + SECOND)
    with pytest.raises(BankError) as refused:
        bank.renewal.challenge(holder.serial, GOOD_PIN)
    assert refused.value.reason is Reason.CERTIFICATE_EXPIRED


def test_renewal_keeps_the_holder_and_the_root_and_retires_the_old_one(bank: Bank, kim: Person,
                                                                        holder: CertificateHolder) -> None:
    bank.clock.set(holder.certificate.not_valid_after_utc - timedelta(days=10))
    renewed, key = renew(bank, holder)
    new = x509.load_pem_x509_certificate(renewed.pem.encode())
    issuing, root = (pem_of(ca) for ca in (bank.ca.issuing_certificate, bank.ca.root_certificate))
    verify_client_certificate(renewed.pem, issuing, root, bank.clock.now())
    assert holder_name(new) == holder_name(holder.certificate) == kim.name
    assert new.public_key().public_numbers() != holder.certificate.public_key().public_numbers()
    assert new.not_valid_after_utc > holder.certificate.not_valid_after_utc
    old = bank.store.certificate(holder.serial)
    assert old is not None and old["status"] == "renewed"
    assert bank.revocations.entry(holder.serial) is not None
    renewed_holder = CertificateHolder(kim, renewed.serial, renewed.pem, key, holder.device_token)
    sign_in(bank, renewed_holder)  # the PIN set at issuance carries over
    bank.devices.require_holder(renewed.serial, holder.device_token)  # and so does the device
    assert bank.certificates.state(renewed.serial).id_kind == "resident"


def test_renewal_needs_the_current_key(bank: Bank, holder: CertificateHolder) -> None:
    bank.clock.set(holder.certificate.not_valid_after_utc - timedelta(days=10))
    challenge = bank.renewal.challenge(holder.serial, GOOD_PIN)
    stranger, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(BankError) as refused:
        bank.renewal.renew(holder.serial, challenge.id, p1363_sign(stranger, challenge.nonce), spki(key),
                           p1363_sign(key, challenge.nonce))
    assert refused.value.reason is Reason.SIGNATURE_BAD
    row = bank.store.certificate(holder.serial)
    assert row is not None and row["status"] == "active"
