"""The store's certificate half: an older database gains the new columns; retiring and counting are atomic."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from conftest import START, Person
from mock_bank.bank import Bank
from mock_bank.store import Store
from mock_bank.store_certificates import CertificateDetails


def add(bank: Bank, person: Person, serial: str) -> None:
    bank.store.add_certificate(serial, person.customer_id, "PEM", START, START + timedelta(days=3 * 365), START,
                               CertificateDetails(pin_salt="00", pin_hash="ff", id_kind="resident"))


def test_an_older_database_gains_the_certificate_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, rrn TEXT NOT NULL UNIQUE,"
                   " phone TEXT NOT NULL, carrier TEXT NOT NULL, created_at TEXT NOT NULL)")
        db.execute("CREATE TABLE certificates (serial TEXT PRIMARY KEY, customer_id TEXT NOT NULL"
                   " REFERENCES customers(id), pem TEXT NOT NULL, not_before TEXT NOT NULL, not_after TEXT NOT NULL,"
                   " status TEXT NOT NULL DEFAULT 'active', issued_at TEXT NOT NULL, revoked_at TEXT)")
        db.execute("INSERT INTO customers VALUES ('c1', '김민준', '9003151234567', '010-2345-6789', 'SKT', ?)",
                   (START.isoformat(),))
        db.execute("INSERT INTO certificates (serial, customer_id, pem, not_before, not_after, issued_at)"
                   " VALUES ('AB', 'c1', 'PEM', ?, ?, ?)", (START.isoformat(),) * 3)
        db.commit()
    store = Store(path)
    try:
        row = store.certificate("AB")
        assert row is not None
        assert (row["wrong_pins"], row["pin_hash"], row["account_digits"]) == (0, None, None)
    finally:
        store.close()


def test_retiring_others_keeps_the_new_one_and_skips_the_retired(bank: Bank, kim: Person) -> None:
    for serial in ("A1", "A2", "A3"):
        add(bank, kim, serial)
    assert bank.store.set_certificate_status("A1", "locked", START)
    assert bank.store.retire_others(kim.customer_id, "A3", "replaced", START) == ["A2"]
    statuses = {row["serial"]: row["status"] for row in bank.store.certificates_of(kim.customer_id)}
    assert statuses == {"A1": "locked", "A2": "replaced", "A3": "active"}
    assert bank.store.set_certificate_status("A2", "moved", START) is False


def test_parallel_wrong_pins_all_count_and_lock_once(bank: Bank, kim: Person) -> None:
    add(bank, kim, "B1")
    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = sorted(pool.map(lambda _: bank.store.count_wrong_pin("B1", 5, START), range(8)))
    assert counts == list(range(1, 9))
    row = bank.store.certificate("B1")
    assert row is not None and row["status"] == "locked"
    assert len(bank.store.revoked_certificates()) == 1
