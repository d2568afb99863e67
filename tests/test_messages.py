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
    assert len({explain(reason, None, rules=RULES) for reason in pin_reasons}) == len(pin_reasons)


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
    assert {reason: words for reason, words in expected.items()
            if words not in explain(reason, None, rules=RULES)} == {}


def test_a_bank_with_other_limits_says_its_own_numbers() -> None:
    """The words come from the rules: a bank told to allow 7 wrong codes does not say 5."""
    other = RuleSettings(sms_code_max_wrong=7, pin_digits=8, login_max_wrong_pins=3, transfer_max_krw=5_000_000)
    assert "7회" in explain(Reason.SMS_CODE_VOID, None, rules=other)
    assert "8자리" in explain(Reason.PIN_FORMAT, None, rules=other)
    assert "8자리" in explain(Reason.INVALID_INPUT, "pin", rules=other)
    assert "3회" in explain(Reason.CERTIFICATE_LOCKED, None, rules=other)
    assert "5,000,000원" in explain(Reason.TRANSFER_LIMIT, None, rules=other)


def test_no_message_writes_a_rule_s_number_itself() -> None:
    """A digit in a template is a number the rules cannot change; only words of fact (1원, 010, 6자리 of an RRN
    birth date) may carry one."""
    # The pixel cap is the ID reader's own constant (services/id_reader.py), not a rule a tester changes.
    facts = ("1원", "010", "11자리", "6자리(생년월일)", "1회 이체", "123456, 987654", "5천만 화소")
    numbers = {reason: text for reason, text in MESSAGES.items()
               if any(ch.isdigit() for ch in _without(text, facts))}
    assert numbers == {}


def _without(text: str, facts: tuple[str, ...]) -> str:
    for fact in facts:
        text = text.replace(fact, "")
    return text


def test_a_malformed_field_gets_words_about_that_field() -> None:
    assert explain(Reason.INVALID_INPUT, "phone", rules=RULES) == FIELD_MESSAGES["phone"]
    assert explain(Reason.INVALID_INPUT, "no-such-field", rules=RULES) == MESSAGES[Reason.INVALID_INPUT]
    assert explain(Reason.PHONE_MISMATCH, "phone", rules=RULES) == MESSAGES[Reason.PHONE_MISMATCH]


def test_the_ca_signs_for_as_long_as_the_rules_say() -> None:
    assert RULES.certificate_validity_years == LEAF_YEARS
