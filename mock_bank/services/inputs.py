"""Field checks shared by every screen: anything malformed stops here with the field it concerns.

These are formats, facts about Korean names and numbers rather than bank policy, so their lengths stay
here; the bank's own limits are in RuleSettings. Digits are ASCII only: Python's \\d and str.isdigit()
also accept Arabic-Indic or full-width digits, which no Korean form sends and which would otherwise reach
comparisons as look-alikes.
"""

from __future__ import annotations

import re
from datetime import date

from mock_bank.errors import InputRejected
from mock_bank.settings import RuleSettings

CARRIERS = ("SKT", "KT", "LG U+", "알뜰폰(SKT)", "알뜰폰(KT)", "알뜰폰(LG U+)")

FIELD_LIMIT = RuleSettings().max_field_length

# Hangul syllables only: a name in another script, with markup or control characters is refused here.
NAME = re.compile(r"[가-힣]{2,10}")
RRN_FRONT = re.compile(r"[0-9]{6}[1-4]")
MOBILE = re.compile(r"010-?[2-9][0-9]{3}-?[0-9]{4}")
DIGITS_AND_HYPHENS = re.compile(r"[0-9-]{1,40}")
# The digit after the hyphen gives the century of the birth date: 1-2 for 1900s, 3-4 for 2000s.
CENTURY = {"1": 1900, "2": 1900, "3": 2000, "4": 2000}


def text(value: str | None, field: str, limit: int = FIELD_LIMIT) -> str:
    if value is None or not value.strip() or len(value) > limit:
        raise InputRejected(field)
    return value.strip()


def name(value: str | None) -> str:
    cleaned = text(value, "name")
    if not NAME.fullmatch(cleaned):
        raise InputRejected("name")
    return cleaned


def rrn_front(birth: str | None, gender_digit: str | None) -> str:
    front = text(birth, "rrn_birth", 6) + text(gender_digit, "rrn_gender", 1)
    if not RRN_FRONT.fullmatch(front):
        raise InputRejected("rrn_birth")
    try:
        date(CENTURY[front[6]] + int(front[:2]), int(front[2:4]), int(front[4:6]))
    except ValueError as error:
        raise InputRejected("rrn_birth") from error
    return front


def mobile(value: str | None) -> str:
    cleaned = text(value, "phone", 13)
    if not MOBILE.fullmatch(cleaned):
        raise InputRejected("phone")
    digits = cleaned.replace("-", "")
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"


def carrier(value: str | None) -> str:
    if value not in CARRIERS:
        raise InputRejected("carrier")
    return value


def digits(value: str | None, field: str, length: int) -> str:
    cleaned = text(value, field, length)
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) != length:
        raise InputRejected(field)
    return cleaned


def account_digits(value: str | None) -> str:
    """Account numbers are accepted with or without hyphens, as customers copy them either way."""
    cleaned = text(value, "account_number", 40)
    if not DIGITS_AND_HYPHENS.fullmatch(cleaned) or not cleaned.replace("-", ""):
        raise InputRejected("account_number")
    return cleaned.replace("-", "")
