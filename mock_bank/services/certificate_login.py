"""Logging in with the certificate: the device signs a fresh challenge; the bank checks key, chain and status.

With the PIN, the bank checks the PIN first (services/certificate_status.py counts wrong ones) and only then
hands out the challenge, so a device cannot sign in with the PIN without the bank seeing the PIN. With the
pattern, the challenge comes at once: the pattern never leaves the device, and a wrong one simply fails to
unseal the key there.

A login ends after `idle_timeout` without a request on the bank's clock (RuleSettings.login_idle_timeout);
every request that finds the customer signed in starts the wait again.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from mock_bank.clock import Clock
from mock_bank.errors import BankError, LoginExpired, Reason
from mock_bank.records import CustomerRow
from mock_bank.services.ca import CertificateRejected, verify_signature
from mock_bank.services.certificate_status import Certificates
from mock_bank.services.issuance import Challenge, new_challenge, take_challenge
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

TOKEN_LIMIT = 64


class CertificateLogin:
    def __init__(self, store: Store, clock: Clock, certificates: Certificates,
                 idle_timeout: timedelta = RuleSettings.login_idle_timeout) -> None:
        self._store = store
        self._clock = clock
        self._certificates = certificates
        self._idle_timeout = idle_timeout

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

    def holder(self, token: str | None) -> CustomerRow | None:
        """The signed-in customer, or None without a login; LoginExpired (and the login ended) when left idle."""
        login = self._store.login(token) if token and len(token) <= TOKEN_LIMIT else None
        if login is None:
            return None
        now = self._clock.now()
        if now - datetime.fromisoformat(login["last_seen_at"] or login["signed_in_at"]) >= self._idle_timeout:
            self._store.end_login(login["token"])
            raise LoginExpired(int(self._idle_timeout.total_seconds() // 60))
        self._store.touch_login(login["token"], now)
        return self._store.customer(login["customer_id"])
