"""The harness's own reading of the bank's CRL: fetched over HTTP like any relying party, checked for real.

A CRL counts only if the issuing CA signed it, names that CA as its issuer, and is current at the moment
asked about (this_update <= at < next_update); only then does an entry in it mean the certificate is revoked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from support.certificates import CertificateCheckFailed, load_pem_chain

CRL_PATH = "/ca/crl.der"


@dataclass(frozen=True)
class Revoked:
    serial: int
    revoked_at: datetime
    reason: str | None  # the CRLReason's name, e.g. 'superseded', 'certificateHold'


def fetch_crl(bank_url: str) -> x509.CertificateRevocationList:
    """The CRL the bank publishes, from its public URL (no test control involved)."""
    return fetch_crl_at(f"{bank_url}{CRL_PATH}")


def fetch_crl_at(url: str) -> x509.CertificateRevocationList:
    """A DER CRL from wherever it is published, such as a certificate's CRL distribution point."""
    response = httpx.get(url, timeout=10.0)
    response.raise_for_status()
    try:
        return x509.load_der_x509_crl(response.content)
    except ValueError as error:
        raise CertificateCheckFailed(f"{url} is not a DER CRL: {error}") from error


def verify_crl(crl: x509.CertificateRevocationList, issuing_pem: str, at: datetime) -> None:
    """Raise unless the issuing CA signed the CRL, is its issuer, and the CRL is current `at`."""
    (issuing,) = load_pem_chain(issuing_pem)
    if crl.issuer != issuing.subject:
        raise CertificateCheckFailed(f"CRL issuer {crl.issuer.rfc4514_string()} is not the issuing CA")
    public_key = issuing.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise CertificateCheckFailed(f"expected the issuing CA's EC key, found {public_key!r}")
    if not crl.is_signature_valid(public_key):
        raise CertificateCheckFailed("the CRL's signature does not verify with the issuing CA's key")
    moment = at.astimezone(UTC)
    next_update = crl.next_update_utc
    if not crl.last_update_utc <= moment or next_update is None or not moment < next_update:
        raise CertificateCheckFailed(f"the CRL is not current at {moment.isoformat()} "
                                     f"(this update {crl.last_update_utc}, next update {next_update})")


def revocation_of(crl: x509.CertificateRevocationList, serial_hex: str) -> Revoked | None:
    """The CRL's entry for a certificate serial as the bank writes it (hex), or None if not revoked."""
    entry = crl.get_revoked_certificate_by_serial_number(int(serial_hex, 16))
    if entry is None:
        return None
    try:
        reason: str | None = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
    except x509.ExtensionNotFound:
        reason = None
    return Revoked(entry.serial_number, entry.revocation_date_utc, reason)
