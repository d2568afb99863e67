"""The bank's log of requests and refusals, and the harness reading one scenario's part of it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import Screens
from support.bank_log import BankLog


def test_requests_and_refusals_are_logged_without_the_customers_numbers(
        screens: Screens, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mock_bank.requests")
    wrong_carrier = "KT" if screens.person.carrier != "KT" else "SKT"
    screens.agree().post("/issue/phone/code-request", **{**screens.phone_form(), "carrier": wrong_carrier})
    lines = [record.getMessage() for record in caplog.records]
    assert "POST /issue/terms → 303" in "\n".join(lines)
    refusals = [line for line in lines if line.startswith("거절 phone_mismatch")]
    assert len(refusals) == 1
    assert "휴대폰" in refusals[0]  # the Korean words the customer saw
    logged = "\n".join(lines)
    assert screens.person.phone not in logged and screens.person.rrn[:6] not in logged


def test_static_files_are_not_logged(screens: Screens, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mock_bank.requests")
    assert screens.client.get("/static/app.css").status_code == 200
    assert caplog.records == []


def test_the_log_is_read_from_the_scenarios_mark(tmp_path: Path) -> None:
    path = tmp_path / "mock_bank.log"
    path.write_text("earlier scenario\n", "utf-8")
    log = BankLog(path)
    log.mark()
    with path.open("a", encoding="utf-8") as more:
        more.write("POST /issue/phone → 200\n")
    assert log.since_mark() == "POST /issue/phone → 200\n"


def test_a_bank_run_elsewhere_has_no_log_to_read() -> None:
    log = BankLog(None)
    log.mark()
    assert log.since_mark() is None
