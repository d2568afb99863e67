"""Step 5, 신분증 인증: the photographed card is judged, read, shown back, and checked against the ID registry.

A photo that is too dark, out of focus or taken against a busy background is refused before it is read, with
the guide's FIX-2 advice (조명이 좋고 배경이 단순한 곳에서 다시 촬영); so is one whose card cannot be read.
A refused photo changes nothing, like every refusal; a photo that is read replaces the last reading and
takes the session back to this step.

What the registry check compares, once the customer confirms the reading:
  주민등록증  name and the whole RRN, then the issue date of the latest card: an earlier card is ID_OUTDATED
  운전면허증  name and birth date (the RRN's first six digits), then the licence number of the latest licence;
              another number on a licence issued before the latest one is ID_OUTDATED
Anything else is ID_MISMATCH. RRNs are compared as registered, with no check-digit rule, so the form issued
since October 2020 (random last six digits) passes like the classic one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mock_bank.errors import BankError, Reason
from mock_bank.records import CardData, CustomerRow, IdCardRow
from mock_bank.services.id_reader import CardFields, Quality, UnreadableCard, card_sized, measure_quality, read_card
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PhotoStandard:
    """The least a photo must measure (see Quality), with what the harness's photos measure.

    Measured on JPEG at quality 75-92 with 4:2:0 chroma, cards filling the frame or held at 85-95% of it,
    turned up to 5 degrees and keystoned up to 6% (also through Chromium's camera for cards filling the
    frame). Good: brightness 186-218, sharpness 0.14-0.19, clutter under 0.01. A quarter of the light:
    brightness 37-52. A 2.5 px focus blur: sharpness under 0.01. A busy desk: clutter 0.08-0.16. Each limit
    sits between: 80 is under half of the dimmest good photo and 1.5 times the brightest dark one; a blur of
    about 2 px at the card's size (a quarter of a strip cell) already measures under 0.03; 0.05 is five
    times the plainest background's clutter and under two thirds of the busy desk's least.
    """

    min_brightness: float = 80.0
    min_sharpness: float = 0.03
    max_clutter: float = 0.05

    def problems(self, quality: Quality) -> list[str]:
        found = []
        if quality.brightness < self.min_brightness:
            found.append("too dark")
        if quality.sharpness < self.min_sharpness:
            found.append("out of focus")
        if quality.clutter > self.max_clutter:
            found.append("busy background")
        return found


class PoorPhoto(BankError):
    """A photo refused for its quality; `problems` say which, for logs, not for customers."""

    def __init__(self, problems: list[str], quality: Quality) -> None:
        super().__init__(Reason.ID_UNREADABLE, "id_photo")
        self.problems = problems
        self.quality = quality

    def __str__(self) -> str:
        return f"{self.reason.value}: {', '.join(self.problems)} ({self.quality})"


class IdCheck:
    def __init__(self, store: Store, sessions: Sessions, standard: PhotoStandard | None = None) -> None:
        self._store = store
        self._sessions = sessions
        self._standard = standard or PhotoStandard()

    def read(self, session: IssuanceSession, image: bytes) -> CardFields:
        try:
            picture = card_sized(image)
            quality = measure_quality(picture)
            problems = self._standard.problems(quality)
            if problems:
                raise PoorPhoto(problems, quality)
            fields = read_card(picture)
        except UnreadableCard as error:
            log.info("ID photo not read: %s", error)
            raise BankError(Reason.ID_UNREADABLE, "id_photo") from error
        except PoorPhoto as error:
            log.info("ID photo refused: %s", error)
            raise
        self._sessions.complete(session, Stage.ACCOUNT_VERIFIED, card=card_data(fields))
        return fields

    def confirm(self, session: IssuanceSession) -> None:
        card = session.data.get("card")
        if card is None:
            raise BankError(Reason.ID_UNREADABLE, "id_photo")
        customer = self._store.customer(session.customer_id or "")
        latest = self._store.latest_id_card(session.customer_id or "", card["kind"])
        if customer is None or latest is None or not _same_holder(card, customer):
            raise BankError(Reason.ID_MISMATCH)
        if not _same_card(card, latest):
            # The holder's details match but the card does not: an older card was photographed.
            outdated = card["issued_on"] < latest["issued_on"]
            raise BankError(Reason.ID_OUTDATED if outdated else Reason.ID_MISMATCH)
        self._sessions.complete(session, Stage.ID_VERIFIED)


def card_data(fields: CardFields) -> CardData:
    """The card as the session keeps it and the screen shows it: every value as text."""
    return CardData(kind=fields.kind, name=fields.name, rrn=fields.rrn, issued_on=str(fields.issued_on),
                    office=fields.office, licence_number=fields.licence_number, serial=fields.serial)


def _same_holder(card: CardData, customer: CustomerRow) -> bool:
    if card["name"] != customer["name"]:
        return False
    if card["kind"] == "driver":
        return str(card["rrn"])[:6] == str(customer["rrn"])[:6]
    return str(card["rrn"]) == str(customer["rrn"])


def _same_card(card: CardData, latest: IdCardRow) -> bool:
    if card["kind"] == "driver":
        return str(card["licence_number"]) == str(latest["licence_number"])
    return bool(card["issued_on"] == latest["issued_on"])
