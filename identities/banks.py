"""Banks a customer may hold an account at, and how each one groups the digits of an account number."""

from __future__ import annotations

import random

# Digit groups as the banks print them; the mock bank's services/banks.py keeps only the totals.
BANKS: dict[str, tuple[int, ...]] = {
    "KB국민": (6, 2, 6),
    "신한": (3, 3, 6),
    "우리": (4, 3, 6),
    "하나": (3, 6, 5),
    "NH농협": (3, 4, 4, 2),
    "IBK기업": (3, 6, 2, 3),
    "카카오뱅크": (4, 2, 7),
    "토스뱅크": (4, 4, 4),
    "케이뱅크": (3, 3, 6),
    "SC제일": (3, 2, 6),
}

# Leading digits that current personal accounts at these banks start with; the rest are free.
PREFIXES: dict[str, tuple[str, ...]] = {
    "신한": ("110",),
    "우리": ("1002",),
    "NH농협": ("302", "301", "312", "351", "352", "356"),
    "카카오뱅크": ("3333",),
    "토스뱅크": ("1000",),
    "케이뱅크": ("100",),
}


def account_length(bank: str) -> int:
    return sum(_groups(bank))


def format_account(bank: str, digits: str) -> str:
    """'123456-78-901234' for KB국민: the digits split into the bank's groups."""
    groups = _groups(bank)
    if not digits.isdigit() or len(digits) != sum(groups):
        raise ValueError(f"a {bank} account number has {sum(groups)} digits")
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start:start + size])
        start += size
    return "-".join(parts)


def make_account_digits(bank: str, rng: random.Random) -> str:
    prefix = rng.choice(PREFIXES.get(bank, ("",)))
    return prefix + "".join(str(rng.randrange(10)) for _ in range(account_length(bank) - len(prefix)))


def _groups(bank: str) -> tuple[int, ...]:
    try:
        return BANKS[bank]
    except KeyError:
        raise ValueError(f"unsupported bank {bank!r}; one of {', '.join(BANKS)}") from None
