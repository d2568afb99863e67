"""Invalid variants for negative scenarios (identities/flaws.py): each flaw breaks exactly the rule it names and
nothing else, an honest customer breaks none, and a variant never shows the RRN's back digits."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from faker import Faker
from stdnum.kr import rrn as stdnum_rrn

from identities import Customer, seed_for, seeded_faker
from identities.banks import BANKS
from identities.customer import DriverLicence, ResidentCard
from identities.flaws import Flaw, Presented
from identities.licence import is_valid_number

TODAY = date(2025, 6, 1)
PHONE = re.compile(r"^010-[2-9]\d{3}-\d{4}$")


def faker(seed: int) -> Faker:
    return seeded_faker(seed, TODAY)


def card_is_the_latest(presented: Presented, customer: Customer) -> bool:
    """Issued on the day the latest card of its kind in the registry was."""
    card = presented.id_card
    assert card is not None
    kind = "resident" if isinstance(card, ResidentCard) else "driver"
    issued = [entry["issued_on"] for entry in customer.to_registration()["id_cards"] if entry["kind"] == kind]
    return card.issued_on.isoformat() == max(issued)


def card_rrn_is_the_holders(presented: Presented, customer: Customer) -> bool:
    """The part of the RRN the bank compares: the whole number on a 주민등록증, the birth date on a licence."""
    card = presented.id_card
    assert card is not None
    return card.rrn[:6] == customer.rrn[:6] if isinstance(card, DriverLicence) else card.rrn == customer.rrn


def licence_number_is_the_issued_one(presented: Presented, customer: Customer) -> bool:
    if not isinstance(presented.id_card, DriverLicence):
        return True
    return customer.driver_licence is not None and presented.id_card.number == customer.driver_licence.number


# One rule per flaw, written here from the rules themselves (stdnum, regexes, the registry's cards).
RULES: dict[Flaw, Callable[[Presented, Customer], bool]] = {
    Flaw.WRONG_CARRIER: lambda presented, customer: presented.carrier == customer.carrier,
    Flaw.PHONE_NOT_MOBILE: lambda presented, _: PHONE.match(presented.phone) is not None,
    Flaw.RRN_BAD_CHECK_DIGIT: lambda presented, _: stdnum_rrn.is_valid(presented.rrn),
    Flaw.ACCOUNT_WRONG_LENGTH: lambda presented, _: (
        len(presented.account_number.replace("-", "")) == sum(BANKS[presented.bank])),
    Flaw.ID_CARD_WRONG_NAME: lambda presented, customer: (
        presented.id_card is not None and presented.id_card.name == customer.name),
    Flaw.ID_CARD_WRONG_RRN: card_rrn_is_the_holders,
    Flaw.LICENCE_WRONG_NUMBER: licence_number_is_the_issued_one,
    Flaw.OUTDATED_ID_CARD: card_is_the_latest,
}


def broken_rules(presented: Presented, customer: Customer) -> set[Flaw]:
    return {flaw for flaw, rule in RULES.items() if not rule(presented, customer)}


def test_the_rules_cover_every_flaw_and_an_honest_customer_breaks_none() -> None:
    assert set(RULES) == set(Flaw)
    fake = faker(17)
    for index in range(300):
        customer = fake.customer(with_licence=index % 2 == 0, reissued_card=index % 3 == 0, today=TODAY)
        for kind in ("resident", "driver") if customer.driver_licence else ("resident",):
            assert broken_rules(fake.presented(customer, card_kind=kind), customer) == set()


@pytest.mark.parametrize("flaw", list(Flaw))
def test_every_invalid_variant_breaks_exactly_the_rule_it_names(flaw: Flaw) -> None:
    fake = faker(19)
    for index in range(200):
        options = {"with_licence": index % 2 == 0, "bank": list(BANKS)[index % len(BANKS)]}
        customer, presented = fake.invalid_variant(flaw, today=TODAY, **options)
        assert broken_rules(presented, customer) == {flaw}, (index, presented)
        # Still well formed where the flaw is not about form: the wrong card is a card that could exist.
        if presented.id_card is not None:
            assert stdnum_rrn.is_valid(presented.id_card.rrn)
            if isinstance(presented.id_card, DriverLicence):
                assert is_valid_number(presented.id_card.number)


def test_variants_on_the_card_a_scenario_asks_for() -> None:
    fake = faker(23)
    customer = fake.customer(with_licence=True, today=TODAY)
    on_licence = fake.presented(customer, Flaw.ID_CARD_WRONG_NAME, card_kind="driver")
    assert isinstance(on_licence.id_card, DriverLicence) and on_licence.id_card.name != customer.name
    assert isinstance(fake.presented(customer, Flaw.LICENCE_WRONG_NUMBER).id_card, DriverLicence)
    with pytest.raises(ValueError, match="reissued"):
        fake.presented(customer, Flaw.OUTDATED_ID_CARD)
    with pytest.raises(ValueError, match="driver"):
        fake.presented(fake.customer(today=TODAY), Flaw.LICENCE_WRONG_NUMBER)


def test_the_same_seed_gives_the_same_invalid_variant() -> None:
    for flaw in Flaw:
        first = faker(seed_for(7, flaw.value)).invalid_variant(flaw, today=TODAY)
        again = faker(seed_for(7, flaw.value)).invalid_variant(flaw, today=TODAY)
        assert first == again
    assert faker(1).invalid_variant(Flaw.WRONG_CARRIER, today=TODAY) != faker(2).invalid_variant(
        Flaw.WRONG_CARRIER, today=TODAY)


def test_presented_data_never_shows_the_rrn_back_digits() -> None:
    fake = faker(29)
    for flaw in Flaw:
        customer, presented = fake.invalid_variant(flaw, today=TODAY)
        shown = repr(presented)
        assert presented.rrn[7:] not in shown and customer.rrn[7:] not in shown
        assert presented.phone not in shown and presented.account_number not in shown
