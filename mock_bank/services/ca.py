"""The mock bank's certificate authority: a root, an issuing CA and KB국민인증서 client certificates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from mock_bank.services.leaf_profile import Addresses, with_relying_party_extensions
from mock_bank.services.x509_parts import (
    as_utc,
    authority_key_id,
    ca_builder,
    certificate_builder,
    certificate_pem,
    distinguished_name,
    key_pem,
    key_usage,
    load_ca_key,
    spki,
)

ROOT_YEARS = 20
ISSUING_YEARS = 10
LEAF_YEARS = 3
CUSTOMER_URI_PREFIX = "urn:kbstar:customer:"
PERSONAL_UNIT = "개인"
# WebCrypto's ECDSA output is IEEE P1363: r and s as fixed-width big-endian integers, 32 bytes each on P-256.
_P256_COORDINATE_BYTES = 32
_P1363_SIGNATURE_BYTES = 2 * _P256_COORDINATE_BYTES


class RejectReason(StrEnum):
    """Why a key, certificate or signature was refused; the web layer words these in Korean."""

    BAD_SIGNATURE = "bad_signature"
    UNTRUSTED_CHAIN = "untrusted_chain"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_KEY = "wrong_key"
    MALFORMED_KEY = "malformed_key"


class CertificateRejected(Exception):
    """A key, certificate or signature failed a check; `reason` says which."""

    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class CaMaterial:
    """Everything needed to rebuild the same CA in another process: PKCS#8 keys and certificates, PEM."""

    root_key_pem: str
    root_cert_pem: str
    issuing_key_pem: str
    issuing_cert_pem: str


@dataclass(frozen=True)
class Holder:
    """The customer a client certificate is issued to."""

    name: str
    customer_id: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("holder name must not be blank")
        # The id becomes part of a URN; whitespace would make the SAN URI invalid.
        if not self.customer_id or any(ch.isspace() for ch in self.customer_id):
            raise ValueError(f"customer id must be non-empty without whitespace: {self.customer_id!r}")


def _load_p256_public_key(public_key_der: bytes) -> ec.EllipticCurvePublicKey:
    try:
        key = serialization.load_der_public_key(public_key_der)
    except (ValueError, UnsupportedAlgorithm) as error:
        raise CertificateRejected(RejectReason.MALFORMED_KEY, "not a SubjectPublicKeyInfo DER") from error
    return _require_p256(key)


def _require_p256(key: object) -> ec.EllipticCurvePublicKey:
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise CertificateRejected(RejectReason.MALFORMED_KEY, f"expected an EC P-256 key, got {key!r}")
    return key


class CertificateAuthority:
    """A two-level CA (root → issuing CA) that issues and verifies customers' client certificates."""

    def __init__(
        self,
        root_key: ec.EllipticCurvePrivateKey,
        root_certificate: x509.Certificate,
        issuing_key: ec.EllipticCurvePrivateKey,
        issuing_certificate: x509.Certificate,
        addresses: Addresses,
    ) -> None:
        if spki(root_key.public_key()) != spki(root_certificate.public_key()):
            raise ValueError("root key does not match the root certificate")
        if spki(issuing_key.public_key()) != spki(issuing_certificate.public_key()):
            raise ValueError("issuing key does not match the issuing certificate")
        # Catches material whose issuing CA was signed by some other root before it issues anything.
        issuing_certificate.verify_directly_issued_by(root_certificate)
        self._root_key = root_key
        self._root_certificate = root_certificate
        self._issuing_key = issuing_key
        self._issuing_certificate = issuing_certificate
        self._addresses = addresses

    @classmethod
    def create(cls, now: datetime, addresses: Addresses) -> CertificateAuthority:
        root_key = ec.generate_private_key(ec.SECP256R1())
        root_name = distinguished_name("KB국민인증서 Mock Root CA")
        root_certificate = ca_builder(root_name, root_name, root_key.public_key(), now, ROOT_YEARS).sign(
            root_key, hashes.SHA256()
        )
        issuing_key = ec.generate_private_key(ec.SECP256R1())
        issuing_name = distinguished_name("KB국민인증서 Mock Issuing CA")
        issuing_certificate = (
            ca_builder(issuing_name, root_name, issuing_key.public_key(), now, ISSUING_YEARS)
            .add_extension(authority_key_id(root_certificate), critical=False)
            .sign(root_key, hashes.SHA256())
        )
        return cls(root_key, root_certificate, issuing_key, issuing_certificate, addresses)

    @classmethod
    def from_material(cls, material: CaMaterial, addresses: Addresses) -> CertificateAuthority:
        """The addresses are not part of the material: a bank restarted at another URL points there from then on."""
        return cls(
            load_ca_key(material.root_key_pem),
            x509.load_pem_x509_certificate(material.root_cert_pem.encode("ascii")),
            load_ca_key(material.issuing_key_pem),
            x509.load_pem_x509_certificate(material.issuing_cert_pem.encode("ascii")),
            addresses,
        )

    def material(self) -> CaMaterial:
        return CaMaterial(
            root_key_pem=key_pem(self._root_key),
            root_cert_pem=certificate_pem(self._root_certificate),
            issuing_key_pem=key_pem(self._issuing_key),
            issuing_cert_pem=certificate_pem(self._issuing_certificate),
        )

    @property
    def root_certificate(self) -> x509.Certificate:
        return self._root_certificate

    @property
    def issuing_certificate(self) -> x509.Certificate:
        return self._issuing_certificate

    @property
    def addresses(self) -> Addresses:
        return self._addresses

    def chain_pem(self) -> str:
        """The issuing CA then the root, as a client needs them after its own certificate."""
        return certificate_pem(self._issuing_certificate) + certificate_pem(self._root_certificate)

    def sign_crl(self, builder: x509.CertificateRevocationListBuilder) -> x509.CertificateRevocationList:
        """Sign a CRL as the issuing CA: it issued every certificate the CRL can list."""
        return (builder.issuer_name(self._issuing_certificate.subject)
                .add_extension(authority_key_id(self._issuing_certificate), critical=False)
                .sign(self._issuing_key, hashes.SHA256()))

    def sign_ocsp(self, builder: ocsp.OCSPResponseBuilder) -> ocsp.OCSPResponse:
        """Sign an OCSP response as the issuing CA, which RFC 6960 lets answer for its own certificates."""
        return (builder.responder_id(ocsp.OCSPResponderEncoding.HASH, self._issuing_certificate)
                .sign(self._issuing_key, hashes.SHA256()))

    def issue(self, public_key_der: bytes, holder: Holder, now: datetime) -> x509.Certificate:
        """Issue a client certificate for a WebCrypto 'spki' export of a P-256 key."""
        public_key = _load_p256_public_key(public_key_der)
        subject = distinguished_name(holder.name, PERSONAL_UNIT)
        customer_uri = x509.UniformResourceIdentifier(CUSTOMER_URI_PREFIX + holder.customer_id)
        builder = certificate_builder(subject, self._issuing_certificate.subject, public_key, now, LEAF_YEARS)
        return (
            with_relying_party_extensions(builder, self._addresses)
            .add_extension(x509.SubjectAlternativeName([customer_uri]), critical=False)
            .add_extension(authority_key_id(self._issuing_certificate), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(key_usage(certifies=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(self._issuing_key, hashes.SHA256())
        )

    def verify(self, certificate: x509.Certificate, at: datetime) -> None:
        """Raise CertificateRejected unless `certificate` chains to our root and is valid at `at`.

        Revocation is not checked here: the verifier does not read CRLs.
        """
        moment = as_utc(at)
        start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
        # The verifier reports every failure as one error type; checking dates first keeps the reason exact.
        if moment < start:
            raise CertificateRejected(RejectReason.NOT_YET_VALID, f"valid from {start.isoformat()}")
        if moment > end:
            raise CertificateRejected(RejectReason.EXPIRED, f"valid until {end.isoformat()}")
        verifier = PolicyBuilder().store(Store([self._root_certificate])).time(moment).build_client_verifier()
        try:
            verifier.verify(certificate, [self._issuing_certificate])
        except VerificationError as error:
            raise CertificateRejected(RejectReason.UNTRUSTED_CHAIN, str(error)) from error


def _verify_p1363(public_key: ec.EllipticCurvePublicKey, data: bytes, signature: bytes) -> None:
    if len(signature) != _P1363_SIGNATURE_BYTES:
        raise CertificateRejected(
            RejectReason.BAD_SIGNATURE, f"expected {_P1363_SIGNATURE_BYTES} bytes r||s, got {len(signature)}"
        )
    r = int.from_bytes(signature[:_P256_COORDINATE_BYTES], "big")
    s = int.from_bytes(signature[_P256_COORDINATE_BYTES:], "big")
    try:
        public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as error:
        raise CertificateRejected(RejectReason.BAD_SIGNATURE, "signature does not verify") from error


def verify_possession(public_key_der: bytes, challenge: bytes, signature: bytes) -> None:
    """Check that whoever sent `public_key_der` holds its private key, by their signature over `challenge`."""
    _verify_p1363(_load_p256_public_key(public_key_der), challenge, signature)


def verify_signature(certificate: x509.Certificate, data: bytes, signature: bytes) -> None:
    """Check a WebCrypto ECDSA P-256/SHA-256 signature over `data` against the certificate's key."""
    _verify_p1363(_require_p256(certificate.public_key()), data, signature)


def verify_key_matches(certificate: x509.Certificate, public_key_der: bytes) -> None:
    """Raise WRONG_KEY unless the certificate certifies exactly this SubjectPublicKeyInfo."""
    if spki(certificate.public_key()) != spki(_load_p256_public_key(public_key_der)):
        raise CertificateRejected(RejectReason.WRONG_KEY, "the certificate certifies a different key")
