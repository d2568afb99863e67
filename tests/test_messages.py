"""Every refusal has Korean words, and the numbers in those words are the numbers the rules enforce."""

from __future__ import annotations

from mock_bank.errors import Reason
from mock_bank.messages import FIELD_MESSAGES, MESSAGES, explain
from mock_bank.services.ca import LEAF_YEARS
from mock_bank.settings import RuleSettings

RULES = RuleSettings()


def test_every_reason_has_its_own_message() -> None:
    assert set(MESSAGES) == set(Reason)
    assert all(MESSAGES.values())


def test_pin_rules_each_say_something_different() -> None:
    pin_reasons = [Reason.PIN_FORMAT, Reason.PIN_ALL_SAME, Reason.PIN_STRAIGHT, Reason.PIN_EQUAL_RUN,
                   Reason.PIN_BIRTH_DATE, Reason.PIN_MISMATCH]
    assert len({MESSAGES[reason] for reason in pin_reasons}) == len(pin_reasons)


def test_numbers_in_the_words_agree_with_the_rules() -> None:
    window_minutes = int(RULES.sms_request_window.total_seconds() // 60)
    expected = {
        Reason.SMS_CODE_VOID: f"{RULES.sms_code_max_wrong}회",
        Reason.DEPOSIT_CODE_VOID: f"{RULES.deposit_code_max_wrong}회",
        Reason.SMS_RATE_LIMITED: f"{window_minutes}분",
        Reason.PIN_FORMAT: f"{RULES.pin_digits}자리",
        Reason.PIN_EQUAL_RUN: f"{RULES.pin_equal_run}번",
        Reason.PATTERN_TOO_SHORT: f"{RULES.pattern_min_points}개",
    }
    assert {reason: words for reason, words in expected.items() if words not in MESSAGES[reason]} == {}


def test_a_malformed_field_gets_words_about_that_field() -> None:
    assert explain(Reason.INVALID_INPUT, "phone") == FIELD_MESSAGES["phone"]
    assert explain(Reason.INVALID_INPUT, "no-such-field") == MESSAGES[Reason.INVALID_INPUT]
    assert explain(Reason.PHONE_MISMATCH, "phone") == MESSAGES[Reason.PHONE_MISMATCH]


def test_the_ca_signs_for_as_long_as_the_rules_say() -> None:
    assert RULES.certificate_validity_years == LEAF_YEARS
