"""A bank started with --today: its clock opens at 10:00 KST that day, its CA starts then, test control moves on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from fastapi.testclient import TestClient

from conftest import StillTime
from fixtures.mock_bank_server import running_bank
from mock_bank.__main__ import parse_settings
from mock_bank.bank import StartError, open_bank
from mock_bank.clock import Clock, opening_on
from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app

DAY = date(2027, 3, 1)
OPENING = datetime(2027, 3, 1, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
# Real time goes on while a test runs; a minute is far more than these tests take, far less than any step.
SLACK = timedelta(minutes=1)


def test_the_bank_opens_at_ten_in_seoul_on_its_day() -> None:
    assert opening_on(DAY) == OPENING


def test_a_clock_with_a_start_moves_from_it_and_resets_to_it() -> None:
    real = StillTime(datetime(2026, 12, 2, 13, 23, tzinfo=UTC))  # moved on by hand, as real time would
    clock = Clock(real, start=OPENING)
    assert clock.now() == OPENING
    real.at += timedelta(minutes=5)
    assert clock.now() == OPENING + timedelta(minutes=5)
    clock.advance(timedelta(days=400))
    assert clock.now() == OPENING + timedelta(days=400, minutes=5)
    clock.set(datetime(2029, 1, 1, tzinfo=UTC))
    real.at += timedelta(seconds=30)
    assert clock.now() == datetime(2029, 1, 1, 0, 0, 30, tzinfo=UTC)
    clock.reset()
    # The start itself, not the start plus the real time since: every scenario begins at the same bank time.
    assert clock.now() == OPENING


def test_a_clock_without_a_start_keeps_to_its_source() -> None:
    real = StillTime(datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    clock = Clock(real)
    clock.advance(timedelta(hours=3))
    clock.reset()
    assert clock.now() == real.at


def test_a_start_must_say_its_time_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Clock(start=datetime(2027, 3, 1, 10, 0))


@pytest.mark.parametrize(("value", "why"), [
    ("2027-02-30", "not a day on the calendar"), ("20270301", "YYYY-MM-DD"), ("1999-12-31", "outside"),
    ("2100-01-01", "outside"),
])
def test_today_that_is_not_a_day_stops_the_bank_with_the_reason(value: str, why: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_settings(["--today", value])
    assert why in capsys.readouterr().err


@pytest.fixture
def app_of_the_day(tmp_path: Path) -> Iterator[TestClient]:
    """The bank as `python -m mock_bank --today 2027-03-01 --test-control` builds it, answered in process."""
    settings = parse_settings(["--today", "2027-03-01", "--test-control", "--db", str(tmp_path / "b.sqlite3")])
    assert settings.today == DAY
    with TestClient(create_app(settings)) as http:
        yield http


def bank_time(http: TestClient | httpx.Client) -> datetime:
    return datetime.fromisoformat(http.get("/_test/clock").json()["now"])


def test_test_control_moves_the_clock_from_the_bank_s_day_and_reset_brings_it_back(
        app_of_the_day: TestClient) -> None:
    assert OPENING <= bank_time(app_of_the_day) < OPENING + SLACK
    moved = app_of_the_day.post("/_test/clock/advance", json={"seconds": 86_400}).json()["now"]
    assert OPENING + timedelta(days=1) <= datetime.fromisoformat(moved) < OPENING + timedelta(days=1) + SLACK
    app_of_the_day.put("/_test/clock", json={"now": "2030-02-28T23:59:00+09:00"})
    assert bank_time(app_of_the_day) >= datetime(2030, 2, 28, 14, 59, tzinfo=UTC)
    assert app_of_the_day.post("/_test/reset").status_code == 204
    assert OPENING <= bank_time(app_of_the_day) < OPENING + SLACK


def test_a_new_ca_starts_on_the_bank_s_day(app_of_the_day: TestClient) -> None:
    chain = app_of_the_day.get("/_test/ca").json()
    for pem in (chain["root_pem"], chain["issuing_pem"]):
        certificate = x509.load_pem_x509_certificate(pem.encode())
        assert OPENING <= certificate.not_valid_before_utc < OPENING + SLACK


def test_a_saved_ca_from_a_later_day_stops_the_bank_instead_of_signing_what_no_one_trusts(tmp_path: Path) -> None:
    database = tmp_path / "b.sqlite3"
    open_bank(ServerSettings(database=database, today=date(2030, 1, 1))).close()
    with pytest.raises(StartError, match="another --db"):
        open_bank(ServerSettings(database=database, today=DAY))
    later = open_bank(ServerSettings(database=database, today=date(2031, 6, 1)))  # inside the CA's years
    later.close()


def test_the_harness_starts_its_bank_on_the_run_s_today(tmp_path: Path) -> None:
    """The real process, started as fixtures/mock_bank_server.py starts every worker's bank."""
    with running_bank(tmp_path / "mock_bank.log", DAY) as url, httpx.Client(base_url=url) as http:
        assert OPENING <= bank_time(http) < OPENING + SLACK
        issuing = x509.load_pem_x509_certificate(http.get("/_test/ca").json()["issuing_pem"].encode())
        assert issuing.not_valid_before_utc.date() == DAY
