"""The store: reset empties what scenarios made but keeps the CA; a database from before is brought up to date."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from conftest import START, Journey, dump
from mock_bank.bank import Bank, open_bank
from mock_bank.settings import ServerSettings
from mock_bank.store import RESET_TABLES, Store


def test_reset_empties_every_scenario_table_and_keeps_the_ca(journey: Journey, bank: Bank, database: Path) -> None:
    journey.verify_account()
    root = bank.ca.root_certificate
    assert any(dump(database)[table] for table in RESET_TABLES)
    bank.reset()
    rows = dump(database)
    assert all(rows[table] == [] for table in RESET_TABLES)
    assert len(rows["ca"]) == 1
    reopened = open_bank(ServerSettings(database=database))
    try:
        assert reopened.ca.root_certificate == root
    finally:
        reopened.close()


def test_reset_also_puts_the_clock_back(bank: Bank, time: object) -> None:
    bank.clock.advance(timedelta(days=400))
    bank.reset()
    assert bank.clock.now() == START


def test_code_requests_count_strictly_inside_the_window(bank: Bank) -> None:
    store = bank.store
    store.add_code("s", "sms", "010-1111-2222", "123456", START, START + timedelta(minutes=3))
    assert store.code_requests_since("010-1111-2222", "sms", START - timedelta(microseconds=1)) == [START]
    assert store.code_requests_since("010-1111-2222", "sms", START) == []
    assert store.code_requests_since("010-1111-2222", "deposit", START - timedelta(seconds=1)) == []


def test_a_code_is_used_once(bank: Bank) -> None:
    bank.store.add_code("s", "sms", "t", "123456", START, START + timedelta(minutes=3))
    code = bank.store.current_code("s", "sms")
    assert code is not None
    assert bank.store.use_code(code.id) is True
    assert bank.store.use_code(code.id) is False


def test_wrong_tries_void_at_the_limit(bank: Bank) -> None:
    bank.store.add_code("s", "sms", "t", "123456", START, START + timedelta(minutes=3))
    code = bank.store.current_code("s", "sms")
    assert code is not None
    assert [bank.store.count_wrong_try(code.id, 3) for _ in range(3)] == [1, 2, 3]
    current = bank.store.current_code("s", "sms")
    assert current is not None and current.state == "void"


def test_inbox_shows_a_delayed_message_only_from_its_time(bank: Bank) -> None:
    bank.store.add_sms("010-1111-2222", "now", START)
    bank.store.add_sms("010-1111-2222", "later", START, deliver_at=START + timedelta(seconds=90))
    bank.store.add_sms("010-1111-2222", "held", START, held=True)
    inbox = bank.store.sms_inbox
    assert [m["body"] for m in inbox("010-1111-2222", START + timedelta(seconds=89))] == ["now"]
    assert [m["body"] for m in inbox("010-1111-2222", START + timedelta(seconds=90))] == ["now", "later"]


def test_an_older_database_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE sms_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, phone TEXT NOT NULL,"
                   " body TEXT NOT NULL, sent_at TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 0)")
        db.execute("INSERT INTO sms_messages (phone, body, sent_at) VALUES (?, ?, ?)",
                   ("010-1111-2222", "old", START.isoformat()))
        db.commit()
    store = Store(path)
    try:
        assert [m["body"] for m in store.sms_inbox("010-1111-2222", START)] == ["old"]
    finally:
        store.close()
