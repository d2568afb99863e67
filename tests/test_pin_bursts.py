"""A burst of PINs for one certificate is counted like PINs in a row: no more are tried than the limit allows,
and none is tried once the certificate is locked (issue 12: 13 of 20 sent at once were evaluated)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from certificate_holders import GOOD_PIN, CertificateHolder, issue_to

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason
from mock_bank.services import certificate_status

BURST = 20


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


@pytest.fixture
def evaluations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PIN the bank actually tried against the verifier (PBKDF2), in order."""
    tried: list[str] = []
    real: Callable[[str, str | None, str | None], bool] = certificate_status.pin_matches

    def counting(pin: str, salt_hex: str | None, expected: str | None) -> bool:
        tried.append(pin)
        return real(pin, salt_hex, expected)

    monkeypatch.setattr(certificate_status, "pin_matches", counting)
    return tried


def at_once(bank: Bank, serial: str, pins: list[str]) -> list[Reason | None]:
    start = threading.Barrier(len(pins))

    def send(pin: str) -> Reason | None:
        start.wait(timeout=10)
        try:
            bank.login.pin_challenge(serial, pin)
        except BankError as refused:
            return refused.reason
        return None

    with ThreadPoolExecutor(max_workers=len(pins)) as pool:
        return list(pool.map(send, pins))


def test_a_burst_of_wrong_pins_tries_no_more_than_the_limit(bank: Bank, holder: CertificateHolder,
                                                             evaluations: list[str]) -> None:
    wrong = [f"{n:06d}" for n in range(100_000, 100_000 + BURST)]
    reasons = at_once(bank, holder.serial, wrong)
    assert len(evaluations) == bank.rules.login_max_wrong_pins
    assert reasons.count(Reason.PIN_WRONG) == bank.rules.login_max_wrong_pins - 1
    assert reasons.count(Reason.CERTIFICATE_LOCKED) == BURST - bank.rules.login_max_wrong_pins + 1


def test_the_right_pin_is_not_tried_once_the_burst_has_locked_the_certificate(
        bank: Bank, holder: CertificateHolder, evaluations: list[str]) -> None:
    at_once(bank, holder.serial, [f"{n:06d}" for n in range(200_000, 200_000 + BURST)])
    evaluations.clear()
    assert at_once(bank, holder.serial, [GOOD_PIN] * 5) == [Reason.CERTIFICATE_LOCKED] * 5
    assert evaluations == []


@pytest.mark.parametrize("not_a_pin", ["", "12345", "1234567", "１２３４５６", GOOD_PIN + "\x00", " " + GOOD_PIN])
def test_what_is_not_a_pin_is_refused_untried(bank: Bank, holder: CertificateHolder, evaluations: list[str],
                                              not_a_pin: str) -> None:
    for _ in range(bank.rules.login_max_wrong_pins + 1):
        with pytest.raises(BankError) as refused:
            bank.login.pin_challenge(holder.serial, not_a_pin)
        assert refused.value.reason is Reason.PIN_FORMAT
    assert evaluations == []
    bank.login.pin_challenge(holder.serial, GOOD_PIN)  # not locked: the right PIN still opens it
