"""Issuance sessions: the guide's steps in order, each one refusing to start before the last is done.

A session is named by a random id kept in the device's cookie; an unknown, forged or missing id is simply
no session, so every step behind it answers StepOutOfOrder. A session lives `lifetime` from its start on the
bank's clock (RuleSettings.issuance_session_lifetime); after that every step answers SessionExpired, and the
customer starts again: a cookie copied from the device stops being worth anything after half an hour.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Unpack

from mock_bank.clock import Clock
from mock_bank.errors import SessionExpired, StepOutOfOrder
from mock_bank.records import SessionData
from mock_bank.settings import RuleSettings
from mock_bank.store import Store


class Stage(StrEnum):
    """What a session has finished, in the guide's order (FLOW-1..8)."""

    STARTED = "started"
    TERMS_AGREED = "terms_agreed"
    PHONE_VERIFIED = "phone_verified"
    ACCOUNT_VERIFIED = "account_verified"
    ID_VERIFIED = "id_verified"
    PIN_SET = "pin_set"
    PATTERN_SET = "pattern_set"
    ISSUED = "issued"


class Purpose(StrEnum):
    """Why the customer started issuance; it decides what becomes of the certificates they held before."""

    NEW = "new"  # 인증서 발급하기
    REISSUE = "reissue"  # 재발급: locked, expired, ID card changed, or simply asked for
    DEVICE = "device"  # 기기 등록: issued on this device, the other device's certificate has moved


ORDER = list(Stage)
SESSION_ID_BYTES = 18
SESSION_ID_LIMIT = 64


@dataclass
class IssuanceSession:
    id: str
    stage: Stage
    customer_id: str | None = None
    data: SessionData = field(default_factory=lambda: SessionData())
    started_at: datetime | None = None

    def has_finished(self, stage: Stage) -> bool:
        return ORDER.index(self.stage) >= ORDER.index(stage)


class Sessions:
    def __init__(self, store: Store, clock: Clock,
                 lifetime: timedelta = RuleSettings.issuance_session_lifetime) -> None:
        self._store = store
        self._clock = clock
        self._lifetime = lifetime

    def start(self, purpose: Purpose = Purpose.NEW) -> IssuanceSession:
        now = self._clock.now()
        session = IssuanceSession(secrets.token_urlsafe(SESSION_ID_BYTES), Stage.STARTED,
                                  data=SessionData(purpose=purpose.value), started_at=now)
        self._store.add_session(session.id, session.stage.value, now)
        self._store.update_session(session.id, session.stage.value, None, session.data)
        return session

    def rotate(self, session: IssuanceSession) -> None:
        """A new id for the session once it has proven something (the phone): an id copied before stops working."""
        new_id = secrets.token_urlsafe(SESSION_ID_BYTES)
        self._store.rename_session(session.id, new_id)
        session.id = new_id

    def find(self, session_id: str | None) -> IssuanceSession | None:
        # An overlong id cannot be one of ours; it is not worth a query.
        row = self._store.session(session_id) if session_id and len(session_id) <= SESSION_ID_LIMIT else None
        if row is None:
            return None
        return IssuanceSession(row["id"], Stage(row["stage"]), row["customer_id"], row["data"],
                               datetime.fromisoformat(row["created_at"]))

    def require(self, session_id: str | None, finished: Stage) -> IssuanceSession:
        """The session, if it is young enough, has finished `finished` and is not already issued.

        Else SessionExpired (half-open, like every limit: refused at the instant the lifetime is up) or
        StepOutOfOrder."""
        session = self.find(session_id)
        if session is None or session.stage is Stage.ISSUED:
            raise StepOutOfOrder()
        if session.started_at is not None and self._clock.now() - session.started_at >= self._lifetime:
            raise SessionExpired(int(self._lifetime.total_seconds() // 60))
        if not session.has_finished(finished):
            raise StepOutOfOrder()
        return session

    def complete(self, session: IssuanceSession, stage: Stage, **data: Unpack[SessionData]) -> None:
        """Redoing an earlier step sets the session back to it: later steps must be done again."""
        session.stage = stage
        session.data.update(data)
        self._store.update_session(session.id, stage.value, session.customer_id, session.data)
