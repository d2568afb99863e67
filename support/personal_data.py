"""Full RRNs and account numbers in text: found (for the results scan) and masked (for evidence we attach)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from identities.banks import BANKS
from identities.customer import Customer

# 13 digits, optionally 6-7 with a hyphen, not part of a longer number or of a hex id ('7711031792403e06' is
# a customer id). The date and gender digit are checked in code; the check digit is not, since numbers issued
# from October 2020 on do not have one.
RRN = re.compile(r"(?<![0-9A-Za-z])(\d{6})(-?)([1-8])(\d{6})(?![0-9A-Za-z])")
_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}

# An account number in one of the banks' digit groups ('123456-78-901234'), not inside a longer token: a
# uuid's all-digit group must not count, so letters and hyphens around it rule a match out.
_ACCOUNT_SHAPES = sorted({groups for groups in BANKS.values()}, key=len, reverse=True)
ACCOUNT = re.compile("|".join(
    r"(?<![\w-])" + "-".join(rf"\d{{{size}}}" for size in groups) + r"(?![\w-])" for groups in _ACCOUNT_SHAPES))


@dataclass(frozen=True)
class Finding:
    kind: str  # "주민등록번호" or "계좌번호"
    masked: str  # what is reported: never the full value again


def is_rrn(front: str, gender: str) -> bool:
    try:
        date(_CENTURY[gender] + int(front[:2]), int(front[2:4]), int(front[4:6]))
    except (KeyError, ValueError):
        return False
    return True


def mask_rrn(front: str, hyphen: str, gender: str) -> str:
    return f"{front}{hyphen}{gender}******"


def mask_account(number: str) -> str:
    """'123456-**-***234': the first group and the last three digits stay, as banks show them."""
    digits = sum(char.isdigit() for char in number)
    first = len(number.split("-")[0])
    shown, index = [], 0
    for char in number:
        if char.isdigit():
            shown.append(char if index < first or index >= digits - 3 else "*")
            index += 1
        else:
            shown.append(char)
    return "".join(shown)


def find(text: str) -> list[Finding]:
    found = [Finding("주민등록번호", mask_rrn(m[1], m[2], m[3])) for m in RRN.finditer(text) if is_rrn(m[1], m[3])]
    found += [Finding("계좌번호", mask_account(m[0])) for m in ACCOUNT.finditer(text)]
    return found


def mask(text: str, known: Iterable[str] = ()) -> str:
    """Known values (a scenario's customers, in every spelling) first, then anything shaped like an RRN or account."""
    for value in sorted(set(known), key=len, reverse=True):
        if value:
            text = text.replace(value, "*" * len(value))

    def rrn(match: re.Match[str]) -> str:
        return mask_rrn(match[1], match[2], match[3]) if is_rrn(match[1], match[3]) else match[0]

    text = RRN.sub(rrn, text)
    return ACCOUNT.sub(lambda match: mask_account(match[0]), text)


def known_values(customer: Customer) -> list[str]:
    """Every spelling of a customer's identifying numbers that could end up in a page, a URL or a request."""
    values = [customer.rrn, f"{customer.rrn[:6]}-{customer.rrn[6:]}", customer.phone, customer.phone.replace("-", "")]
    for account in customer.accounts:
        values += [account.number, account.digits]
    if customer.driver_licence is not None:
        values += [customer.driver_licence.number, customer.driver_licence.number_digits]
    return values


def mask_error_messages(error: BaseException, known: Iterable[str] = ()) -> None:
    """Mask an exception's message, and those of the exceptions it was raised from, in place.

    Done as a step fails, before pytest and Allure format the error: Playwright's failure messages quote the page's
    ARIA tree with the fields' values, and our own assertions may quote a number; the report's message and trace,
    the JUnit XML and the CI log all come from these messages."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.args and all(isinstance(arg, str) for arg in current.args):
            current.args = tuple(mask(arg, known) for arg in current.args)
        current = current.__cause__ or current.__context__
