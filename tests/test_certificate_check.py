"""The harness's own check of an issued certificate (support/certificates.py), which imports nothing from the mock
bank, and openssl's verdict on the same chain."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from certificate_holders import spki
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from mock_bank.services.ca import CertificateAuthority, Holder
from mock_bank.services.leaf_profile import Addresses
from support import certificates

NOW = datetime(2026, 3, 15, 9, 30, 12, 345678, tzinfo=UTC)
HOLDER = Holder(name="김민준", customer_id="C0001234")
ADDRESSES = Addresses("http://bank.test")


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def spki_of(certificate: x509.Certificate) -> bytes:
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def issue_leaf(ca: CertificateAuthority) -> x509.Certificate:
    return ca.issue(spki(ec.generate_private_key(ec.SECP256R1())), HOLDER, NOW)


@pytest.fixture
def ca() -> CertificateAuthority:
    return CertificateAuthority.create(NOW, ADDRESSES)


@pytest.fixture
def leaf(ca: CertificateAuthority) -> x509.Certificate:
    return issue_leaf(ca)


def test_harness_accepts_the_issued_leaf(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    checked = certificates.verify_client_certificate(
        pem(leaf), pem(ca.issuing_certificate), pem(ca.root_certificate), NOW
    )
    assert certificates.holder_name(checked) == "김민준"
    assert certificates.organization(checked) == "KB국민은행"
    assert certificates.customer_id(checked) == "C0001234"
    assert certificates.validity_years(checked) == 3
    assert certificates.public_key_spki_der(checked) == spki_of(leaf)


def test_harness_rejects_a_leaf_from_another_ca(ca: CertificateAuthority) -> None:
    foreign_leaf = issue_leaf(CertificateAuthority.create(NOW, ADDRESSES))
    with pytest.raises(certificates.CertificateCheckFailed, match="does not verify"):
        certificates.verify_client_certificate(
            pem(foreign_leaf), pem(ca.issuing_certificate), pem(ca.root_certificate), NOW
        )


def test_harness_rejects_an_expired_leaf(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    with pytest.raises(certificates.CertificateCheckFailed, match="does not verify"):
        certificates.verify_client_certificate(
            pem(leaf), pem(ca.issuing_certificate), pem(ca.root_certificate), NOW + timedelta(days=3 * 366)
        )


def test_openssl_accepts_the_chain(tmp_path: Path, openssl: str, ca: CertificateAuthority,
                                   leaf: x509.Certificate) -> None:
    chain = {"leaf": leaf, "issuing": ca.issuing_certificate, "root": ca.root_certificate}
    for name, certificate in chain.items():
        (tmp_path / f"{name}.pem").write_text(pem(certificate), encoding="ascii")
    # -attime pins the check to the injected clock; the machine's date is irrelevant.
    pinned = ["-attime", str(int(NOW.timestamp()))]
    strict = ["-x509_strict", "-purpose", "sslclient"]
    command = [openssl, "verify", *strict, *pinned, "-CAfile", "root.pem", "-untrusted", "issuing.pem"]
    result = subprocess.run([*command, "leaf.pem"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "leaf.pem: OK"
