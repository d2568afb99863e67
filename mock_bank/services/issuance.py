"""Issuance: the device proves it holds the new key, and the mock CA signs its 3-year certificate.

The certificate row keeps the PIN verifier and the ID card and account issuance was done with, so that the
bank can count wrong PINs and notice a newer ID card later. A new certificate retires the customer's
earlier ones: as moved for 기기 등록, as replaced for anything else (see services/certificate_status.py).
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.records import CustomerRow
from mock_bank.services.ca import CertificateAuthority, CertificateRejected, Holder, verify_possession
from mock_bank.services.certificate_status import Status
from mock_bank.services.sessions import IssuanceSession, Purpose, Sessions, Stage
from mock_bank.store import Store
from mock_bank.store_certificates import CertificateDetails


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
    """The serial as `openssl x509 -serial` prints it: upper-case hex of whole bytes, so 0x0A1B is '0A1B', not
    'A1B'. A tester compares the screen with openssl's output; one digit short would look like another serial."""
    digits = format(serial, "X")
    return digits.zfill(len(digits) + len(digits) % 2)


def details_of(session: IssuanceSession) -> CertificateDetails:
    """What issuance established that the certificate must remember: PIN verifier, ID card, account."""
    data = session.data
    card = data.get("card")
    return CertificateDetails(pin_salt=data.get("pin_salt"), pin_hash=data.get("pin_hash"),
                              id_kind=card["kind"] if card else None,
                              id_issued_on=card["issued_on"] if card else None,
                              id_number=card["licence_number"] if card else None, account_bank=data.get("bank"),
                              account_digits=data.get("account_digits"))


def keep_certificate(store: Store, certificate: x509.Certificate, customer: CustomerRow, now: datetime,
                     details: CertificateDetails) -> IssuedCertificate:
    """Store a newly signed certificate with what the bank keeps beside it."""
    issued = IssuedCertificate(serial_text(certificate.serial_number), customer["name"],
                               certificate.public_bytes(Encoding.PEM).decode(),
                               certificate.not_valid_before_utc, certificate.not_valid_after_utc)
    store.add_certificate(issued.serial, customer["id"], issued.pem, issued.not_before, issued.not_after, now,
                          details)
    return issued


class Issuance:
    def __init__(self, store: Store, clock: Clock, sessions: Sessions, ca: CertificateAuthority) -> None:
        self._store = store
        self._clock = clock
        self._sessions = sessions
        self._ca = ca

    def challenge(self, session: IssuanceSession) -> Challenge:
        return new_challenge(self._store, self._clock, session.id, "issue")

    def issue(self, session: IssuanceSession, challenge_id: str, public_key_der: bytes,
              signature: bytes, device_hash: str | None = None) -> IssuedCertificate:
        """`device_hash` names the app that made the key (services/devices.py); only it may use the certificate."""
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
        retired_as = Status.MOVED if session.data.get("purpose") == Purpose.DEVICE else Status.REPLACED
        # One transaction with the session's move to issued: a bank killed in between must not keep an active
        # certificate that no device received, nor a session that says issued without its certificate.
        with self._store.transaction():
            issued = keep_certificate(self._store, certificate, customer, self._clock.now(),
                                      replace(details_of(session), device_hash=device_hash))
            # A customer holds one usable certificate: the new one retires (and revokes) those before it.
            self._store.retire_others(customer["id"], issued.serial, retired_as.value, self._clock.now())
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
