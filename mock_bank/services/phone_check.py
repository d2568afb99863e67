"""Step 3, 휴대폰 인증: the carrier confirms the subscriber, then an SMS code proves the phone.

The carrier check answers every mismatch with one reason, PHONE_MISMATCH, whichever of carrier, name,
RRN digits or number was wrong. That is what real carriers and PASS providers do: saying which field was
wrong would let anyone holding a phone number find out, field by field, who owns it and with which
carrier. The guide's FAIL-1 (잘못된 통신사 선택) therefore shows the same words as a wrong name would.

The SMS rules, with their numbers in RuleSettings: a 6-digit code, good for 3 minutes and once; the 5th
wrong entry voids it; requests for one phone number need a cool-down between them and are capped per
10-minute window, counted per number across sessions so that starting issuance again does not help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.one_time_codes import OneTimeCodes
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.services.sms_gateway import SmsGateway
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

SMS_TEXT = "[KB국민은행] 인증번호 [{code}]를 입력해 주세요. 타인에게 절대 알려주지 마세요."

# What later steps left in a session; a new phone check may be for another person, so it goes.
LaterStepKey = Literal["bank", "account_tail", "account_digits", "card", "pin_salt", "pin_hash"]
LATER_STEP_DATA: tuple[LaterStepKey, ...] = get_args(LaterStepKey)


@dataclass(frozen=True)
class PhoneOwner:
    carrier: str
    name: str
    rrn_front: str
    phone: str


class PhoneCheck:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, sessions: Sessions,
                 codes: OneTimeCodes, gateway: SmsGateway, later_codes: tuple[OneTimeCodes, ...] = ()) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._sessions = sessions
        self._codes = codes
        self._gateway = gateway
        self._later_codes = later_codes

    def request_code(self, session: IssuanceSession, owner: PhoneOwner) -> None:
        subscriber = next((row for row in self._store.subscribers(owner.phone)
                           if row["carrier"] == owner.carrier and row["name"] == owner.name
                           and row["rrn"][:7] == owner.rrn_front), None)
        if subscriber is None:
            raise BankError(Reason.PHONE_MISMATCH)
        with self._store.transaction():
            self._check_rate(owner.phone)
            code = self._codes.issue(session.id, owner.phone)
            self._gateway.send(owner.phone, SMS_TEXT.format(code=code))
            # A deposit code sent for the previous phone check must not verify the account of this one.
            for codes in self._later_codes:
                codes.retire(session.id)
            for key in LATER_STEP_DATA:
                session.data.pop(key, None)
            session.customer_id = subscriber["id"]
            self._sessions.complete(session, Stage.TERMS_AGREED, phone=owner.phone, carrier=owner.carrier)

    def _check_rate(self, phone: str) -> None:
        now = self._clock.now()
        recent = self._store.code_requests_since(phone, "sms", now - self._rules.sms_request_window)
        if len(recent) >= self._rules.sms_requests_per_window:
            raise BankError(Reason.SMS_RATE_LIMITED)
        if recent and now - recent[-1] < self._rules.sms_request_cooldown:
            raise BankError(Reason.SMS_COOLDOWN)

    def confirm(self, session: IssuanceSession, entered: str) -> None:
        """The phone is proven: the session gets a new id, so one copied before the check stops working."""
        self._codes.redeem(session.id, entered)
        self._sessions.complete(session, Stage.PHONE_VERIFIED)
        self._sessions.rotate(session)

    def seconds_left(self, session: IssuanceSession) -> int | None:
        return self._codes.seconds_left(session.id)
