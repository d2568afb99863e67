"""Step 5, 신분증 인증: the photographed card is read, shown back, and checked against the ID registry."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mock_bank.errors import BankError, Reason
from mock_bank.services.id_reader import CardFields, UnreadableCard, read_card
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.store import Row, Store


class IdCheck:
    def __init__(self, store: Store, sessions: Sessions) -> None:
        self._store = store
        self._sessions = sessions

    def read(self, session: IssuanceSession, image: bytes) -> CardFields:
        try:
            fields = read_card(image)
        except UnreadableCard as error:
            raise BankError(Reason.ID_UNREADABLE, "id_photo") from error
        card = {key: str(value) if value is not None else None for key, value in asdict(fields).items()}
        self._sessions.complete(session, Stage.ACCOUNT_VERIFIED, card=card)
        return fields

    def confirm(self, session: IssuanceSession) -> None:
        card: dict[str, Any] | None = session.data.get("card")
        if card is None:
            raise BankError(Reason.ID_UNREADABLE, "id_photo")
        customer = self._store.customer(session.customer_id or "")
        latest = self._store.latest_id_card(session.customer_id or "", card["kind"])
        if customer is None or latest is None or not _same_person(card, customer):
            raise BankError(Reason.ID_MISMATCH)
        if not _same_card(card, latest):
            # The holder's details match but the card does not: an older card was photographed.
            outdated = card["issued_on"] < latest["issued_on"]
            raise BankError(Reason.ID_OUTDATED if outdated else Reason.ID_MISMATCH)
        self._sessions.complete(session, Stage.ID_VERIFIED)


def _same_person(card: dict[str, Any], customer: Row) -> bool:
    if card["name"] != customer["name"]:
        return False
    if card["kind"] == "driver":
        return str(card["rrn"])[:6] == str(customer["rrn"])[:6]
    return str(card["rrn"]) == str(customer["rrn"])


def _same_card(card: dict[str, Any], registered: Row) -> bool:
    if card["issued_on"] != registered["issued_on"]:
        return False
    return card["kind"] != "driver" or str(card["licence_number"]) == str(registered["licence_number"])
