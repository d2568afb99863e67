"""Invalid variants for negative scenarios: what a customer enters or shows, with exactly one thing wrong.

A variant is a `Presented` next to the `Customer` the registries hold. Each `Flaw` names the one rule its
variant breaks; everything else it presents is still right, so a scenario that uses it is refused for that
reason alone (tests/test_invalid_variants.py checks both halves). The rules, one per flaw:

  WRONG_CARRIER         통신사 is the one the line is registered with
  PHONE_NOT_MOBILE      휴대폰 번호 is written 010-XXXX-XXXX
  RRN_BAD_CHECK_DIGIT   주민등록번호 passes the classic check (stdnum.kr.rrn); made from classic-form numbers
  ACCOUNT_WRONG_LENGTH  계좌번호 has the bank's number of digits (given without hyphens, as typed)
  ID_CARD_WRONG_NAME    the ID card's name is the holder's
  ID_CARD_WRONG_RRN     the ID card's RRN is the holder's: the whole number on a 주민등록증, the birth date on
                        a 운전면허증 (the part its check compares); the wrong one is still a valid RRN
  LICENCE_WRONG_NUMBER  the licence number is the one issued; the wrong one is well formed with a valid check digit
  OUTDATED_ID_CARD      the ID card is the latest of its kind: a 주민등록증 replaced by a newer one fails it
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Literal

from identities import licence
from identities import rrn as rrns
from identities.carriers import CARRIERS
from identities.customer import Card, Customer, DriverLicence, ResidentCard

CardKind = Literal["resident", "driver"]


class Flaw(StrEnum):
    WRONG_CARRIER = "wrong_carrier"
    PHONE_NOT_MOBILE = "phone_not_mobile"
    RRN_BAD_CHECK_DIGIT = "rrn_bad_check_digit"
    ACCOUNT_WRONG_LENGTH = "account_wrong_length"
    ID_CARD_WRONG_NAME = "id_card_wrong_name"
    ID_CARD_WRONG_RRN = "id_card_wrong_rrn"
    LICENCE_WRONG_NUMBER = "licence_wrong_number"
    OUTDATED_ID_CARD = "outdated_id_card"


# Flaws that only make sense on one kind of card; the others are on the card the scenario asks for.
CARD_KIND_OF: dict[Flaw, CardKind] = {Flaw.LICENCE_WRONG_NUMBER: "driver", Flaw.OUTDATED_ID_CARD: "resident"}


@dataclass(frozen=True, repr=False)
class Presented:
    """What the customer types on the screens and holds up to the camera; not checked, it may be wrong."""

    name: str
    rrn: str
    phone: str
    carrier: str
    bank: str
    account_number: str
    id_card: Card | None

    def __repr__(self) -> str:
        # The RRN may be the flawed one, so it is cut here rather than passed to rrn.mask, which checks it.
        masked_rrn = f"{self.rrn[:6]}-{self.rrn[6:7]}******"
        return f"Presented({self.name}, {masked_rrn}, {self.carrier}, {self.bank}, card={self.id_card!r})"


def honest(customer: Customer, card_kind: CardKind = "resident") -> Presented:
    card = customer.resident_card if card_kind == "resident" else customer.driver_licence
    account = customer.account
    return Presented(customer.name, customer.rrn, customer.phone, customer.carrier, account.bank, account.number,
                     card)


def spoil(customer: Customer, flaw: Flaw, rng: random.Random, other_name: Callable[[bool], str],
          card_kind: CardKind = "resident") -> Presented:
    """The honest presentation with `flaw`; `other_name(male)` draws a name, every other choice comes from rng."""
    kind = CARD_KIND_OF.get(flaw, card_kind)
    presented = honest(customer, kind)
    card = presented.id_card
    if flaw is Flaw.WRONG_CARRIER:
        return dataclasses.replace(presented, carrier=rng.choice([c for c in CARRIERS if c != customer.carrier]))
    if flaw is Flaw.PHONE_NOT_MOBILE:
        # 011 numbers were moved to 010 by 2021; an old one is what a customer might still type.
        return dataclasses.replace(presented, phone=f"011-{rng.randint(200, 999)}-{rng.randrange(10000):04d}")
    if flaw is Flaw.RRN_BAD_CHECK_DIGIT:
        right = rrns.check_digit(customer.rrn[:12])
        wrong = rng.choice([digit for digit in "0123456789" if digit != right])
        return dataclasses.replace(presented, rrn=customer.rrn[:12] + wrong)
    if flaw is Flaw.ACCOUNT_WRONG_LENGTH:
        digits = customer.account.digits
        wrong = digits[:-1] if rng.random() < 0.5 else digits + str(rng.randrange(10))
        return dataclasses.replace(presented, account_number=wrong)
    if card is None:
        raise ValueError(f"{flaw.value} needs a customer holding a {kind} card")
    return dataclasses.replace(presented, id_card=_spoil_card(customer, card, flaw, rng, other_name))


def _spoil_card(customer: Customer, card: Card, flaw: Flaw, rng: random.Random,
                other_name: Callable[[bool], str]) -> Card:
    male = rrns.is_male(customer.rrn)
    if flaw is Flaw.ID_CARD_WRONG_NAME:
        name = other_name(male)
        while name == customer.name:
            name = other_name(male)
        return dataclasses.replace(card, name=name)
    if flaw is Flaw.ID_CARD_WRONG_RRN:
        born = customer.birth_date
        if isinstance(card, DriverLicence):  # its check compares the birth date, so that is what must differ
            born -= timedelta(days=rng.randint(1, 300))
        number = rrns.make_rrn(born, male, rng)
        while number == customer.rrn:
            number = rrns.make_rrn(born, male, rng)
        return dataclasses.replace(card, rrn=number)
    if flaw is Flaw.LICENCE_WRONG_NUMBER:
        if not isinstance(card, DriverLicence):
            raise ValueError("licence_wrong_number needs a 운전면허증")
        match = licence.NUMBER_PATTERN.fullmatch(card.number)
        assert match is not None, "DriverLicence checks its number's layout"
        region, year, serial, _, reissues = match.groups()
        other = rng.randrange(1_000_000)
        while other == int(serial):
            other = rng.randrange(1_000_000)
        # Same region, year and reissue count: only the serial differs, and the check digit follows it.
        number = licence.format_number(region, int(year), other, int(reissues))
        return dataclasses.replace(card, number=number)
    if flaw is Flaw.OUTDATED_ID_CARD:
        earlier = [old for old in customer.earlier_cards if isinstance(old, ResidentCard)]
        if not earlier:
            raise ValueError("outdated_id_card needs a customer whose 주민등록증 was reissued (reissued_card=True)")
        return max(earlier, key=lambda old: old.issued_on)
    raise ValueError(f"{flaw.value} is not a flaw of an ID card")
