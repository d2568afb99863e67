"""The published CRL: what it lists and why, its signature and times, and what openssl makes of it."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from certificate_holders import CertificateHolder, issue_to
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from fastapi.testclient import TestClient

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError
from mock_bank.services.ca import CertificateAuthority
from mock_bank.services.sessions import Purpose
from support.certificates import CertificateCheckFailed
from support.revocation import revocation_of, verify_crl

WRONG_PIN = "258037"


def pem_of(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(Encoding.PEM).decode()


@pytest.fixture
def reissued(bank: Bank, kim: Person) -> tuple[CertificateHolder, CertificateHolder]:
    first = issue_to(bank, kim)
    return first, issue_to(bank, kim, Purpose.REISSUE)


def test_a_new_bank_publishes_an_empty_crl(bank: Bank) -> None:
    crl = bank.revocations.crl()
    assert len(crl) == 0
    assert crl.issuer == bank.ca.issuing_certificate.subject
    assert crl.is_signature_valid(bank.ca.issuing_certificate.public_key())  # type: ignore[arg-type]


def test_reissue_lists_the_old_serial_as_superseded(bank: Bank,
                                                    reissued: tuple[CertificateHolder, CertificateHolder]) -> None:
    old, new = reissued
    crl = bank.revocations.crl()
    assert crl.last_update_utc == bank.clock.now().replace(microsecond=0)
    assert crl.next_update_utc == crl.last_update_utc + timedelta(days=7)
    entry = revocation_of(crl, old.serial)
    assert entry is not None and entry.reason == "superseded"
    assert revocation_of(crl, new.serial) is None
    verify_crl(crl, pem_of(bank.ca.issuing_certificate), bank.clock.now())


def test_a_locked_certificate_is_listed_as_held(bank: Bank, kim: Person) -> None:
    holder = issue_to(bank, kim)
    for _ in range(5):
        with pytest.raises(BankError):
            bank.login.pin_challenge(holder.serial, WRONG_PIN)
    entry = revocation_of(bank.revocations.crl(), holder.serial)
    assert entry is not None and entry.reason == "certificateHold"


def test_the_crl_is_public_in_pem_and_der(client: TestClient, bank: Bank,
                                          reissued: tuple[CertificateHolder, CertificateHolder]) -> None:
    der = client.get("/ca/crl.der")
    pem = client.get("/ca/crl.pem")
    assert der.status_code == pem.status_code == 200
    from_der, from_pem = x509.load_der_x509_crl(der.content), x509.load_pem_x509_crl(pem.content)
    assert [entry.serial_number for entry in from_der] == [entry.serial_number for entry in from_pem]
    assert revocation_of(from_der, reissued[0].serial) is not None
    assert client.get("/ca/issuing.pem").text == pem_of(bank.ca.issuing_certificate)


def test_the_harness_rejects_a_crl_signed_by_someone_else(bank: Bank) -> None:
    other = CertificateAuthority.create(bank.clock.now(), bank.ca.addresses).issuing_certificate
    with pytest.raises(CertificateCheckFailed):
        verify_crl(bank.revocations.crl(), pem_of(other), bank.clock.now())


def test_the_harness_rejects_a_crl_that_is_out_of_date(bank: Bank) -> None:
    crl = bank.revocations.crl()
    with pytest.raises(CertificateCheckFailed):
        verify_crl(crl, pem_of(bank.ca.issuing_certificate), bank.clock.now() + bank.rules.crl_validity)


def write_files(folder: Path, bank: Bank, **leaves: CertificateHolder) -> None:
    (folder / "crl.pem").write_bytes(bank.revocations.crl().public_bytes(Encoding.PEM))
    (folder / "root.pem").write_text(pem_of(bank.ca.root_certificate))
    (folder / "issuing.pem").write_text(pem_of(bank.ca.issuing_certificate))
    for name, holder in leaves.items():
        (folder / f"{name}.pem").write_text(holder.pem)


def test_openssl_reads_the_crl_and_lists_the_revoked_serial(tmp_path: Path, openssl: str, bank: Bank,
                                                            reissued: tuple[CertificateHolder,
                                                                            CertificateHolder]) -> None:
    write_files(tmp_path, bank)
    result = subprocess.run([openssl, "crl", "-in", "crl.pem", "-noout", "-text"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    listed = {int(serial, 16) for serial in re.findall(r"Serial Number: ([0-9A-F]+)", result.stdout)}
    assert listed == {int(reissued[0].serial, 16)}
    assert "Superseded" in result.stdout


def test_openssl_verify_with_the_crl_rejects_the_revoked_certificate_only(
        tmp_path: Path, openssl: str, bank: Bank, reissued: tuple[CertificateHolder, CertificateHolder]) -> None:
    write_files(tmp_path, bank, old=reissued[0], new=reissued[1])
    # -attime pins the check (certificates and CRL) to the bank's clock; the machine's date is irrelevant.
    command = [openssl, "verify", "-crl_check", "-CRLfile", "crl.pem", "-attime",
               str(int(bank.clock.now().timestamp())), "-CAfile", "root.pem", "-untrusted", "issuing.pem"]
    old = subprocess.run([*command, "old.pem"], cwd=tmp_path, capture_output=True, text=True, check=False)
    new = subprocess.run([*command, "new.pem"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert old.returncode != 0
    assert "certificate revoked" in old.stdout + old.stderr
    assert new.returncode == 0, new.stdout + new.stderr
