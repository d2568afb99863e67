"""The harness's own check of an issued client certificate, independent of the mock bank's code."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

# Restated here rather than imported: the harness checks the bank against the published format.
CUSTOMER_URI_PREFIX = "urn:kbstar:customer:"


class CertificateCheckFailed(Exception):
    """An issued certificate or chain did not pass the harness's checks; the message says which and why."""


def load_pem_chain(text: str) -> list[x509.Certificate]:
    """Every certificate in a PEM bundle, in the order given."""
    try:
        certificates = x509.load_pem_x509_certificates(text.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as error:
        raise CertificateCheckFailed(f"not a PEM certificate bundle: {error}") from error
    return certificates


def _load_one(pem: str, role: str) -> x509.Certificate:
    certificates = load_pem_chain(pem)
    if len(certificates) != 1:
        raise CertificateCheckFailed(f"expected one {role} certificate, found {len(certificates)}")
    return certificates[0]


def verify_client_certificate(
    leaf_pem: str, issuing_pem: str, root_pem: str, at: datetime
) -> x509.Certificate:
    """Return the leaf once it chains leaf → issuing CA → root as a client-auth certificate valid `at`."""
    if at.tzinfo is None:
        raise ValueError("verification time must be timezone-aware")
    leaf = _load_one(leaf_pem, "leaf")
    issuing = _load_one(issuing_pem, "issuing CA")
    root = _load_one(root_pem, "root")
    verifier = PolicyBuilder().store(Store([root])).time(at.astimezone(UTC)).build_client_verifier()
    try:
        verified = verifier.verify(leaf, [issuing])
    except VerificationError as error:
        start, end = validity(leaf)
        raise CertificateCheckFailed(
            f"{leaf.subject.rfc4514_string()} does not verify at {at.isoformat()} "
            f"(valid {start.isoformat()} to {end.isoformat()}): {error}"
        ) from error
    # A longer chain would mean the bank slipped in an extra CA; shorter would skip the issuing CA.
    if verified.chain != [leaf, issuing, root]:
        subjects = [certificate.subject.rfc4514_string() for certificate in verified.chain]
        raise CertificateCheckFailed(f"unexpected chain: {subjects}")
    return leaf


def validity(certificate: x509.Certificate) -> tuple[datetime, datetime]:
    """(not before, not after), both in UTC."""
    return certificate.not_valid_before_utc, certificate.not_valid_after_utc


def calendar_years_after(start: datetime, years: int) -> datetime:
    """Same date and time `years` later; 29 February falls back to 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def validity_years(certificate: x509.Certificate) -> int:
    """How many whole calendar years the certificate is valid for; fails if it is not a whole number."""
    start, end = validity(certificate)
    years = end.year - start.year
    if years < 1 or calendar_years_after(start, years) != end:
        raise CertificateCheckFailed(
            f"validity {start.isoformat()} to {end.isoformat()} is not a whole number of calendar years"
        )
    return years


def openssl_serial(certificate: x509.Certificate) -> str:
    """The serial as `openssl x509 -serial` prints it: upper-case hex of whole bytes, a leading zero kept."""
    digits = format(certificate.serial_number, "X")
    return digits.zfill(len(digits) + len(digits) % 2)


def public_key_spki_der(certificate: x509.Certificate) -> bytes:
    """The certified key as SubjectPublicKeyInfo DER, the form WebCrypto exports as 'spki'."""
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier, label: str) -> str:
    attributes = certificate.subject.get_attributes_for_oid(oid)
    if len(attributes) != 1:
        raise CertificateCheckFailed(f"expected one {label} in the subject, found {len(attributes)}")
    value = attributes[0].value
    return value if isinstance(value, str) else value.decode("utf-8")


def holder_name(certificate: x509.Certificate) -> str:
    """The subject's common name: the customer's name."""
    return _attribute(certificate, NameOID.COMMON_NAME, "CN")


def organization(certificate: x509.Certificate) -> str:
    """The subject's organization, which names the issuing bank."""
    return _attribute(certificate, NameOID.ORGANIZATION_NAME, "O")


def customer_id(certificate: x509.Certificate) -> str:
    """The customer id carried in the subject alternative name's URN."""
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound as error:
        raise CertificateCheckFailed("the certificate has no subject alternative name") from error
    uris = [
        uri
        for uri in san.get_values_for_type(x509.UniformResourceIdentifier)
        if uri.startswith(CUSTOMER_URI_PREFIX)
    ]
    if len(uris) != 1:
        raise CertificateCheckFailed(f"expected one {CUSTOMER_URI_PREFIX} URI, found {uris}")
    return uris[0].removeprefix(CUSTOMER_URI_PREFIX)


def readable_private_keys(values: list[str]) -> list[str]:
    """The stored texts that are a private key anyone can read: base64 of PKCS#8 DER, or PEM."""
    readable = []
    for value in values:
        try:
            if value.startswith("-----BEGIN"):
                serialization.load_pem_private_key(value.encode(), password=None)
            else:
                serialization.load_der_private_key(base64.b64decode(value, validate=True), password=None)
        except (ValueError, TypeError, binascii.Error, UnsupportedAlgorithm):
            continue
        readable.append(value[:12] + "…")
    return readable
