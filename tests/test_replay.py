"""Replay on any day: a seed and the run's today give the same customers, whatever the real date."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from harness_runs import CUSTOMER_NODE, customer_of, harness_run

from identities import Customer, seed_for, seeded_faker
from identities import rrn as rrns
from support.settings import SettingsError, run_today

DAY = date(2027, 3, 1)
# 20:00 UTC on 2 December is already 3 December in Seoul.
EVENING_IN_LONDON = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)
RECORDED = ("김민재", "8312121103141", "010-9281-2704", date(2006, 4, 10), "13-21-322188-92", date(2002, 8, 31))


def real_time_at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def built_on(seed: int, today: date, **options: Any) -> Customer:
    customer: Customer = seeded_faker(seed, today).customer(**options)
    return customer


def test_the_run_s_today_is_the_option_then_kb_today_then_the_date_in_korea() -> None:
    assert run_today("2027-03-01", {"KB_TODAY": "2031-05-05"}, real_time_at(EVENING_IN_LONDON)) == DAY
    assert run_today(None, {"KB_TODAY": "2027-03-01"}, real_time_at(EVENING_IN_LONDON)) == DAY
    assert run_today(None, {"KB_TODAY": ""}, real_time_at(EVENING_IN_LONDON)) == date(2026, 12, 3)


@pytest.mark.parametrize(("value", "why"), [
    ("2027-02-30", "not a day on the calendar"), ("20270301", "YYYY-MM-DD"), ("2027-3-1", "YYYY-MM-DD"),
    ("1999-12-31", "2000-01-01 to 2089-12-31"), ("2090-01-01", "2000-01-01 to 2089-12-31"),
])
def test_a_today_that_is_not_a_day_is_refused_with_the_reason(value: str, why: str) -> None:
    with pytest.raises(SettingsError, match=why):
        run_today(value, {})
    with pytest.raises(SettingsError, match=f"KB_TODAY='?{value}"):
        run_today(None, {"KB_TODAY": value})


def test_one_seed_and_one_today_give_one_customer_whatever_the_real_date() -> None:
    """Two replays of one run, a year and a half apart in real time: the real date is never read."""
    days = [run_today(None, {"KB_TODAY": "2027-03-01"}, real_time_at(real))
            for real in (EVENING_IN_LONDON, datetime(2028, 7, 15, 3, 0, tzinfo=UTC))]
    first, again = (built_on(seed_for(7, CUSTOMER_NODE), day, with_licence=True) for day in days)
    assert first == again


def test_seed_7_on_1_march_2027_is_the_customer_it_was_when_recorded() -> None:
    """Recorded on 2 December 2026. If the provider's draws change, old reports' seeds stop replaying."""
    customer = built_on(seed_for(7, CUSTOMER_NODE), DAY, with_licence=True, reissued_card=True)
    assert customer.resident_card is not None and customer.driver_licence is not None
    assert (customer.name, customer.rrn, customer.phone) == RECORDED[:3]
    assert (customer.resident_card.issued_on, customer.driver_licence.number,
            customer.earlier_cards[0].issued_on) == RECORDED[3:]


def test_a_run_with_a_seed_and_a_today_gets_the_customer_of_that_day(tmp_path: Path) -> None:
    """--today beats KB_TODAY, KB_TODAY beats the real date: both runs get the customer of 1 March 2027.

    Before runs had a today, the customer was aged on the machine's date and KB_TODAY changed nothing.
    """
    expected = json.loads(json.dumps(built_on(seed_for(7, CUSTOMER_NODE), DAY, with_licence=True,
                                              reissued_card=True).to_registration()))
    by_option = harness_run(tmp_path / "option", "--faker-seed", "7", "--today", "2027-03-01", kb_today="2031-05-05")
    assert "faker seed: 7, today: 2027-03-01 (replay with --faker-seed 7 --today 2027-03-01)" in by_option.stdout
    assert customer_of(by_option, tmp_path / "option") == expected
    by_environment = harness_run(tmp_path / "environment", "--faker-seed", "7", kb_today="2027-03-01")
    assert customer_of(by_environment, tmp_path / "environment") == expected


def test_a_today_that_is_not_a_day_stops_the_run_before_any_test(tmp_path: Path) -> None:
    run = harness_run(tmp_path / "option", "--today", "2027-02-30")
    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout + run.stderr
    assert "--today 2027-02-30 is not a day on the calendar" in run.stderr
    run = harness_run(tmp_path / "environment", kb_today="next monday")
    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout + run.stderr
    assert "KB_TODAY='next monday' is not a day written YYYY-MM-DD" in run.stderr


@pytest.mark.parametrize("days", [1, 30, 365, 366, 3653])
def test_another_today_gives_the_same_people_as_old_on_their_day(days: int) -> None:
    """The same draws on any day: a run replayed with another --today meets the same people, each as old.

    Birth dates move with today, so a woman born in 1999 may be born in 2000 on a later day: her gender digit
    goes from 2 to 4, as the RRN's century code requires, and she stays a woman. Before the provider drew
    every day with one random(), seed 151 became someone else a year on (a span one day longer took randint
    an extra draw).
    """
    later = DAY + timedelta(days=days)
    for seed in range(300):
        options = {"with_licence": seed % 4 != 0, "reissued_card": seed % 3 == 0}
        first, again = built_on(seed, DAY, **options), built_on(seed, later, **options)
        assert (again.name, again.phone, again.carrier, again.accounts) == (
            first.name, first.phone, first.carrier, first.accounts), seed
        assert rrns.is_male(again.rrn) == rrns.is_male(first.rrn), seed
        assert again.age_on(later) == first.age_on(DAY), seed
        # Within a day of the shift: a year with 29 February in it is one day longer.
        assert abs((again.birth_date - first.birth_date).days - days) <= 1, seed
        assert again.rrn[7:12] == first.rrn[7:12], seed
        assert [type(card) for card in again.earlier_cards] == [type(card) for card in first.earlier_cards], seed
