"""Logging in with the certificate: the device signs a fresh challenge; the bank checks key and chain."""

from __future__ import annotations

import secrets

from cryptography import x509

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.ca import CertificateAuthority, CertificateRejected, verify_signature
from mock_bank.services.issuance import Challenge, new_challenge, take_challenge
from mock_bank.store import Row, Store


class CertificateLogin:
    def __init__(self, store: Store, clock: Clock, ca: CertificateAuthority) -> None:
        self._store = store
        self._clock = clock
        self._ca = ca

    def challenge(self, serial: str) -> Challenge:
        self._active_certificate(serial)
        return new_challenge(self._store, self._clock, serial, "login")

    def sign_in(self, serial: str, challenge_id: str, signature: bytes) -> str:
        """Return a login token for the certificate's holder."""
        row = self._active_certificate(serial)
        nonce = take_challenge(self._store, challenge_id, serial, "login")
        certificate = x509.load_pem_x509_certificate(row["pem"].encode())
        try:
            self._ca.verify(certificate, self._clock.now())
        except CertificateRejected as error:
            raise BankError(Reason.CERTIFICATE_INVALID) from error
        try:
            verify_signature(certificate, nonce, signature)
        except CertificateRejected as error:
            raise BankError(Reason.LOGIN_SIGNATURE_BAD) from error
        token = secrets.token_urlsafe(24)
        self._store.add_login(token, serial, row["customer_id"], self._clock.now())
        return token

    def holder(self, token: str | None) -> Row | None:
        login = self._store.login(token) if token else None
        return self._store.customer(login["customer_id"]) if login else None

    def _active_certificate(self, serial: str) -> Row:
        row = self._store.certificate(serial)
        if row is None or row["status"] != "active":
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        return row
