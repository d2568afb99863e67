"""The registries the bank checks against: carrier subscribers, accounts and issued ID cards.

A record the registries hold already (a second customer with one RRN, an account opened twice) is refused
with StoreConflict, and nothing of that registration is kept.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from mock_bank.clock import Clock
from mock_bank.store import Store


@dataclass(frozen=True)
class AccountRecord:
    bank: str
    digits: str
    status: str = "open"


@dataclass(frozen=True)
class IdCardRecord:
    kind: str
    name: str
    rrn: str
    issued_on: str
    office: str | None = None
    licence_number: str | None = None
    serial: str | None = None


@dataclass(frozen=True)
class CustomerRecord:
    name: str
    rrn: str
    phone: str
    carrier: str
    accounts: tuple[AccountRecord, ...]
    id_cards: tuple[IdCardRecord, ...]


class Registry:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def register(self, record: CustomerRecord) -> str:
        customer_id = secrets.token_hex(8)
        with self._store.transaction():
            self._store.add_customer(customer_id, record.name, record.rrn, record.phone, record.carrier,
                                     self._clock.now())
            for account in record.accounts:
                self._store.add_account(customer_id, account.bank, account.digits, account.status)
            for card in record.id_cards:
                self.add_id_card(customer_id, card)
        return customer_id

    def add_id_card(self, customer_id: str, card: IdCardRecord) -> None:
        """A card issued later (a new 주민등록증 after a loss or a move): the latest of its kind counts."""
        self._store.add_id_card(customer_id, {
            "kind": card.kind, "name": card.name, "rrn": card.rrn, "issued_on": card.issued_on,
            "office": card.office, "licence_number": card.licence_number, "serial": card.serial})

    def add_account(self, customer_id: str, account: AccountRecord) -> None:
        self._store.add_account(customer_id, account.bank, account.digits, account.status)

    def has_customer(self, customer_id: str) -> bool:
        return self._store.customer(customer_id) is not None

    def set_account_status(self, bank: str, digits: str, status: str) -> bool:
        """Close or reopen an account; False if there is no such account."""
        return self._store.set_account_status(bank, digits, status)
