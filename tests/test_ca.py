"""Unit tests of the mock bank's certificate authority: the chain it makes, the leaves it issues and their validity,
the keys it refuses, signatures checked against a leaf, and its saved material."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from certificate_holders import p1363_sign, spki
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID

from mock_bank.services.ca import (
    CaMaterial,
    CertificateAuthority,
    CertificateRejected,
    Holder,
    RejectReason,
    verify_key_matches,
    verify_signature,
)
from mock_bank.services.leaf_profile import Addresses
from support import certificates

NOW = datetime(2026, 3, 15, 9, 30, 12, 345678, tzinfo=UTC)
HOLDER = Holder(name="김민준", customer_id="C0001234")
KST = timezone(timedelta(hours=9), "KST")
ADDRESSES = Addresses("http://bank.test")


@pytest.fixture
def ca() -> CertificateAuthority:
    return CertificateAuthority.create(NOW, ADDRESSES)


@pytest.fixture
def client_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture
def leaf(ca: CertificateAuthority, client_key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    return ca.issue(spki(client_key), HOLDER, NOW)


def foreign_leaf(client_key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    return CertificateAuthority.create(NOW, ADDRESSES).issue(spki(client_key), HOLDER, NOW)


def test_issued_leaf_names_the_holder_and_verifies(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    assert leaf.subject.rfc4514_string() == "CN=김민준,OU=개인,O=KB국민은행,C=KR"
    assert leaf.issuer == ca.issuing_certificate.subject
    ca.verify(leaf, NOW)
    ca.verify(leaf, NOW + timedelta(days=500))


def test_leaf_is_valid_for_exactly_three_calendar_years(leaf: x509.Certificate) -> None:
    assert leaf.not_valid_before_utc == datetime(2026, 3, 15, 9, 30, 12, tzinfo=UTC)
    assert leaf.not_valid_after_utc == datetime(2029, 3, 15, 9, 30, 12, tzinfo=UTC)


def test_leaf_issued_on_29_february_expires_on_28_february(client_key: ec.EllipticCurvePrivateKey) -> None:
    leap_day = datetime(2028, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC)
    ca = CertificateAuthority.create(leap_day, ADDRESSES)
    leaf = ca.issue(spki(client_key), HOLDER, leap_day)
    assert leaf.not_valid_before_utc == datetime(2028, 2, 29, 23, 59, 59, tzinfo=UTC)
    assert leaf.not_valid_after_utc == datetime(2031, 2, 28, 23, 59, 59, tzinfo=UTC)
    assert ca.root_certificate.not_valid_after_utc == datetime(2048, 2, 29, 23, 59, 59, tzinfo=UTC)


def test_now_in_another_zone_is_normalised_to_utc(
    ca: CertificateAuthority, client_key: ec.EllipticCurvePrivateKey
) -> None:
    seoul = NOW.astimezone(KST)
    assert ca.issue(spki(client_key), HOLDER, seoul).not_valid_before_utc == NOW.replace(microsecond=0)


def test_naive_now_is_refused(ca: CertificateAuthority, client_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ca.issue(spki(client_key), HOLDER, NOW.replace(tzinfo=None))


def test_leaf_extensions(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    extensions = leaf.extensions
    san = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == ["urn:kbstar:customer:C0001234"]
    issuing_ski = ca.issuing_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == issuing_ski.value.digest
    ski = extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(leaf.public_key())
    constraints = extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and not constraints.value.ca
    key_usage = extensions.get_extension_for_class(x509.KeyUsage)
    assert key_usage.critical and key_usage.value.digital_signature and not key_usage.value.key_cert_sign
    eku = extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    assert 0 < leaf.serial_number < 2**159


def test_ca_certificates_constrain_the_chain(ca: CertificateAuthority) -> None:
    root, issuing = ca.root_certificate, ca.issuing_certificate
    issuing_constraints = issuing.extensions.get_extension_for_class(x509.BasicConstraints)
    assert issuing_constraints.critical
    assert issuing_constraints.value == x509.BasicConstraints(ca=True, path_length=0)
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    for certificate in (root, issuing):
        key_usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
        assert key_usage.critical and key_usage.value.key_cert_sign and key_usage.value.crl_sign
        assert not key_usage.value.digital_signature
    assert root.not_valid_after_utc == datetime(2046, 3, 15, 9, 30, 12, tzinfo=UTC)
    assert issuing.not_valid_after_utc == datetime(2036, 3, 15, 9, 30, 12, tzinfo=UTC)
    assert certificates.load_pem_chain(ca.chain_pem()) == [issuing, root]


def test_leaf_from_another_ca_is_untrusted(
    ca: CertificateAuthority, client_key: ec.EllipticCurvePrivateKey
) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        ca.verify(foreign_leaf(client_key), NOW)
    assert rejected.value.reason is RejectReason.UNTRUSTED_CHAIN


def test_leaf_is_valid_up_to_its_last_second(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    ca.verify(leaf, leaf.not_valid_before_utc)
    ca.verify(leaf, leaf.not_valid_after_utc)


def test_leaf_after_not_after_is_expired(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        ca.verify(leaf, leaf.not_valid_after_utc + timedelta(seconds=1))
    assert rejected.value.reason is RejectReason.EXPIRED


def test_leaf_before_not_before_is_not_yet_valid(ca: CertificateAuthority, leaf: x509.Certificate) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        ca.verify(leaf, leaf.not_valid_before_utc - timedelta(seconds=1))
    assert rejected.value.reason is RejectReason.NOT_YET_VALID


@pytest.mark.parametrize(
    "public_key_der",
    [
        pytest.param(spki(ec.generate_private_key(ec.SECP384R1())), id="p384"),
        pytest.param(
            ed25519.Ed25519PrivateKey.generate()
            .public_key()
            .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
            id="ed25519",
        ),
        pytest.param(b"\x30\x03\x02\x01\x00", id="garbage"),
        pytest.param(b"", id="empty"),
    ],
)
def test_issue_refuses_keys_other_than_p256(ca: CertificateAuthority, public_key_der: bytes) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        ca.issue(public_key_der, HOLDER, NOW)
    assert rejected.value.reason is RejectReason.MALFORMED_KEY


def test_signature_checked_against_the_certificate_key(
    leaf: x509.Certificate, client_key: ec.EllipticCurvePrivateKey
) -> None:
    verify_signature(leaf, b"login 2026-03-15", p1363_sign(client_key, b"login 2026-03-15"))
    with pytest.raises(CertificateRejected) as rejected:
        verify_signature(leaf, b"login 2026-03-16", p1363_sign(client_key, b"login 2026-03-15"))
    assert rejected.value.reason is RejectReason.BAD_SIGNATURE


def test_certificate_key_must_match(leaf: x509.Certificate, client_key: ec.EllipticCurvePrivateKey) -> None:
    verify_key_matches(leaf, spki(client_key))
    with pytest.raises(CertificateRejected) as rejected:
        verify_key_matches(leaf, spki(ec.generate_private_key(ec.SECP256R1())))
    assert rejected.value.reason is RejectReason.WRONG_KEY


def test_material_round_trips(ca: CertificateAuthority, client_key: ec.EllipticCurvePrivateKey) -> None:
    material = ca.material()
    restored = CertificateAuthority.from_material(material, ADDRESSES)
    assert restored.material() == material
    assert restored.root_certificate == ca.root_certificate
    ca.verify(restored.issue(spki(client_key), HOLDER, NOW), NOW)


def test_material_with_mismatched_key_is_refused(ca: CertificateAuthority) -> None:
    other = CertificateAuthority.create(NOW, ADDRESSES).material()
    mixed = CaMaterial(
        root_key_pem=other.root_key_pem,
        root_cert_pem=ca.material().root_cert_pem,
        issuing_key_pem=other.issuing_key_pem,
        issuing_cert_pem=other.issuing_cert_pem,
    )
    with pytest.raises(ValueError, match="root key"):
        CertificateAuthority.from_material(mixed, ADDRESSES)
