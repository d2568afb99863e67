"""비밀번호 및 패턴 설정: each PIN rule with its own reason, the confirmation, and the pattern rules."""

from __future__ import annotations

import pytest

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, InputRejected, Reason
from mock_bank.services.sessions import IssuanceSession, Stage

GOOD_PIN = "258036"


@pytest.fixture
def session(journey: Journey) -> IssuanceSession:
    return journey.verify_id().at(Stage.ID_VERIFIED)


def pin_refusal(bank: Bank, session: IssuanceSession, pin: str, confirmation: str | None = None) -> Reason:
    with pytest.raises(BankError) as refused:
        bank.credentials.set_pin(session, pin, pin if confirmation is None else confirmation)
    return refused.value.reason


def test_a_good_pin_confirmed_is_kept_only_as_a_salted_hash(bank: Bank, session: IssuanceSession,
                                                            journey: Journey) -> None:
    bank.credentials.set_pin(session, GOOD_PIN, GOOD_PIN)
    stored = journey.reload()
    assert stored.stage is Stage.PIN_SET
    assert GOOD_PIN not in str(stored.data)
    assert len(stored.data["pin_salt"]) == 32


@pytest.mark.parametrize("pin", ["25803", "2580361", "", "25803a", "２５８０３６", "٢٥٨٠٣٦", " 258036", "25 036"])
def test_anything_but_exactly_six_ascii_digits(bank: Bank, session: IssuanceSession, pin: str) -> None:
    assert pin_refusal(bank, session, pin) is Reason.PIN_FORMAT


@pytest.mark.parametrize("pin", ["000000", "111111", "999999"])
def test_one_digit_six_times(bank: Bank, session: IssuanceSession, pin: str) -> None:
    assert pin_refusal(bank, session, pin) is Reason.PIN_ALL_SAME


@pytest.mark.parametrize("pin", ["012345", "123456", "456789", "987654", "543210"])
def test_a_straight_run(bank: Bank, session: IssuanceSession, pin: str) -> None:
    assert pin_refusal(bank, session, pin) is Reason.PIN_STRAIGHT


@pytest.mark.parametrize("pin", ["111258", "258111", "250007", "123444"])
def test_three_equal_digits_in_a_row(bank: Bank, session: IssuanceSession, pin: str) -> None:
    assert pin_refusal(bank, session, pin) is Reason.PIN_EQUAL_RUN


@pytest.mark.parametrize("pin", ["112258", "123457", "124578", "901234", "135790", "121212"])
def test_near_misses_of_the_rules_are_allowed(bank: Bank, session: IssuanceSession, pin: str) -> None:
    bank.credentials.set_pin(session, pin, pin)


def test_the_birth_date(bank: Bank, session: IssuanceSession, kim: Person) -> None:
    assert pin_refusal(bank, session, kim.rrn[:6]) is Reason.PIN_BIRTH_DATE


def test_someone_elses_birth_date_is_allowed(bank: Bank, session: IssuanceSession, lee: Person) -> None:
    bank.credentials.set_pin(session, lee.rrn[:6], lee.rrn[:6])


@pytest.mark.parametrize("confirmation", ["258037", "", "25803", "٢٥٨٠٣٦", GOOD_PIN + "0"])
def test_the_confirmation_must_match(bank: Bank, session: IssuanceSession, confirmation: str) -> None:
    assert pin_refusal(bank, session, GOOD_PIN, confirmation) is Reason.PIN_MISMATCH


def test_a_refused_pin_leaves_the_session_as_it_was(bank: Bank, session: IssuanceSession,
                                                    journey: Journey) -> None:
    pin_refusal(bank, session, "123456")
    assert journey.reload().stage is Stage.ID_VERIFIED
    assert "pin_hash" not in journey.reload().data


class TestPattern:
    @pytest.fixture
    def pin_set(self, bank: Bank, session: IssuanceSession, journey: Journey) -> IssuanceSession:
        bank.credentials.set_pin(session, GOOD_PIN, GOOD_PIN)
        return journey.at(Stage.PIN_SET)

    def test_four_points_confirmed(self, bank: Bank, pin_set: IssuanceSession, journey: Journey) -> None:
        bank.credentials.set_pattern(pin_set, [1, 2, 3, 6], [1, 2, 3, 6])
        assert journey.reload().stage is Stage.PATTERN_SET

    @pytest.mark.parametrize("pattern", [[], [5], [1, 2, 3]])
    def test_fewer_than_four_points(self, bank: Bank, pin_set: IssuanceSession, pattern: list[int]) -> None:
        with pytest.raises(BankError) as refused:
            bank.credentials.set_pattern(pin_set, pattern, pattern)
        assert refused.value.reason is Reason.PATTERN_TOO_SHORT

    @pytest.mark.parametrize("confirmation", [[1, 2, 3], [6, 3, 2, 1], [1, 2, 3, 6, 9]])
    def test_the_confirmation_must_match(self, bank: Bank, pin_set: IssuanceSession,
                                         confirmation: list[int]) -> None:
        with pytest.raises(BankError) as refused:
            bank.credentials.set_pattern(pin_set, [1, 2, 3, 6], confirmation)
        assert refused.value.reason is Reason.PATTERN_MISMATCH

    @pytest.mark.parametrize("pattern", [[0, 1, 2, 3], [1, 2, 3, 10], [1, 2, 2, 3], [-1, 1, 2, 3], [True, 2, 3, 4]])
    def test_points_off_the_grid_or_repeated_are_malformed(self, bank: Bank, pin_set: IssuanceSession,
                                                           pattern: list[int]) -> None:
        with pytest.raises(InputRejected):
            bank.credentials.set_pattern(pin_set, pattern, pattern)
