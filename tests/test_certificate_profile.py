"""The certificate's profile as a relying party reads it: the serial as openssl prints it, the addresses,
policy and key usage the leaf carries, and the harness's own check of them (support/certificate_profile.py)."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from certificate_holders import issue_to
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID
from fastapi.testclient import TestClient

from conftest import KIM, START, Person, ServedBank, register
from mock_bank.__main__ import parse_settings
from mock_bank.bank import Bank
from mock_bank.services.ca import CertificateAuthority, Holder
from mock_bank.services.issuance import serial_text
from mock_bank.services.leaf_profile import Addresses
from mock_bank.web.rendering import DEVICE_COOKIE
from support.certificate_profile import check_relying_party_profile, profile_problems
from support.certificates import CertificateCheckFailed, openssl_serial

PUBLIC_URL = "https://bank.example:8443/kb"
# 159 random bits, as cryptography draws them, but with the top nibble zero: hex has an odd number of digits.
LEADING_ZERO_SERIAL = (0x0F << 152) | 0x1234_5678_9ABC_DEF0


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
    # The CA draws its serials from cryptography; one with a zero top nibble comes about once in eight.
    monkeypatch.setattr(x509, "random_serial_number", lambda: LEADING_ZERO_SERIAL)
    holder = issue_to(bank, kim)
    assert holder.serial == openssl_prints(openssl, tmp_path, holder.pem)
    client.cookies.set(DEVICE_COOKIE, holder.device_token)
    screen = client.get("/certificate-centre/manage", params={"serial": holder.serial})
    assert screen.status_code == 200
    assert f">{holder.serial}</dd>" in screen.text


@pytest.fixture
def leaf() -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    spki = key.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return CertificateAuthority.create(START, Addresses(PUBLIC_URL)).issue(spki, Holder("김민준", "C0001234"), START)


def access(certificate: x509.Certificate) -> dict[str, list[str]]:
    described = certificate.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    found: dict[str, list[str]] = {}
    for description in described:
        found.setdefault(description.access_method.dotted_string, []).append(description.access_location.value)
    return found


def crl_addresses(certificate: x509.Certificate) -> list[str]:
    points = certificate.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    return [name.value for point in points for name in point.full_name or []]


def test_the_leaf_points_to_the_banks_own_crl_ca_certificate_and_ocsp(leaf: x509.Certificate) -> None:
    assert crl_addresses(leaf) == [f"{PUBLIC_URL}/ca/crl.der"]
    assert access(leaf) == {AuthorityInformationAccessOID.OCSP.dotted_string: [f"{PUBLIC_URL}/ca/ocsp"],
                            AuthorityInformationAccessOID.CA_ISSUERS.dotted_string: [f"{PUBLIC_URL}/ca/issuing.der"]}
    assert not leaf.extensions.get_extension_for_class(x509.CRLDistributionPoints).critical


def test_the_leaf_names_the_test_policy_and_may_sign_transactions(leaf: x509.Certificate) -> None:
    policies = leaf.extensions.get_extension_for_class(x509.CertificatePolicies).value
    assert [policy.policy_identifier.dotted_string for policy in policies] == ["1.3.6.1.5.5.7.13.1"]
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert not (usage.value.key_encipherment or usage.value.key_agreement or usage.value.key_cert_sign
                or usage.value.crl_sign)
    assert list(leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value) == [
        ExtendedKeyUsageOID.CLIENT_AUTH]


def test_what_the_certificate_points_to_is_served_there(client: TestClient, bank: Bank, kim: Person) -> None:
    certificate = issue_to(bank, kim).certificate
    base = bank.ca.addresses.public_url
    (crl_url,) = crl_addresses(certificate)
    issuer_url = access(certificate)[AuthorityInformationAccessOID.CA_ISSUERS.dotted_string][0]
    assert crl_url.startswith(base) and issuer_url.startswith(base)
    crl = client.get(urlsplit(crl_url).path)
    assert crl.headers["content-type"] == "application/pkix-crl"
    assert x509.load_der_x509_crl(crl.content).issuer == certificate.issuer
    issuer = client.get(urlsplit(issuer_url).path)
    assert issuer.headers["content-type"] == "application/pkix-cert"
    assert x509.load_der_x509_certificate(issuer.content) == bank.ca.issuing_certificate


def test_the_public_url_defaults_to_where_the_bank_serves() -> None:
    assert parse_settings(["--port", "9123"]).public_url == "http://127.0.0.1:9123"
    assert parse_settings(["--host", "localhost", "--port", "80"]).public_url == "http://localhost:80"
    assert parse_settings(["--public-url", f"{PUBLIC_URL}/"]).public_url == PUBLIC_URL


@pytest.mark.parametrize("url", ["bank.example", "ftp://bank.example", "https://", "https://bank.example/?x=1"])
def test_a_public_url_that_is_not_an_http_address_is_refused(url: str) -> None:
    with pytest.raises(SystemExit):
        parse_settings(["--public-url", url])


def variant(leaf: x509.Certificate, *, drop: type[x509.ExtensionType] | None = None,
            swap: x509.ExtensionType | None = None) -> x509.Certificate:
    """The leaf again, self-signed, with one extension dropped or swapped for another of its type."""
    builder = (x509.CertificateBuilder().subject_name(leaf.subject).issuer_name(leaf.issuer)
               .public_key(leaf.public_key()).serial_number(leaf.serial_number)
               .not_valid_before(leaf.not_valid_before_utc).not_valid_after(leaf.not_valid_after_utc))
    for extension in leaf.extensions:
        if drop is not None and isinstance(extension.value, drop):
            continue
        value = swap if swap is not None and type(swap) is type(extension.value) else extension.value
        builder = builder.add_extension(value, extension.critical)
    return builder.sign(ec.generate_private_key(ec.SECP256R1()), hashes.SHA256())


SIGNING_ONLY = x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                             data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                             encipher_only=False, decipher_only=False)
ELSEWHERE = x509.AuthorityInformationAccess([
    x509.AccessDescription(AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.test")),
    x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                           x509.UniformResourceIdentifier(f"{PUBLIC_URL}/ca/issuing.der"))])


def test_the_harness_accepts_the_banks_profile(leaf: x509.Certificate) -> None:
    assert profile_problems(leaf, PUBLIC_URL) == []


@pytest.mark.parametrize(("changed", "named"), [
    ({"swap": SIGNING_ONLY}, "nonRepudiation"),
    ({"drop": x509.KeyUsage}, "no key usage"),
    ({"drop": x509.CertificatePolicies}, "test policy"),
    ({"drop": x509.CRLDistributionPoints}, "CRL distribution points []"),
    ({"swap": ELSEWHERE}, "OCSP responder ['http://ocsp.test']"),
], ids=["no-nonrepudiation", "no-key-usage", "no-policy", "no-crl", "ocsp-elsewhere"])
def test_the_harness_names_what_the_profile_lacks(leaf: x509.Certificate, changed: dict[str, object],
                                                  named: str) -> None:
    problems = profile_problems(variant(leaf, **changed), PUBLIC_URL)  # type: ignore[arg-type]
    assert len(problems) == 1 and named in problems[0], problems


def test_the_harness_wants_the_addresses_of_the_bank_it_tests(leaf: x509.Certificate) -> None:
    assert len(profile_problems(leaf, "http://127.0.0.1:9999")) == 3


def test_the_harness_follows_the_addresses_to_a_served_bank(served: ServedBank) -> None:
    certificate = issue_to(served.bank, register(served.bank, KIM)).certificate
    ca = served.bank.ca
    issuing_pem = ca.issuing_certificate.public_bytes(Encoding.PEM).decode()
    check_relying_party_profile(certificate, served.url, issuing_pem, served.bank.clock.now)
    with pytest.raises(CertificateCheckFailed, match="not the issuing CA"):
        check_relying_party_profile(certificate, served.url, ca.root_certificate.public_bytes(Encoding.PEM).decode(),
                                    served.bank.clock.now)
