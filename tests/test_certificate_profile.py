"""The certificate's profile as a relying party reads it: the serial as openssl prints it, and (below) the
addresses, policy and key usage the leaf carries."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from certificate_holders import issue_to
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from fastapi.testclient import TestClient

from conftest import START, Person
from mock_bank.bank import Bank
from mock_bank.services import ca as ca_module
from mock_bank.services.issuance import serial_text
from mock_bank.web.rendering import DEVICE_COOKIE
from support.certificates import openssl_serial

# 159 random bits, as cryptography draws them, but with the top nibble zero: hex has an odd number of digits.
LEADING_ZERO_SERIAL = (0x0F << 152) | 0x1234_5678_9ABC_DEF0


@pytest.fixture
def openssl() -> str:
    found = shutil.which("openssl")
    if found is None:
        pytest.skip("openssl is not on PATH")
    return found


def self_signed(serial: int) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "serial test")])
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(serial).not_valid_before(START).not_valid_after(START + timedelta(days=1))
            .sign(key, hashes.SHA256()))


def openssl_prints(openssl: str, folder: Path, pem: str) -> str:
    (folder / "leaf.pem").write_text(pem)
    result = subprocess.run([openssl, "x509", "-in", "leaf.pem", "-noout", "-serial"], cwd=folder,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().removeprefix("serial=")


@pytest.mark.parametrize(("serial", "text"), [(0xABC, "0ABC"), (0x12AB, "12AB"), (0x1, "01"),
                                              (LEADING_ZERO_SERIAL, f"0{LEADING_ZERO_SERIAL:X}")],
                         ids=["odd", "even", "one", "random-sized"])
def test_the_serial_is_written_in_whole_bytes(serial: int, text: str) -> None:
    assert serial_text(serial) == text
    assert openssl_serial(self_signed(serial)) == text


def test_bank_and_harness_write_the_serial_as_openssl_does(tmp_path: Path, openssl: str) -> None:
    certificate = self_signed(LEADING_ZERO_SERIAL)
    printed = openssl_prints(openssl, tmp_path, certificate.public_bytes(Encoding.PEM).decode())
    assert printed.startswith("0F")
    assert serial_text(LEADING_ZERO_SERIAL) == openssl_serial(certificate) == printed


def test_an_issued_serial_with_a_leading_zero_is_shown_in_full(tmp_path: Path, openssl: str, bank: Bank, kim: Person,
                                                               client: TestClient,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ca_module.x509, "random_serial_number", lambda: LEADING_ZERO_SERIAL)
    holder = issue_to(bank, kim)
    assert holder.serial == openssl_prints(openssl, tmp_path, holder.pem)
    client.cookies.set(DEVICE_COOKIE, holder.device_token)
    screen = client.get("/certificate-centre/manage", params={"serial": holder.serial})
    assert screen.status_code == 200
    assert f">{holder.serial}</dd>" in screen.text
