"""The mock bank's only door to SQLite: schema, and one method per question the services ask.

The questions about certificates and their use live in store_certificates.py, mixed into Store here. Rows go out
as the typed records of records.py; a write the schema's constraints refuse raises StoreConflict, not SQLite's
own error, so nothing above the store knows the engine.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar, cast

from mock_bank.errors import StoreConflict
from mock_bank.records import (
    AccountRow,
    Code,
    CustomerRow,
    DepositRow,
    IdCardFields,
    IdCardRow,
    SessionData,
    SessionRow,
    SmsMessage,
)
from mock_bank.store_certificates import CERTIFICATE_COLUMNS, CERTIFICATE_SCHEMA, CertificateRecords, Row

__all__ = ["RESET_TABLES", "Store"]

Record = TypeVar("Record")

SCHEMA = """
CREATE TABLE IF NOT EXISTS customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, rrn TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL, carrier TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    bank TEXT NOT NULL, digits TEXT NOT NULL, customer_id TEXT NOT NULL REFERENCES customers(id),
    status TEXT NOT NULL DEFAULT 'open', PRIMARY KEY (bank, digits));
CREATE TABLE IF NOT EXISTS id_cards (
    id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL, name TEXT NOT NULL, rrn TEXT NOT NULL, issued_on TEXT NOT NULL,
    office TEXT, licence_number TEXT, serial TEXT);
CREATE TABLE IF NOT EXISTS sms_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, phone TEXT NOT NULL, body TEXT NOT NULL,
    sent_at TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 0, deliver_at TEXT);
CREATE TABLE IF NOT EXISTS deposits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, bank TEXT NOT NULL, digits TEXT NOT NULL,
    amount INTEGER NOT NULL, depositor TEXT NOT NULL, deposited_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, purpose TEXT NOT NULL,
    target TEXT NOT NULL, code TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    wrong_tries INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'active');
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, stage TEXT NOT NULL, customer_id TEXT, data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ca (id INTEGER PRIMARY KEY CHECK (id = 1), material TEXT NOT NULL);
""" + CERTIFICATE_SCHEMA

# Columns added after a table's first release: (table, column, declaration), added on open when missing.
LATER_COLUMNS = (("sms_messages", "deliver_at", "TEXT"), ("logins", "last_seen_at", "TEXT"),
                 *(("certificates", column, declaration) for column, declaration in CERTIFICATE_COLUMNS.items()))

# Reset empties what scenarios create but keeps the CA, so its root stays the one tests trust.
RESET_TABLES = ("logins", "challenges", "transfers", "certificates", "sessions", "codes", "deposits",
                "sms_messages", "id_cards", "accounts", "customers")


class Store(CertificateRecords):
    """Thread-safe: FastAPI runs sync handlers in a pool, so every call takes the one lock."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._db.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL still survives the process being killed at any point (kill -9 loses nothing
        # committed); only a power cut may undo the last commits. FULL waits on an fsync at every commit:
        # 0.13 ms against 0.01 ms on this machine's idle disk, and unbounded on a busy one.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Bring a database file from an older version up to the schema; new columns only, never data loss."""
        for table, column, declaration in LATER_COLUMNS:
            columns = {row["name"] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in columns:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a refused request must not leave half of its writes behind."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _all(self, sql: str, *args: object) -> list[Row]:
        with self._lock:
            return [dict(row) for row in self._db.execute(sql, args).fetchall()]

    def _one(self, sql: str, *args: object) -> Row | None:
        rows = self._all(sql, *args)
        return rows[0] if rows else None

    def _records(self, record: type[Record], sql: str, *args: object) -> list[Record]:
        """The rows as `record`s: the one place where SQLite's untyped rows get their type (records.py)."""
        return cast("list[Record]", self._all(sql, *args))

    def _record(self, record: type[Record], sql: str, *args: object) -> Record | None:
        rows = self._records(record, sql, *args)
        return rows[0] if rows else None

    def _run(self, sql: str, *args: object) -> int:
        with self._lock:
            try:
                cursor = self._db.execute(sql, args)
            except sqlite3.IntegrityError as error:
                raise StoreConflict(str(error)) from error
            return cursor.lastrowid or 0

    def _changed(self, sql: str, *args: object) -> int:
        """Run an UPDATE and say how many rows it changed."""
        with self._lock:
            return self._db.execute(sql, args).rowcount

    def reset(self) -> None:
        with self.transaction():
            for table in RESET_TABLES:
                self._db.execute(f"DELETE FROM {table}")

    # The CA's own keys live with the data they signed, so a restart keeps the same root.
    def ca_material(self) -> dict[str, str] | None:
        row = self._one("SELECT material FROM ca WHERE id = 1")
        return json.loads(row["material"]) if row else None

    def save_ca_material(self, material: dict[str, str]) -> None:
        self._run("INSERT OR REPLACE INTO ca (id, material) VALUES (1, ?)", json.dumps(material))

    # Customers, their phones, accounts and ID cards: the registries the bank checks against.
    def add_customer(self, customer_id: str, name: str, rrn: str, phone: str, carrier: str,
                     now: datetime) -> None:
        self._run("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)",
                  customer_id, name, rrn, phone, carrier, now.isoformat())

    def customer(self, customer_id: str) -> CustomerRow | None:
        return self._record(CustomerRow, "SELECT * FROM customers WHERE id = ?", customer_id)

    def customer_by_rrn(self, rrn: str) -> CustomerRow | None:
        return self._record(CustomerRow, "SELECT * FROM customers WHERE rrn = ?", rrn)

    def subscribers(self, phone: str) -> list[CustomerRow]:
        return self._records(CustomerRow, "SELECT * FROM customers WHERE phone = ?", phone)

    def add_account(self, customer_id: str, bank: str, digits: str, status: str = "open") -> None:
        self._run("INSERT INTO accounts VALUES (?, ?, ?, ?)", bank, digits, customer_id, status)

    def account(self, bank: str, digits: str) -> AccountRow | None:
        return self._record(AccountRow, "SELECT * FROM accounts WHERE bank = ? AND digits = ?", bank, digits)

    def set_account_status(self, bank: str, digits: str, status: str) -> bool:
        return self._changed("UPDATE accounts SET status = ? WHERE bank = ? AND digits = ?", status, bank,
                             digits) == 1

    def add_id_card(self, customer_id: str, card: IdCardFields) -> None:
        self._run("INSERT INTO id_cards (customer_id, kind, name, rrn, issued_on, office, licence_number,"
                  " serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", customer_id, card["kind"], card["name"],
                  card["rrn"], card["issued_on"], card["office"], card["licence_number"], card["serial"])

    def latest_id_card(self, customer_id: str, kind: str) -> IdCardRow | None:
        return self._record(IdCardRow, "SELECT * FROM id_cards WHERE customer_id = ? AND kind = ?"
                            " ORDER BY issued_on DESC, id DESC LIMIT 1", customer_id, kind)

    # The SMS gateway's outbox and the deposit ledger: what a customer's phone and account receive.
    def add_sms(self, phone: str, body: str, now: datetime, held: bool = False,
                deliver_at: datetime | None = None) -> None:
        """A held message never reaches the phone; a delayed one only once the clock passes `deliver_at`."""
        self._run("INSERT INTO sms_messages (phone, body, sent_at, held, deliver_at) VALUES (?, ?, ?, ?, ?)",
                  phone, body, now.isoformat(), int(held), (deliver_at or now).isoformat())

    def sms_inbox(self, phone: str, now: datetime) -> list[SmsMessage]:
        rows = self._all("SELECT body, sent_at, deliver_at FROM sms_messages WHERE phone = ? AND held = 0"
                         " ORDER BY id", phone)
        # Compared as datetimes, not as text: ISO strings with and without microseconds do not sort safely.
        inbox = []
        for row in rows:
            delivered_at = row["deliver_at"] or row["sent_at"]
            if datetime.fromisoformat(delivered_at) <= now:
                inbox.append(SmsMessage(body=row["body"], sent_at=row["sent_at"], delivered_at=delivered_at))
        return inbox

    def add_deposit(self, bank: str, digits: str, amount: int, depositor: str, now: datetime) -> None:
        self._run("INSERT INTO deposits (bank, digits, amount, depositor, deposited_at)"
                  " VALUES (?, ?, ?, ?, ?)", bank, digits, amount, depositor, now.isoformat())

    def deposits_since(self, bank: str, digits: str, since: datetime) -> int:
        row = self._one("SELECT COUNT(*) AS n FROM deposits WHERE bank = ? AND digits = ? AND deposited_at >= ?",
                        bank, digits, since.isoformat())
        return int(row["n"]) if row else 0

    def deposits(self, bank: str, digits: str) -> list[DepositRow]:
        return self._records(DepositRow, "SELECT amount, depositor, deposited_at FROM deposits"
                             " WHERE bank = ? AND digits = ? ORDER BY id", bank, digits)

    # One-time codes (SMS and 1원 deposit), bound to the issuance session that asked for them.
    def add_code(self, session_id: str, purpose: str, target: str, code: str, issued_at: datetime,
                 expires_at: datetime) -> None:
        self._run("UPDATE codes SET state = 'replaced' WHERE session_id = ? AND purpose = ?"
                  " AND state = 'active'", session_id, purpose)
        self._run("INSERT INTO codes (session_id, purpose, target, code, issued_at, expires_at)"
                  " VALUES (?, ?, ?, ?, ?, ?)", session_id, purpose, target, code,
                  issued_at.isoformat(), expires_at.isoformat())

    def current_code(self, session_id: str, purpose: str) -> Code | None:
        row = self._one("SELECT * FROM codes WHERE session_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1",
                        session_id, purpose)
        if row is None:
            return None
        return Code(row["id"], row["code"], row["target"], datetime.fromisoformat(row["issued_at"]),
                    datetime.fromisoformat(row["expires_at"]), row["wrong_tries"], row["state"])

    def code_requests_since(self, target: str, purpose: str, since: datetime) -> list[datetime]:
        """When codes were issued to `target` strictly after `since`, oldest first."""
        rows = self._all("SELECT issued_at FROM codes WHERE target = ? AND purpose = ? ORDER BY id",
                         target, purpose)
        issued = (datetime.fromisoformat(row["issued_at"]) for row in rows)
        return [moment for moment in issued if moment > since]

    def count_wrong_try(self, code_id: int, void_after: int) -> int:
        """Count one wrong entry, voiding the code at `void_after`; atomic, so parallel guesses all count."""
        with self._lock:
            self._run("UPDATE codes SET wrong_tries = wrong_tries + 1 WHERE id = ?", code_id)
            self._run("UPDATE codes SET state = 'void' WHERE id = ? AND wrong_tries >= ?", code_id, void_after)
            row = self._one("SELECT wrong_tries FROM codes WHERE id = ?", code_id)
            return int(row["wrong_tries"]) if row else 0

    def use_code(self, code_id: int) -> bool:
        """Mark an active code used; False if it was no longer active, so two equal requests pass only once."""
        with self._lock:
            cursor = self._db.execute("UPDATE codes SET state = 'used' WHERE id = ? AND state = 'active'",
                                      (code_id,))
            return cursor.rowcount == 1

    def retire_codes(self, session_id: str, purpose: str) -> None:
        self._run("UPDATE codes SET state = 'replaced' WHERE session_id = ? AND purpose = ?"
                  " AND state = 'active'", session_id, purpose)

    # Issuance sessions: which step a device has reached, and what earlier steps established.
    def add_session(self, session_id: str, stage: str, now: datetime) -> None:
        self._run("INSERT INTO sessions (id, stage, created_at) VALUES (?, ?, ?)",
                  session_id, stage, now.isoformat())

    def rename_session(self, old_id: str, new_id: str) -> None:
        """The session, its codes and its challenges under a new id; the old id no longer finds anything."""
        with self.transaction():
            self._run("UPDATE sessions SET id = ? WHERE id = ?", new_id, old_id)
            self._run("UPDATE codes SET session_id = ? WHERE session_id = ?", new_id, old_id)
            self._run("UPDATE challenges SET session_id = ? WHERE session_id = ?", new_id, old_id)

    def session(self, session_id: str) -> SessionRow | None:
        row = self._one("SELECT * FROM sessions WHERE id = ?", session_id)
        if row is not None:
            row["data"] = json.loads(row["data"])
        return cast("SessionRow | None", row)

    def update_session(self, session_id: str, stage: str, customer_id: str | None, data: SessionData) -> None:
        self._run("UPDATE sessions SET stage = ?, customer_id = ?, data = ? WHERE id = ?",
                  stage, customer_id, json.dumps(data, ensure_ascii=False), session_id)
