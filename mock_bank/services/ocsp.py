"""The OCSP responder (RFC 6960): a certificate's status at the bank's clock, signed by the issuing CA.

It answers from the same rows the CRL is built from (services/revocation.py): good while the bank has not
retired the certificate, revoked with the time and reason the CRL lists, unknown for a serial it never issued
or an issuer that is not its own (RFC 6960 §2.2). thisUpdate is the bank's clock and there is no nextUpdate:
each answer is read live from the store, so newer information is always available (§2.4), and a test that
moves the clock never meets a stale answer. producedAt alone is the machine's time: cryptography stamps it
while signing and takes no time for it. A nonce in the request is echoed so the client can tell the answer
is fresh. A request that cannot be read gets malformedRequest, never an exception.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509 import ocsp

from mock_bank.clock import Clock
from mock_bank.services.ca import CertificateAuthority
from mock_bank.services.certificate_status import Status
from mock_bank.services.issuance import serial_text
from mock_bank.services.revocation import CRL_REASONS, Revocations
from mock_bank.store import Store

MALFORMED = ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.MALFORMED_REQUEST)


def _digest(algorithm: hashes.HashAlgorithm, data: bytes) -> bytes:
    digest = hashes.Hash(algorithm)
    digest.update(data)
    return digest.finalize()


class OcspResponder:
    def __init__(self, store: Store, clock: Clock, ca: CertificateAuthority, revocations: Revocations) -> None:
        self._store = store
        self._clock = clock
        self._ca = ca
        self._revocations = revocations

    def respond(self, request_der: bytes) -> ocsp.OCSPResponse:
        try:
            request = ocsp.load_der_ocsp_request(request_der)
            algorithm = request.hash_algorithm
            nonce = self._nonce(request)
        except (ValueError, UnsupportedAlgorithm):
            return MALFORMED
        builder = self._status(request, algorithm)
        if nonce is not None:
            builder = builder.add_extension(nonce, critical=False)
        return self._ca.sign_ocsp(builder)

    @staticmethod
    def _nonce(request: ocsp.OCSPRequest) -> x509.OCSPNonce | None:
        try:
            return request.extensions.get_extension_for_class(x509.OCSPNonce).value
        except x509.ExtensionNotFound:
            return None

    def _is_our_issuer(self, request: ocsp.OCSPRequest, algorithm: hashes.HashAlgorithm) -> bool:
        issuing = self._ca.issuing_certificate
        key = issuing.public_key()
        if not isinstance(key, ec.EllipticCurvePublicKey):  # the CA only holds EC keys (services/ca.py)
            return False
        # The key hash covers the subjectPublicKey BIT STRING's contents: for an EC key, its X9.62 point.
        key_bits = key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        return (request.issuer_name_hash == _digest(algorithm, issuing.subject.public_bytes())
                and request.issuer_key_hash == _digest(algorithm, key_bits))

    def _status(self, request: ocsp.OCSPRequest, algorithm: hashes.HashAlgorithm) -> ocsp.OCSPResponseBuilder:
        serial = serial_text(request.serial_number)
        known = self._is_our_issuer(request, algorithm) and self._store.certificate(serial) is not None
        entry = self._revocations.entry(serial) if known else None
        status = (ocsp.OCSPCertStatus.UNKNOWN if not known
                  else ocsp.OCSPCertStatus.GOOD if entry is None else ocsp.OCSPCertStatus.REVOKED)
        return ocsp.OCSPResponseBuilder().add_response_by_hash(
            issuer_name_hash=request.issuer_name_hash, issuer_key_hash=request.issuer_key_hash,
            serial_number=request.serial_number, algorithm=algorithm, cert_status=status,
            this_update=self._clock.now(), next_update=None,
            revocation_time=datetime.fromisoformat(entry["revoked_at"]) if entry else None,
            revocation_reason=CRL_REASONS[Status(entry["status"])] if entry else None)
