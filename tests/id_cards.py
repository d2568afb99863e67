"""Test ID cards from the identity provider, and the fields the bank's reader must find on each."""

from __future__ import annotations

from datetime import date

from faker import Faker

from identities import KoreanIdentityProvider
from identities.customer import DriverLicence, ResidentCard
from mock_bank.services.id_reader import CardFields

Card = ResidentCard | DriverLicence


def cards_of_one_customer(seed: int, today: date) -> list[Card]:
    """A 주민등록증 and a 운전면허증 of the same customer, the same for the same seed and day."""
    fake = Faker("ko_KR")
    fake.add_provider(KoreanIdentityProvider)
    fake.seed_instance(seed)
    customer = fake.customer(with_licence=True, today=today)
    assert customer.resident_card is not None and customer.driver_licence is not None
    return [customer.resident_card, customer.driver_licence]


def expected(card: Card) -> CardFields:
    if isinstance(card, ResidentCard):
        return CardFields("resident", card.name, card.rrn, card.issued_on, card.office, None, None)
    return CardFields("driver", card.name, card.rrn, card.issued_on, None, card.number, card.serial)
