"""주민등록번호 (resident registration number) rules: check digit, gender digit, masking, building one."""

from __future__ import annotations

import random
from datetime import date

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)

# Digits 8-9 of the classic form code the area of birth registration: 00-95 were used (stdnum allows <= 96).
_AREA_CODES = range(96)


def check_digit(first_twelve: str) -> str:
    """The 13th digit of a classic RRN: (11 - weighted sum mod 11) mod 10."""
    if len(first_twelve) != 12 or not first_twelve.isdigit():
        raise ValueError("the check digit is computed over exactly 12 digits")
    total = sum(weight * int(digit) for weight, digit in zip(WEIGHTS, first_twelve, strict=True))
    return str((11 - total % 11) % 10)


def gender_digit(birth_year: int, male: bool) -> str:
    """1/2 for 1900-1999 and 3/4 for 2000-2099; odd is male (foreigners' 5-8 and 1800s' 9/0 are not built)."""
    if 1900 <= birth_year <= 1999:
        return "1" if male else "2"
    if 2000 <= birth_year <= 2099:
        return "3" if male else "4"
    raise ValueError(f"no Korean citizen gender digit for birth year {birth_year}")


def birth_date(rrn: str) -> date:
    """The birth date the first seven digits encode."""
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}
    digits = compact(rrn)
    if digits[6] not in century:
        raise ValueError(f"unsupported gender digit {digits[6]!r}")
    return date(century[digits[6]] + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))


def is_male(rrn: str) -> bool:
    return int(compact(rrn)[6]) % 2 == 1


def has_valid_check_digit(rrn: str) -> bool:
    """True for the classic form; numbers issued from October 2020 on need not satisfy it."""
    digits = compact(rrn)
    return digits[12] == check_digit(digits[:12])


def compact(rrn: str) -> str:
    digits = rrn.replace("-", "").strip()
    if len(digits) != 13 or not digits.isdigit():
        raise ValueError("an RRN has 13 digits")
    return digits


def mask(rrn: str) -> str:
    """'900101-1******': the birth date and gender digit stay, as on cards and in bank screens."""
    digits = compact(rrn)
    return f"{digits[:6]}-{digits[6]}******"


def make_rrn(birth: date, male: bool, rng: random.Random, random_tail: bool = False) -> str:
    """A 13-digit RRN without hyphen, every random choice drawn from `rng`.

    The classic form: birth date, gender digit, area code (00-95), community centre (2 digits), the order of
    registration that day, and the check digit. With `random_tail`, the form issued since October 2020: the
    six digits after the gender digit are random, so the 13th digit is *not* a check digit and checkers that
    still apply the old rule (stdnum.kr.rrn among them) reject about nine numbers in ten.
    """
    head = birth.strftime("%y%m%d") + gender_digit(birth.year, male)
    if random_tail:
        return head + "".join(str(rng.randrange(10)) for _ in range(6))
    area = rng.choice(_AREA_CODES)
    centre = rng.randrange(100)
    order = rng.choice("1111222345")  # mostly the first few registrations of the day at that office
    first_twelve = f"{head}{area:02d}{centre:02d}{order}"
    return first_twelve + check_digit(first_twelve)
