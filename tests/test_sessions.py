"""The guide's steps in order (FLOW-1..8): no step before the one it follows, none after issuance."""

from __future__ import annotations

import pytest

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.errors import StepOutOfOrder
from mock_bank.services.sessions import ORDER, Stage


def test_stages_follow_the_guide() -> None:
    assert [stage.value for stage in ORDER] == [
        "started", "terms_agreed", "phone_verified", "account_verified", "id_verified", "pin_set",
        "pattern_set", "issued"]


@pytest.mark.parametrize("session_id", [None, "", "unknown", "x" * 10_000, "' OR 1=1 --", "\x00"])
def test_no_session_is_out_of_order(bank: Bank, session_id: str | None) -> None:
    assert bank.sessions.find(session_id) is None
    with pytest.raises(StepOutOfOrder):
        bank.sessions.require(session_id, Stage.STARTED)


@pytest.mark.parametrize("needed", ORDER[1:-1])
def test_a_new_session_has_not_finished_later_stages(journey: Journey, needed: Stage) -> None:
    with pytest.raises(StepOutOfOrder):
        journey.at(needed)


def test_sms_cannot_be_requested_before_the_terms(journey: Journey) -> None:
    with pytest.raises(StepOutOfOrder):
        journey.request_sms()


def test_deposit_cannot_be_sent_before_the_phone_check(journey: Journey) -> None:
    journey.agree().request_sms()
    with pytest.raises(StepOutOfOrder):
        journey.send_deposit()


def test_pin_cannot_be_set_before_the_id_check(journey: Journey, bank: Bank) -> None:
    journey.verify_account()
    with pytest.raises(StepOutOfOrder):
        bank.credentials.set_pin(journey.at(Stage.ID_VERIFIED), "258036", "258036")


def test_redoing_a_step_sets_the_session_back_to_it(journey: Journey, bank: Bank) -> None:
    journey.verify_account()
    journey.send_deposit()
    assert journey.reload().stage is Stage.PHONE_VERIFIED
    with pytest.raises(StepOutOfOrder):
        journey.at(Stage.ACCOUNT_VERIFIED)


def test_an_issued_session_takes_no_more_steps(journey: Journey, bank: Bank) -> None:
    journey.agree()
    bank.sessions.complete(journey.at(Stage.STARTED), Stage.ISSUED)
    with pytest.raises(StepOutOfOrder):
        journey.at(Stage.STARTED)


def test_sessions_are_separate(bank: Bank, kim: Person) -> None:
    first, second = Journey(bank, kim), Journey(bank, kim)
    first.verify_phone()
    assert second.reload().stage is Stage.STARTED
    assert first.session.id != second.session.id
