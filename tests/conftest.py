"""Fixtures for the mock bank's unit tests: a bank on a still clock, registered customers, and journeys that
walk an issuance session to a given step, through the services or over HTTP."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from flows.issuance_shortcut import phone_form
from mock_bank.bank import Bank, open_bank
from mock_bank.clock import Clock
from mock_bank.services.phone_check import PhoneOwner
from mock_bank.services.registry import AccountRecord, CustomerRecord, IdCardRecord
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.settings import ServerSettings
from mock_bank.store import RESET_TABLES
from mock_bank.web.app import create_app
from support.one_time_codes import latest_deposit_code as read_deposit_code
from support.one_time_codes import latest_sms_code as read_sms_code
from support.ports import free_port

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class StillTime:
    """A time source that stands still, so only Clock.advance moves the bank's time: boundaries are exact."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@dataclass(frozen=True)
class Person:
    """A registered customer, with what the screens ask for."""

    customer_id: str
    name: str
    rrn: str
    phone: str
    carrier: str
    account_bank: str
    account: str

    @property
    def owner(self) -> PhoneOwner:
        return PhoneOwner(self.carrier, self.name, self.rrn[:7], self.phone)


KIM = CustomerRecord(
    "김민준", "9003151234567", "010-2345-6789", "SKT",
    (AccountRecord("KB국민", "12345678901234"), AccountRecord("신한", "110123456789", "closed")),
    (IdCardRecord("resident", "김민준", "9003151234567", "2020-05-01", office="서울특별시 종로구청장"),))
LEE = CustomerRecord(
    "이서연", "0107224123456", "010-9876-5432", "KT",
    (AccountRecord("신한", "110987654321"), AccountRecord("우리", "1002123456789", "closed")),
    (IdCardRecord("resident", "이서연", "0107224123456", "2021-01-04", office="부산광역시 해운대구청장"),))


def register(bank: Bank, record: CustomerRecord) -> Person:
    customer_id = bank.registry.register(record)
    return Person(customer_id, record.name, record.rrn, record.phone, record.carrier,
                  record.accounts[0].bank, record.accounts[0].digits)


@pytest.fixture
def time() -> StillTime:
    return StillTime(START)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "b.sqlite3"


@pytest.fixture
def bank(database: Path, time: StillTime) -> Iterator[Bank]:
    opened = open_bank(ServerSettings(database=database, test_control=True), Clock(time))
    yield opened
    opened.close()


@pytest.fixture
def kim(bank: Bank) -> Person:
    return register(bank, KIM)


@pytest.fixture
def lee(bank: Bank) -> Person:
    return register(bank, LEE)


# The harness's own readers (support/one_time_codes.py), over what the bank stored instead of its HTTP answers.
def latest_sms_code(bank: Bank, phone: str) -> str:
    return read_sms_code([message["body"] for message in bank.store.sms_inbox(phone, bank.clock.now())])


def latest_deposit_code(bank: Bank, account_bank: str, account: str) -> str:
    return read_deposit_code(bank.store.deposits(account_bank, account))


class Journey:
    """Walks one issuance session through the services, step by step, as the screens would."""

    def __init__(self, bank: Bank, person: Person) -> None:
        self.bank = bank
        self.person = person
        self.session = bank.sessions.start()

    def reload(self) -> IssuanceSession:
        found = self.bank.sessions.find(self.session.id)
        assert found is not None
        self.session = found
        return found

    def at(self, finished: Stage) -> IssuanceSession:
        return self.bank.sessions.require(self.session.id, finished)

    def agree(self) -> Journey:
        self.bank.sessions.complete(self.at(Stage.STARTED), Stage.TERMS_AGREED)
        return self

    def request_sms(self, owner: PhoneOwner | None = None) -> Journey:
        self.bank.phone_check.request_code(self.at(Stage.TERMS_AGREED), owner or self.person.owner)
        return self

    def sms_code(self) -> str:
        return latest_sms_code(self.bank, self.person.phone)

    def enter_sms(self, code: str | None = None) -> None:
        session = self.at(Stage.TERMS_AGREED)
        self.bank.phone_check.confirm(session, code or self.sms_code())
        self.session = session  # a proven phone gives the session a new id, as the screens' cookie does

    def verify_phone(self) -> Journey:
        self.agree().request_sms().enter_sms()
        return self

    def send_deposit(self, account_bank: str | None = None, account: str | None = None) -> Journey:
        self.bank.account_check.send_deposit(self.at(Stage.PHONE_VERIFIED), account_bank or self.person.account_bank,
                                             account or self.person.account)
        return self

    def deposit_code(self) -> str:
        return latest_deposit_code(self.bank, self.person.account_bank, self.person.account)

    def enter_deposit(self, code: str | None = None) -> None:
        self.bank.account_check.confirm(self.at(Stage.PHONE_VERIFIED), code or self.deposit_code())

    def verify_account(self) -> Journey:
        self.verify_phone().send_deposit().enter_deposit()
        return self

    def verify_id(self) -> Journey:
        """The ID step is another module's; its outcome is recorded directly, as IdCheck.confirm would."""
        self.verify_account()
        self.bank.sessions.complete(self.at(Stage.ACCOUNT_VERIFIED), Stage.ID_VERIFIED)
        return self


@pytest.fixture
def journey(bank: Bank, kim: Person) -> Journey:
    return Journey(bank, kim)


@pytest.fixture
def client(bank: Bank, database: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(database=database, test_control=True), bank)) as http:
        yield http


@dataclass(frozen=True)
class ServedBank:
    bank: Bank
    url: str


@pytest.fixture
def served(tmp_path: Path, time: StillTime) -> Iterator[ServedBank]:
    """A bank on real HTTP, for clients that are not Python (openssl): uvicorn in a thread, on a free port, so
    the addresses in its certificates are where it answers. Its clock stands still, as the `bank` fixture's."""
    settings = ServerSettings(port=free_port(), database=tmp_path / "served.sqlite3", test_control=True)
    opened = open_bank(settings, Clock(time))
    server = uvicorn.Server(uvicorn.Config(create_app(settings, opened), host=settings.host, port=settings.port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # 10 s; joining the thread is the pause, and notices a server that died
        if server.started or not thread.is_alive():
            break
        thread.join(0.05)
    assert server.started, "the served bank did not start"
    try:
        yield ServedBank(opened, settings.public_url)
    finally:
        server.should_exit = True
        thread.join(10)
        opened.close()


def dump(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the bank keeps, read through a connection of our own, to show that nothing changed."""
    with closing(sqlite3.connect(database)) as db:
        return {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in (*RESET_TABLES, "ca")}


REQUIRED_TERMS = ["e_finance", "certificate", "privacy", "unique_id"]


class Screens:
    """Walks the screens over HTTP with one device's cookies, as the browser would, without following redirects."""

    def __init__(self, client: TestClient, bank: Bank, person: Person) -> None:
        self.client = client
        self.bank = bank
        self.person = person

    def post(self, path: str, **form: Any) -> Any:
        return self.client.post(path, data=form, follow_redirects=False)

    def phone_form(self) -> dict[str, str]:
        person = self.person
        return dict(phone_form(person.carrier, person.name, person.rrn, person.phone))

    def start(self) -> Screens:
        assert self.post("/issue/start").status_code == 303
        return self

    def agree(self) -> Screens:
        assert self.start().post("/issue/terms", terms=REQUIRED_TERMS).status_code == 303
        return self

    def request_sms(self) -> Screens:
        assert self.agree().post("/issue/phone/code-request", **self.phone_form()).status_code == 303
        return self

    def verify_phone(self) -> Screens:
        self.request_sms()
        code = latest_sms_code(self.bank, self.person.phone)
        assert self.post("/issue/phone/code", code=code).status_code == 303
        return self

    def send_deposit(self) -> Screens:
        answer = self.verify_phone().post("/issue/account/deposit", bank=self.person.account_bank,
                                          account_number=self.person.account)
        assert answer.status_code == 303
        return self

    def verify_account(self) -> Screens:
        self.send_deposit()
        code = latest_deposit_code(self.bank, self.person.account_bank, self.person.account)
        assert self.post("/issue/account/code", code=code).status_code == 303
        return self

    def session(self) -> IssuanceSession:
        found = self.bank.sessions.find(self.client.cookies.get("kb_issue"))
        assert found is not None
        return found

    def finish_step(self, stage: Stage) -> Screens:
        """Record a step this suite does not walk (the ID check, PIN, pattern) as done."""
        self.bank.sessions.complete(self.session(), stage)
        return self


@pytest.fixture
def screens(client: TestClient, bank: Bank, kim: Person) -> Screens:
    return Screens(client, bank, kim)


@pytest.fixture
def openssl() -> str:
    """openssl, a second implementation to read what the bank signs; without it those tests say so."""
    found = shutil.which("openssl")
    if found is None:
        pytest.skip("openssl is not on PATH")
    return found
