"""휴대폰 인증: the carrier's match, one answer for any mismatch, and the SMS request limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from conftest import Journey, Person, latest_sms_code
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason
from mock_bank.services.phone_check import PhoneOwner
from mock_bank.services.sessions import Stage


def refusal_of_request(journey: Journey, owner: PhoneOwner | None = None) -> Reason:
    with pytest.raises(BankError) as refused:
        journey.request_sms(owner)
    return refused.value.reason


class TestCarrierMatch:
    def test_a_matching_subscriber_gets_one_sms_with_the_code(self, journey: Journey, bank: Bank,
                                                              kim: Person) -> None:
        journey.agree().request_sms()
        [message] = bank.store.sms_inbox(kim.phone, bank.clock.now())
        assert journey.sms_code() in message["body"]
        assert journey.reload().customer_id == kim.customer_id

    @pytest.mark.parametrize("change", [
        {"carrier": "KT"}, {"carrier": "알뜰폰(SKT)"}, {"name": "김민수"}, {"rrn_front": "9003152"},
        {"rrn_front": "9003161"}, {"phone": "010-2345-6788"},
    ], ids=["carrier", "mvno-carrier", "name", "gender-digit", "birth", "number"])
    def test_any_wrong_field_gets_the_same_answer(self, journey: Journey, bank: Bank, kim: Person,
                                                  change: dict[str, str]) -> None:
        journey.agree()
        # One reason for every field: telling which one was wrong would leak who owns the number.
        assert refusal_of_request(journey, replace(kim.owner, **change)) is Reason.PHONE_MISMATCH
        assert bank.store.sms_inbox(kim.phone, bank.clock.now()) == []
        assert journey.reload().customer_id is None

    def test_someone_elses_details_with_ones_own_number_do_not_match(self, journey: Journey, kim: Person,
                                                                      lee: Person) -> None:
        journey.agree()
        assert refusal_of_request(journey, replace(lee.owner, phone=kim.phone)) is Reason.PHONE_MISMATCH


class TestRequestLimits:
    def test_cool_down_refuses_just_before_and_allows_at_its_end(self, journey: Journey, bank: Bank) -> None:
        journey.agree().request_sms()
        bank.clock.advance(bank.rules.sms_request_cooldown - timedelta(microseconds=1))
        assert refusal_of_request(journey) is Reason.SMS_COOLDOWN
        bank.clock.advance(timedelta(microseconds=1))
        journey.request_sms()

    def test_cap_per_window(self, journey: Journey, bank: Bank) -> None:
        rules = bank.rules
        journey.agree().request_sms()
        for _ in range(rules.sms_requests_per_window - 1):
            bank.clock.advance(rules.sms_request_cooldown)
            journey.request_sms()
        bank.clock.advance(rules.sms_request_cooldown)
        assert refusal_of_request(journey) is Reason.SMS_RATE_LIMITED
        # The first request leaves the window exactly 10 minutes after it was made.
        first_leaves = rules.sms_request_window - rules.sms_request_cooldown * rules.sms_requests_per_window
        bank.clock.advance(first_leaves - timedelta(microseconds=1))
        assert refusal_of_request(journey) is Reason.SMS_RATE_LIMITED
        bank.clock.advance(timedelta(microseconds=1))
        journey.request_sms()

    def test_limits_count_per_phone_across_sessions(self, journey: Journey, bank: Bank, kim: Person) -> None:
        journey.agree().request_sms()
        again = Journey(bank, kim).agree()
        bank.clock.advance(timedelta(seconds=10))
        assert refusal_of_request(again) is Reason.SMS_COOLDOWN

    def test_refused_requests_do_not_count(self, journey: Journey, bank: Bank, kim: Person) -> None:
        journey.agree().request_sms()
        bank.clock.advance(timedelta(seconds=1))
        refusal_of_request(journey)
        bank.clock.advance(bank.rules.sms_request_cooldown - timedelta(seconds=1))
        journey.request_sms()
        assert len(bank.store.sms_inbox(kim.phone, bank.clock.now())) == 2


class TestRedoingThePhoneStep:
    def test_a_new_request_sets_later_steps_back(self, journey: Journey, bank: Bank) -> None:
        journey.verify_phone().send_deposit()
        bank.clock.advance(bank.rules.sms_request_cooldown)
        journey.request_sms()
        session = journey.reload()
        assert session.stage.value == "terms_agreed"
        assert "bank" not in session.data

    def test_an_earlier_deposit_code_no_longer_verifies_an_account(self, journey: Journey, bank: Bank,
                                                                   lee: Person) -> None:
        journey.verify_phone().send_deposit()
        code = journey.deposit_code()
        # Someone else finishes the phone step in the same session: kim's deposit must not prove lee's account.
        bank.phone_check.request_code(journey.at(Stage.TERMS_AGREED), lee.owner)
        journey.session = journey.at(Stage.TERMS_AGREED)
        bank.phone_check.confirm(journey.session, latest_sms_code(bank, lee.phone))  # gives the session a new id
        assert journey.reload().customer_id == lee.customer_id
        with pytest.raises(BankError) as refused:
            journey.enter_deposit(code)
        assert refused.value.reason is Reason.DEPOSIT_NOT_REQUESTED

