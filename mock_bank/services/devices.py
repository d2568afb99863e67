"""Which device holds a certificate, so that only that device may manage it, log in with it or change its PIN.

The app gets a random device token (an HttpOnly cookie) when its first certificate is issued, and keeps it
for every later one; the bank keeps only the token's SHA-256 beside the certificate. Knowing a serial, which
the CRL publishes for every retired certificate, is then not enough to read its holder's details, to use up
its PIN tries or to change its PIN: the request must come from the app that made the key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from mock_bank.errors import BankError, NotOnThisDevice, Reason
from mock_bank.store import Store

DEVICE_TOKEN_BYTES = 24
DEVICE_TOKEN_LIMIT = 64


def new_device_token() -> str:
    return secrets.token_urlsafe(DEVICE_TOKEN_BYTES)


def device_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Devices:
    def __init__(self, store: Store) -> None:
        self._store = store

    def require_holder(self, serial: str, token: str | None) -> None:
        """Refuse unless `token` is the device token the certificate was issued (or renewed) to."""
        row = self._store.certificate(serial)
        if row is None:
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        expected = row["device_hash"]
        if not token or len(token) > DEVICE_TOKEN_LIMIT or not expected:
            raise NotOnThisDevice()
        if not hmac.compare_digest(device_hash(token), expected):
            raise NotOnThisDevice()
