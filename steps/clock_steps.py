"""The mock bank's clock, moved through test control so time-limited rules take no real time."""

from __future__ import annotations

from pytest_bdd import parsers, when

from support.control_client import ControlClient


@when(parsers.parse('은행 시계로 "{seconds:d}"초가 지난다'))
def seconds_pass(bank: ControlClient, seconds: int) -> None:
    bank.advance_clock(seconds)


@when(parsers.parse('은행 시계로 "{minutes:d}"분이 지난다'))
def minutes_pass(bank: ControlClient, minutes: int) -> None:
    bank.advance_clock(minutes * 60)
