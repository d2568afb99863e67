"""Logging in with the certificate: the device signs a fresh challenge; the bank checks key, chain and status.

With the PIN, the bank checks the PIN first (services/certificate_status.py counts wrong ones) and only then
hands out the challenge, so a device cannot sign in with the PIN without the bank seeing the PIN. With the
pattern, the challenge comes at once: the pattern never leaves the device, and a wrong one simply fails to
unseal the key there.
"""

from __future__ import annotations

import secrets

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.ca import CertificateRejected, verify_signature
from mock_bank.services.certificate_status import Certificates
from mock_bank.services.issuance import Challenge, new_challenge, take_challenge
from mock_bank.store import Row, Store


class CertificateLogin:
    def __init__(self, store: Store, clock: Clock, certificates: Certificates) -> None:
        self._store = store
        self._clock = clock
        self._certificates = certificates

    def challenge(self, serial: str) -> Challenge:
        self._certificates.usable(serial)
        return new_challenge(self._store, self._clock, serial, "login")

    def pin_challenge(self, serial: str, pin: str) -> Challenge:
        self._certificates.check_pin(serial, pin)
        return new_challenge(self._store, self._clock, serial, "login")

    def sign_in(self, serial: str, challenge_id: str, signature: bytes) -> str:
        """Return a login token for the certificate's holder."""
        certificate = self._certificates.usable(serial)
        nonce = take_challenge(self._store, challenge_id, serial, "login")
        try:
            verify_signature(certificate, nonce, signature)
        except CertificateRejected as error:
            raise BankError(Reason.LOGIN_SIGNATURE_BAD) from error
        row = self._store.certificate(serial)
        if row is None:  # reset between the checks above and now
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        token = secrets.token_urlsafe(24)
        self._store.add_login(token, serial, row["customer_id"], self._clock.now())
        return token

    def holder(self, token: str | None) -> Row | None:
        login = self._store.login(token) if token else None
        return self._store.customer(login["customer_id"]) if login else None
