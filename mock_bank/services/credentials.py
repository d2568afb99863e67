"""Step 5's 비밀번호 및 패턴 설정: the certificate's 6-digit PIN and unlock pattern, each entered twice."""

from __future__ import annotations

import hashlib
import secrets

from mock_bank.errors import BankError, Reason
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.settings import RuleSettings


def pin_verifier(pin: str, salt: bytes) -> str:
    """The bank keeps a salted hash only, to count wrong PINs later without knowing the PIN."""
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 100_000).hex()


class Credentials:
    def __init__(self, rules: RuleSettings, sessions: Sessions) -> None:
        self._rules = rules
        self._sessions = sessions

    def set_pin(self, session: IssuanceSession, pin: str, confirmation: str) -> None:
        if len(pin) != self._rules.pin_digits or not (pin.isascii() and pin.isdigit()):
            raise BankError(Reason.PIN_FORMAT, "pin")
        if not secrets.compare_digest(pin, confirmation):
            raise BankError(Reason.PIN_MISMATCH, "pin_confirmation")
        salt = secrets.token_bytes(16)
        self._sessions.complete(session, Stage.PIN_SET, pin_salt=salt.hex(), pin_hash=pin_verifier(pin, salt))

    def set_pattern(self, session: IssuanceSession, pattern: list[int], confirmation: list[int]) -> None:
        points_valid = all(1 <= point <= 9 for point in pattern) and len(set(pattern)) == len(pattern)
        if not points_valid or len(pattern) < self._rules.pattern_min_points:
            raise BankError(Reason.PATTERN_TOO_SHORT, "pattern")
        if pattern != confirmation:
            raise BankError(Reason.PATTERN_MISMATCH, "pattern_confirmation")
        self._sessions.complete(session, Stage.PATTERN_SET)
