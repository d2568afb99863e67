"""The store's half about certificates and their use: certificates, challenges, logins and signed transfers.

Part of the store (store.py mixes it in), not a second door to SQLite: it only runs SQL through the
store's own locked helpers. Split off to keep each module readable.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, TypeVar

from mock_bank.records import (
    CertificateRow,
    ChallengeRow,
    LoginRow,
    NewTransfer,
    PublicCertificateRow,
    RevokedRow,
    SignedTransferRow,
    TransferRow,
)

# A row as SQLite gives it, before the store names its type (records.py).
Row = dict[str, Any]
Record = TypeVar("Record")

CERTIFICATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS certificates (
    serial TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), pem TEXT NOT NULL,
    not_before TEXT NOT NULL, not_after TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active',
    issued_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS challenges (
    id TEXT PRIMARY KEY, session_id TEXT NOT NULL, purpose TEXT NOT NULL, nonce TEXT NOT NULL,
    created_at TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS logins (
    token TEXT PRIMARY KEY, serial TEXT NOT NULL REFERENCES certificates(serial), customer_id TEXT NOT NULL,
    signed_in_at TEXT NOT NULL, last_seen_at TEXT);
CREATE TABLE IF NOT EXISTS transfers (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), to_bank TEXT NOT NULL,
    to_digits TEXT NOT NULL, to_name TEXT NOT NULL, amount INTEGER NOT NULL, content TEXT NOT NULL,
    created_at TEXT NOT NULL, pin_serial TEXT, serial TEXT, signature TEXT, signed_at TEXT);
"""

# Columns added to `certificates` after the first release; a database file from before gets them on open.
CERTIFICATE_COLUMNS = {
    "pin_salt": "TEXT", "pin_hash": "TEXT", "wrong_pins": "INTEGER NOT NULL DEFAULT 0",
    "id_kind": "TEXT", "id_issued_on": "TEXT", "id_number": "TEXT",
    "account_bank": "TEXT", "account_digits": "TEXT", "device_hash": "TEXT",
}
# What test control may show of a certificate: never the PIN verifier. Read from the record's keys, so the
# query and its type cannot drift apart.
PUBLIC_CERTIFICATE_COLUMNS = tuple(PublicCertificateRow.__annotations__)


@dataclass(frozen=True)
class CertificateDetails:
    """What the bank keeps beside a certificate: the PIN verifier, and the ID card and account it was issued on."""

    pin_salt: str | None = None
    pin_hash: str | None = None
    id_kind: str | None = None
    id_issued_on: str | None = None
    id_number: str | None = None
    account_bank: str | None = None
    account_digits: str | None = None
    # The SHA-256 of the device token of the app that holds the key (services/devices.py); renewal keeps it.
    device_hash: str | None = None


class CertificateRecords:
    """Mixed into Store, which provides the lock and the SQL helpers declared here."""

    _lock: threading.RLock

    def _all(self, sql: str, *args: object) -> list[Row]:
        raise NotImplementedError

    def _one(self, sql: str, *args: object) -> Row | None:
        raise NotImplementedError

    def _records(self, record: type[Record], sql: str, *args: object) -> list[Record]:
        raise NotImplementedError

    def _record(self, record: type[Record], sql: str, *args: object) -> Record | None:
        raise NotImplementedError

    def _run(self, sql: str, *args: object) -> int:
        raise NotImplementedError

    def _changed(self, sql: str, *args: object) -> int:
        raise NotImplementedError

    # Certificates.
    def add_certificate(self, serial: str, customer_id: str, pem: str, not_before: datetime,
                        not_after: datetime, now: datetime, details: CertificateDetails | None = None) -> None:
        extra = asdict(details or CertificateDetails())
        columns = ", ".join(extra)
        self._run(f"INSERT INTO certificates (serial, customer_id, pem, not_before, not_after, issued_at, {columns})"
                  f" VALUES (?, ?, ?, ?, ?, ?{', ?' * len(extra)})", serial, customer_id, pem,
                  not_before.isoformat(), not_after.isoformat(), now.isoformat(), *extra.values())

    def certificate(self, serial: str) -> CertificateRow | None:
        return self._record(CertificateRow, "SELECT * FROM certificates WHERE serial = ?", serial)

    def certificate_details(self, serial: str) -> CertificateDetails | None:
        row = self.certificate(serial)
        if row is None:
            return None
        return CertificateDetails(
            pin_salt=row["pin_salt"], pin_hash=row["pin_hash"], id_kind=row["id_kind"],
            id_issued_on=row["id_issued_on"], id_number=row["id_number"], account_bank=row["account_bank"],
            account_digits=row["account_digits"], device_hash=row["device_hash"])

    def certificates_of(self, customer_id: str) -> list[PublicCertificateRow]:
        columns = ", ".join(PUBLIC_CERTIFICATE_COLUMNS)
        return self._records(PublicCertificateRow, f"SELECT {columns} FROM certificates WHERE customer_id = ?"
                             " ORDER BY issued_at, rowid", customer_id)

    def set_certificate_status(self, serial: str, status: str, now: datetime) -> bool:
        """Retire an active certificate; False if it was no longer active, so it is revoked once."""
        return self._changed("UPDATE certificates SET status = ?, revoked_at = ? WHERE serial = ?"
                             " AND status = 'active'", status, now.isoformat(), serial) == 1

    def retire_others(self, customer_id: str, keep: str, status: str, now: datetime) -> list[str]:
        """Retire every other active certificate of the customer; returns the serials retired."""
        with self._lock:
            rows = self._all("SELECT serial FROM certificates WHERE customer_id = ? AND serial != ?"
                             " AND status = 'active'", customer_id, keep)
            for row in rows:
                self.set_certificate_status(row["serial"], status, now)
            return [row["serial"] for row in rows]

    def revoked_certificates(self) -> list[RevokedRow]:
        return self._records(RevokedRow, "SELECT serial, status, revoked_at FROM certificates"
                             " WHERE revoked_at IS NOT NULL ORDER BY revoked_at, serial")

    def count_wrong_pin(self, serial: str, lock_at: int, now: datetime) -> int:
        """Count one wrong PIN and lock at `lock_at`; atomic, so parallel guesses all count."""
        with self._lock:
            self._run("UPDATE certificates SET wrong_pins = wrong_pins + 1 WHERE serial = ?", serial)
            row = self._one("SELECT wrong_pins FROM certificates WHERE serial = ?", serial)
            wrong = int(row["wrong_pins"]) if row else 0
            if wrong >= lock_at:
                self.set_certificate_status(serial, "locked", now)
            return wrong

    def set_pin_verifier(self, serial: str, salt: str, pin_hash: str) -> None:
        self._run("UPDATE certificates SET pin_salt = ?, pin_hash = ?, wrong_pins = 0 WHERE serial = ?",
                  salt, pin_hash, serial)

    def clear_wrong_pins(self, serial: str) -> None:
        self._run("UPDATE certificates SET wrong_pins = 0 WHERE serial = ?", serial)

    # One-time challenges that prove a device holds the key, and the logins they open.
    def add_challenge(self, challenge_id: str, session_id: str, purpose: str, nonce: str,
                      now: datetime) -> None:
        self._run("INSERT INTO challenges (id, session_id, purpose, nonce, created_at) VALUES (?, ?, ?, ?, ?)",
                  challenge_id, session_id, purpose, nonce, now.isoformat())

    def take_challenge(self, challenge_id: str, session_id: str, purpose: str) -> ChallengeRow | None:
        """A challenge answers once: taking it marks it used so a replayed signature fails."""
        with self._lock:
            row = self._record(ChallengeRow, "SELECT * FROM challenges WHERE id = ? AND session_id = ?"
                               " AND purpose = ? AND used = 0", challenge_id, session_id, purpose)
            if row is not None:
                self._run("UPDATE challenges SET used = 1 WHERE id = ?", challenge_id)
            return row

    def add_login(self, token: str, serial: str, customer_id: str, now: datetime) -> None:
        self._run("INSERT INTO logins (token, serial, customer_id, signed_in_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                  token, serial, customer_id, now.isoformat(), now.isoformat())

    def touch_login(self, token: str, now: datetime) -> None:
        self._run("UPDATE logins SET last_seen_at = ? WHERE token = ?", now.isoformat(), token)

    def end_login(self, token: str) -> None:
        self._run("DELETE FROM logins WHERE token = ?", token)

    def login(self, token: str) -> LoginRow | None:
        return self._record(LoginRow, "SELECT * FROM logins WHERE token = ?", token)

    # Transfers, and the electronic signature that authorises each of them.
    def add_transfer(self, transfer: NewTransfer) -> None:
        columns = ", ".join(transfer)
        self._run(f"INSERT INTO transfers ({columns}) VALUES ({', '.join('?' * len(transfer))})",
                  *transfer.values())

    def transfer(self, transfer_id: str) -> TransferRow | None:
        return self._record(TransferRow, "SELECT * FROM transfers WHERE id = ?", transfer_id)

    def mark_pin_checked(self, transfer_id: str, serial: str) -> None:
        self._run("UPDATE transfers SET pin_serial = ? WHERE id = ? AND signed_at IS NULL", serial, transfer_id)

    def sign_transfer(self, transfer_id: str, serial: str, signature: str, now: datetime) -> bool:
        """Record the signature once; False if the transfer was signed already."""
        return self._changed("UPDATE transfers SET serial = ?, signature = ?, signed_at = ? WHERE id = ?"
                             " AND signed_at IS NULL", serial, signature, now.isoformat(), transfer_id) == 1

    def signed_transfers(self, customer_id: str) -> list[SignedTransferRow]:
        return self._records(SignedTransferRow, "SELECT t.id, t.content, t.signature, t.serial, t.signed_at, c.pem"
                             " FROM transfers t JOIN certificates c ON c.serial = t.serial WHERE t.customer_id = ?"
                             " AND t.signed_at IS NOT NULL ORDER BY t.signed_at, t.id", customer_id)
