"""Issuance: the device proves it holds the new key, and the mock CA signs its 3-year certificate."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.serialization import Encoding

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.ca import CertificateAuthority, CertificateRejected, Holder, verify_possession
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.store import Store


@dataclass(frozen=True)
class Challenge:
    id: str
    nonce: bytes


@dataclass(frozen=True)
class IssuedCertificate:
    serial: str
    holder: str
    pem: str
    not_before: datetime
    not_after: datetime


def new_challenge(store: Store, clock: Clock, owner: str, purpose: str) -> Challenge:
    challenge = Challenge(secrets.token_urlsafe(12), secrets.token_bytes(32))
    store.add_challenge(challenge.id, owner, purpose, base64.b64encode(challenge.nonce).decode(), clock.now())
    return challenge


def take_challenge(store: Store, challenge_id: str, owner: str, purpose: str) -> bytes:
    row = store.take_challenge(challenge_id, owner, purpose)
    if row is None:
        raise BankError(Reason.CHALLENGE_UNKNOWN)
    return base64.b64decode(row["nonce"])


def serial_text(serial: int) -> str:
    return format(serial, "X")


class Issuance:
    def __init__(self, store: Store, clock: Clock, sessions: Sessions, ca: CertificateAuthority) -> None:
        self._store = store
        self._clock = clock
        self._sessions = sessions
        self._ca = ca

    def challenge(self, session: IssuanceSession) -> Challenge:
        return new_challenge(self._store, self._clock, session.id, "issue")

    def issue(self, session: IssuanceSession, challenge_id: str, public_key_der: bytes,
              signature: bytes) -> IssuedCertificate:
        nonce = take_challenge(self._store, challenge_id, session.id, "issue")
        customer = self._store.customer(session.customer_id or "")
        if customer is None:
            raise BankError(Reason.STEP_OUT_OF_ORDER)
        try:
            verify_possession(public_key_der, nonce, signature)
            certificate = self._ca.issue(public_key_der, Holder(customer["name"], customer["id"]),
                                         self._clock.now())
        except CertificateRejected as error:
            raise BankError(Reason.KEY_REJECTED) from error
        issued = IssuedCertificate(serial_text(certificate.serial_number), customer["name"],
                                   certificate.public_bytes(Encoding.PEM).decode(),
                                   certificate.not_valid_before_utc, certificate.not_valid_after_utc)
        with self._store.transaction():
            self._store.add_certificate(issued.serial, customer["id"], issued.pem, issued.not_before,
                                        issued.not_after, self._clock.now())
        self._sessions.complete(session, Stage.ISSUED, serial=issued.serial)
        return issued

    def issued(self, session: IssuanceSession) -> IssuedCertificate | None:
        row = self._store.certificate(session.data.get("serial", ""))
        if row is None:
            return None
        customer = self._store.customer(row["customer_id"])
        return IssuedCertificate(row["serial"], customer["name"] if customer else "", row["pem"],
                                 datetime.fromisoformat(row["not_before"]),
                                 datetime.fromisoformat(row["not_after"]))
