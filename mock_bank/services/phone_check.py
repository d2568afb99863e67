"""Step 3, 휴대폰 인증: the carrier confirms the subscriber, then an SMS code proves the phone."""

from __future__ import annotations

from dataclasses import dataclass

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.one_time_codes import OneTimeCodes
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.services.sms_gateway import SmsGateway
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

SMS_TEXT = "[KB국민은행] 인증번호 [{code}]를 입력해 주세요. 타인에게 절대 알려주지 마세요."


@dataclass(frozen=True)
class PhoneOwner:
    carrier: str
    name: str
    rrn_front: str
    phone: str


class PhoneCheck:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, sessions: Sessions,
                 codes: OneTimeCodes, gateway: SmsGateway) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._sessions = sessions
        self._codes = codes
        self._gateway = gateway

    def request_code(self, session: IssuanceSession, owner: PhoneOwner) -> None:
        # Like a real carrier, one answer for every mismatch: the customer is not told which field was wrong.
        subscriber = next((row for row in self._store.subscribers(owner.phone)
                           if row["carrier"] == owner.carrier and row["name"] == owner.name
                           and row["rrn"][:7] == owner.rrn_front), None)
        if subscriber is None:
            raise BankError(Reason.PHONE_MISMATCH)
        self._check_rate(owner.phone)
        code = self._codes.issue(session.id, owner.phone)
        self._gateway.send(owner.phone, SMS_TEXT.format(code=code))
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
        self._codes.redeem(session.id, entered)
        self._sessions.complete(session, Stage.PHONE_VERIFIED)

    def seconds_left(self, session: IssuanceSession) -> int | None:
        return self._codes.seconds_left(session.id)
