"""갱신: from 30 days before expiry, the holder gets a new certificate without the identity checks again.

The customer proves to be the holder with the PIN (counted as at login) and a signature by the current
key; the device proves it holds a new key by signing the same challenge with it. The CA signs a new
3-year certificate for the same holder and the same root; it keeps the PIN verifier, ID card and account
of the old one, which is retired as renewed (superseded in the CRL). Too early is RENEWAL_TOO_EARLY;
after expiry renewal is no longer possible and the customer must re-issue (CERTIFICATE_EXPIRED).
"""

from __future__ import annotations

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.ca import CertificateAuthority, CertificateRejected, Holder, verify_possession, verify_signature
from mock_bank.services.certificate_status import Certificates, Status
from mock_bank.services.issuance import Challenge, IssuedCertificate, keep_certificate, new_challenge, take_challenge
from mock_bank.store import Store

PURPOSE = "renew"


class Renewal:
    def __init__(self, store: Store, clock: Clock, ca: CertificateAuthority, certificates: Certificates) -> None:
        self._store = store
        self._clock = clock
        self._ca = ca
        self._certificates = certificates

    def challenge(self, serial: str, pin: str) -> Challenge:
        self._require_window(serial)
        self._certificates.check_pin(serial, pin)
        return new_challenge(self._store, self._clock, serial, PURPOSE)

    def renew(self, serial: str, challenge_id: str, old_signature: bytes, public_key_der: bytes,
              new_signature: bytes) -> IssuedCertificate:
        self._require_window(serial)
        old = self._certificates.usable(serial)
        nonce = take_challenge(self._store, challenge_id, serial, PURPOSE)
        row = self._store.certificate(serial)
        customer = self._store.customer(row["customer_id"]) if row else None
        details = self._store.certificate_details(serial)
        if row is None or customer is None or details is None:
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        try:
            verify_signature(old, nonce, old_signature)
        except CertificateRejected as error:
            raise BankError(Reason.SIGNATURE_BAD) from error
        try:
            verify_possession(public_key_der, nonce, new_signature)
            certificate = self._ca.issue(public_key_der, Holder(customer["name"], customer["id"]),
                                         self._clock.now())
        except CertificateRejected as error:
            raise BankError(Reason.KEY_REJECTED) from error
        now = self._clock.now()
        with self._store.transaction():
            renewed = keep_certificate(self._store, certificate, customer, now, details)
            self._store.set_certificate_status(serial, Status.RENEWED.value, now)
        return renewed

    def _require_window(self, serial: str) -> None:
        state = self._certificates.state(serial)
        if state.renewable:
            return
        problem = state.problem
        raise BankError(problem if problem is not None else Reason.RENEWAL_TOO_EARLY)
