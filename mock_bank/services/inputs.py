"""Field checks shared by every screen: anything malformed stops here with the field it concerns."""

from __future__ import annotations

import re

from mock_bank.errors import InputRejected

CARRIERS = ("SKT", "KT", "LG U+", "알뜰폰(SKT)", "알뜰폰(KT)", "알뜰폰(LG U+)")

# Hangul syllables only: a name in another script, with markup or control characters is refused here.
NAME = re.compile(r"[가-힣]{2,10}")
RRN_FRONT = re.compile(r"\d{6}[1-4]")
MOBILE = re.compile(r"010-?[2-9]\d{3}-?\d{4}")
DIGITS_AND_HYPHENS = re.compile(r"[\d-]{1,40}")


def text(value: str | None, field: str, limit: int = 100) -> str:
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
