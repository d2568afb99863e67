"""A certificate after issuance: whether it may still be used, what its holder sees of it, and its PIN.

A certificate is checked in this order, so the message names the first thing the customer can act on:
  retired   LOCKED (5 wrong PINs), REPLACED or RENEWED (a newer one exists), MOVED (기기 등록 elsewhere);
            a retired certificate is also in the CRL (services/revocation.py), so this is the revocation check
  validity  chain and dates at the bank's clock; past not_after is CERTIFICATE_EXPIRED
  ID card   the registry shows a newer card of the kind it was issued on: ID_CARD_CHANGED (USE-4)
Requests that carry the PIN are checked against it last.

Why the PIN is counted by the bank: the device keeps the key sealed under the PIN, so a wrong PIN shows on
the device as an AES-GCM failure, which the bank never sees and a tampered app could ignore. The bank
therefore keeps the salted verifier computed at issuance (credentials.pin_verifier) on the certificate row,
and the app posts the PIN to the bank before it unseals the key. The bank counts wrong PINs in a row: the
4th leaves one try, the 5th locks the certificate and revokes it (held); a right PIN clears the count.
Only re-issue gives the customer a usable certificate again.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from cryptography import x509

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.records import CertificateRow, PublicCertificateRow
from mock_bank.services.ca import CertificateAuthority, CertificateRejected, RejectReason
from mock_bank.services.credentials import check_new_pin, pin_matches, pin_verifier
from mock_bank.services.keyed_locks import KeyedLocks
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

ONE_DAY = timedelta(days=1)


class Status(StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"  # the 5th wrong PIN
    REPLACED = "replaced"  # 재발급 (or a new issuance) on the same customer
    RENEWED = "renewed"  # 갱신: the holder kept, a new key and certificate
    MOVED = "moved"  # 기기 등록: the customer's certificate now lives on another device


RETIRED: dict[Status, Reason] = {
    Status.LOCKED: Reason.CERTIFICATE_LOCKED,
    Status.REPLACED: Reason.CERTIFICATE_REPLACED,
    Status.RENEWED: Reason.CERTIFICATE_REPLACED,
    Status.MOVED: Reason.CERTIFICATE_MOVED,
}


@dataclass(frozen=True)
class CertificateState:
    """What the 인증서 관리 screen shows, computed at the bank's clock."""

    serial: str
    customer_id: str
    holder: str
    not_before: datetime
    not_after: datetime
    status: Status
    now: datetime
    renewal_window: timedelta
    id_changed: bool
    id_kind: str | None
    id_issued_on: str | None
    account_bank: str | None
    account_tail: str | None
    account_closed: bool

    @property
    def expired(self) -> bool:
        # X.509 validity includes not_after itself, as the verifier reads it.
        return self.now > self.not_after

    @property
    def days_left(self) -> int:
        """Rounded up, so 'N일 남음' never reads 0 while the certificate still works."""
        return max(0, math.ceil((self.not_after - self.now) / ONE_DAY))

    @property
    def renewable(self) -> bool:
        """From 30 days before expiry (renewal_window) up to expiry itself; never for a retired one."""
        return (self.status is Status.ACTIVE and not self.expired
                and self.not_after - self.now <= self.renewal_window)

    @property
    def problem(self) -> Reason | None:
        if self.status in RETIRED:
            return RETIRED[self.status]
        if self.expired:
            return Reason.CERTIFICATE_EXPIRED
        return Reason.ID_CARD_CHANGED if self.id_changed else None


class Certificates:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, ca: CertificateAuthority) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._ca = ca
        self._pin_checks = KeyedLocks()

    def state(self, serial: str) -> CertificateState:
        row = self._row(serial)
        customer = self._store.customer(row["customer_id"])
        account = self._store.account(row["account_bank"] or "", row["account_digits"] or "")
        digits = row["account_digits"]
        return CertificateState(
            row["serial"], row["customer_id"], customer["name"] if customer else "",
            datetime.fromisoformat(row["not_before"]), datetime.fromisoformat(row["not_after"]),
            Status(row["status"]), self._clock.now(), self._rules.renewal_window, self._id_changed(row),
            row["id_kind"], row["id_issued_on"], row["account_bank"], digits[-4:] if digits else None,
            account is not None and account["status"] != "open")

    def usable(self, serial: str, customer_id: str | None = None) -> x509.Certificate:
        """The certificate, if it may sign now; else the refusal that names the first problem."""
        row = self._row(serial)
        if customer_id is not None and row["customer_id"] != customer_id:
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        status = Status(row["status"])
        if status in RETIRED or row["revoked_at"] is not None:
            raise BankError(RETIRED.get(status, Reason.CERTIFICATE_REPLACED))
        certificate = x509.load_pem_x509_certificate(row["pem"].encode())
        try:
            self._ca.verify(certificate, self._clock.now())
        except CertificateRejected as error:
            expired = error.reason is RejectReason.EXPIRED
            raise BankError(Reason.CERTIFICATE_EXPIRED if expired else Reason.CERTIFICATE_INVALID) from error
        if self._id_changed(row):
            raise BankError(Reason.ID_CARD_CHANGED)
        return certificate

    def check_pin(self, serial: str, pin: str, customer_id: str | None = None) -> x509.Certificate:
        """The certificate, once it is usable and `pin` is its PIN; counts a wrong PIN, locking at the 5th.

        A PIN that is not six ASCII digits is refused before it is tried, and uses up no try. The checks of one
        certificate's PIN run one at a time: a burst of guesses sent at once is counted like guesses in a row,
        so no more than the limit are ever evaluated and none is tried against an already locked certificate.
        """
        if len(pin) != self._rules.pin_digits or not (pin.isascii() and pin.isdigit()):
            raise BankError(Reason.PIN_FORMAT, "pin")
        with self._pin_checks.of(serial):
            return self._check_pin(serial, pin, customer_id)

    def _check_pin(self, serial: str, pin: str, customer_id: str | None) -> x509.Certificate:
        certificate = self.usable(serial, customer_id)
        row = self._row(serial)
        if pin_matches(pin, row["pin_salt"], row["pin_hash"]):
            self._store.clear_wrong_pins(serial)
            return certificate
        limit = self._rules.login_max_wrong_pins
        wrong = self._store.count_wrong_pin(serial, limit, self._clock.now())
        if wrong >= limit:
            raise BankError(Reason.CERTIFICATE_LOCKED)
        raise BankError(Reason.PIN_WRONG, "pin", {"left": limit - wrong})

    def change_pin(self, serial: str, current: str, new: str, confirmation: str) -> None:
        """비밀번호 변경: the current PIN (counted like any other), then the issuance rules for the new one."""
        self.check_pin(serial, current)
        row = self._row(serial)
        customer = self._store.customer(row["customer_id"])
        check_new_pin(new, confirmation, str(customer["rrn"])[:6] if customer else None, self._rules)
        if pin_matches(new, row["pin_salt"], row["pin_hash"]):
            raise BankError(Reason.PIN_SAME_AS_OLD, "new_pin")
        salt = secrets.token_bytes(16)
        self._store.set_pin_verifier(serial, salt.hex(), pin_verifier(new, salt))

    def of_customer(self, customer_id: str) -> list[PublicCertificateRow]:
        """The customer's certificates, oldest first, without their PIN verifiers."""
        return self._store.certificates_of(customer_id)

    def _row(self, serial: str) -> CertificateRow:
        row = self._store.certificate(serial)
        if row is None:
            raise BankError(Reason.CERTIFICATE_UNKNOWN)
        return row

    def _id_changed(self, row: CertificateRow) -> bool:
        """Whether the registry holds a newer card of the kind the certificate was issued on."""
        if not row["id_kind"] or not row["id_issued_on"]:
            return False
        latest = self._store.latest_id_card(row["customer_id"], row["id_kind"])
        if latest is None:
            return False
        if row["id_kind"] == "driver" and row["id_number"] and latest["licence_number"] != row["id_number"]:
            return True
        return str(latest["issued_on"]) > str(row["id_issued_on"])
