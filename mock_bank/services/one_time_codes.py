"""One-time codes shared by the SMS check and the 1원 deposit check: expiry, wrong tries, single use."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import timedelta

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.store import Store


@dataclass(frozen=True)
class CodePolicy:
    """One kind of code; the numbers come from RuleSettings, the reasons say which check refused."""

    purpose: str
    digits: int
    validity: timedelta
    max_wrong: int
    not_requested: Reason
    wrong: Reason
    expired: Reason
    void: Reason


class OneTimeCodes:
    """A session holds at most one active code per purpose: issuing a new one replaces the old."""

    def __init__(self, store: Store, clock: Clock, policy: CodePolicy) -> None:
        self._store = store
        self._clock = clock
        self.policy = policy

    def issue(self, session_id: str, target: str) -> str:
        code = "".join(str(secrets.randbelow(10)) for _ in range(self.policy.digits))
        now = self._clock.now()
        self._store.add_code(session_id, self.policy.purpose, target, code, now, now + self.policy.validity)
        return code

    def seconds_left(self, session_id: str) -> int | None:
        """Whole seconds left, rounded up so the screen never shows 0:00 while the code is still good."""
        current = self._store.current_code(session_id, self.policy.purpose)
        if current is None or current.state != "active":
            return None
        return max(0, math.ceil((current.expires_at - self._clock.now()).total_seconds()))

    def retire(self, session_id: str) -> None:
        """Forget the session's active code, when the step it belongs to must be done again."""
        self._store.retire_codes(session_id, self.policy.purpose)

    def redeem(self, session_id: str, entered: str) -> str:
        """Return the target the code was sent to; a code is good once, until it expires or is voided."""
        current = self._store.current_code(session_id, self.policy.purpose)
        if current is None or current.state in ("used", "replaced"):
            raise BankError(self.policy.not_requested, "code")
        if current.state == "void":
            raise BankError(self.policy.void, "code")
        # The expiry instant itself is already too late: 'valid 3 minutes' means strictly less.
        if self._clock.now() >= current.expires_at:
            raise BankError(self.policy.expired, "code")
        # Compared as bytes: compare_digest refuses non-ASCII str, and a refusal must not become a 500.
        if not secrets.compare_digest(entered.encode(), current.code.encode()):
            wrong_tries = self._store.count_wrong_try(current.id, self.policy.max_wrong)
            raise BankError(self.policy.void if wrong_tries >= self.policy.max_wrong else self.policy.wrong,
                            "code")
        if not self._store.use_code(current.id):
            # Another request redeemed or voided it a moment ago: a code passes once.
            raise BankError(self.policy.not_requested, "code")
        return current.target
