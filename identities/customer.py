"""A test customer and the documents they hold; every repr masks the RRN's back digits and account numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal, TypedDict

from identities import rrn as rrns
from identities.banks import format_account
from identities.licence import LICENCE_REGIONS, NUMBER_PATTERN

PHONE_PATTERN = re.compile(r"^010-[2-9]\d{3}-\d{4}$")


class AccountEntry(TypedDict):
    bank: str
    number: str


class IdCardEntry(TypedDict):
    kind: Literal["resident", "driver"]
    name: str
    rrn: str
    issued_on: str
    office: str | None
    licence_number: str | None
    serial: str | None


class Registration(TypedDict):
    """The body of the mock bank's test-control call that registers a customer."""

    name: str
    rrn: str
    phone: str
    carrier: str
    accounts: list[AccountEntry]
    id_cards: list[IdCardEntry]


@dataclass(frozen=True, repr=False)
class BankAccount:
    bank: str
    number: str

    def __post_init__(self) -> None:
        if format_account(self.bank, self.digits) != self.number:
            raise ValueError(f"a {self.bank} account number is written in the bank's digit groups")

    @property
    def digits(self) -> str:
        return self.number.replace("-", "")

    @property
    def masked(self) -> str:
        """'123456-**-***234': the first group and the last three digits, as banks show them."""
        first_group = len(self.number.split("-")[0])
        keep_from = len(self.digits) - 3
        shown, index = [], 0
        for char in self.number:
            if char == "-":
                shown.append(char)
                continue
            shown.append(char if index < first_group or index >= keep_from else "*")
            index += 1
        return "".join(shown)

    def __repr__(self) -> str:
        return f"BankAccount({self.bank} {self.masked})"


@dataclass(frozen=True, repr=False)
class ResidentCard:
    """주민등록증."""

    name: str
    rrn: str
    issued_on: date
    office: str

    kind: ClassVar[Literal["resident"]] = "resident"

    def registration(self) -> IdCardEntry:
        return {"kind": self.kind, "name": self.name, "rrn": self.rrn,
                "issued_on": self.issued_on.isoformat(), "office": self.office, "licence_number": None,
                "serial": None}

    def __repr__(self) -> str:
        return (f"ResidentCard({self.name}, {rrns.mask(self.rrn)}, {self.issued_on.isoformat()}, "
                f"{self.office})")


@dataclass(frozen=True, repr=False)
class DriverLicence:
    """운전면허증: `number` is written 'NN-NN-NNNNNN-NN'; `region` names the code in its first two digits."""

    name: str
    rrn: str
    number: str
    issued_on: date
    serial: str
    region: str

    kind: ClassVar[Literal["driver"]] = "driver"

    def __post_init__(self) -> None:
        match = NUMBER_PATTERN.match(self.number)
        if match is None or LICENCE_REGIONS.get(match.group(1)) != self.region:
            raise ValueError("a licence number is 'NN-NN-NNNNNN-NN' and starts with its region's code")
        if len(self.serial) != 6 or not self.serial.isalnum() or not self.serial.isascii():
            raise ValueError("a licence serial has six letters or digits")

    @property
    def number_digits(self) -> str:
        return self.number.replace("-", "")

    def registration(self) -> IdCardEntry:
        return {"kind": self.kind, "name": self.name, "rrn": self.rrn,
                "issued_on": self.issued_on.isoformat(), "office": None, "licence_number": self.number,
                "serial": self.serial}

    def __repr__(self) -> str:
        # The licence number identifies the holder as surely as the RRN, so only its region and year show.
        return (f"DriverLicence({self.name}, {rrns.mask(self.rrn)}, {self.number[:5]}-******-**, "
                f"{self.issued_on.isoformat()})")


Card = ResidentCard | DriverLicence


@dataclass(frozen=True, repr=False)
class Customer:
    """`resident_card` and `driver_licence` are the cards in the wallet, the latest of their kind; the ID
    registry also keeps `earlier_cards`, replaced by them after a loss or a move, which no longer count."""

    name: str
    rrn: str
    phone: str
    carrier: str
    accounts: tuple[BankAccount, ...]
    resident_card: ResidentCard | None = None
    driver_licence: DriverLicence | None = None
    earlier_cards: tuple[Card, ...] = ()

    def __post_init__(self) -> None:
        if len(self.rrn) != 13 or not self.rrn.isdigit():
            raise ValueError("a customer's RRN is 13 digits without a hyphen")
        if not PHONE_PATTERN.match(self.phone):
            raise ValueError("a customer's phone is written '010-XXXX-XXXX'")

    @property
    def birth_date(self) -> date:
        return rrns.birth_date(self.rrn)

    @property
    def rrn_front(self) -> str:
        return self.rrn[:6]

    @property
    def gender_digit(self) -> str:
        return self.rrn[6]

    @property
    def masked_rrn(self) -> str:
        return rrns.mask(self.rrn)

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:4]}****{self.phone[8:]}"

    @property
    def account(self) -> BankAccount:
        if not self.accounts:
            raise LookupError(f"{self.name} has no bank account")
        return self.accounts[0]

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def to_registration(self) -> Registration:
        documents = (self.resident_card, self.driver_licence, *self.earlier_cards)
        cards = [card.registration() for card in documents if card is not None]
        return {"name": self.name, "rrn": self.rrn, "phone": self.phone, "carrier": self.carrier,
                "accounts": [{"bank": account.bank, "number": account.number} for account in self.accounts],
                "id_cards": cards}

    def masked_summary(self) -> str:
        """One line for logs: '홍길동 900101-1****** 010-****-5678 SKT KB국민 123456-**-***234'."""
        accounts = ", ".join(f"{account.bank} {account.masked}" for account in self.accounts) or "계좌 없음"
        return f"{self.name} {self.masked_rrn} {self.masked_phone} {self.carrier} {accounts}"

    def __repr__(self) -> str:
        return (f"Customer({self.name}, {self.masked_rrn}, {self.masked_phone}, {self.carrier}, "
                f"accounts={list(self.accounts)!r}, resident_card={self.resident_card!r}, "
                f"driver_licence={self.driver_licence!r}, earlier_cards={list(self.earlier_cards)!r})")
