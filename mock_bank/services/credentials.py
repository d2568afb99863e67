"""Step 5's 비밀번호 및 패턴 설정: the certificate's 6-digit PIN and unlock pattern, each entered twice.

PIN rules, checked in this order so the first that applies names the reason: exactly 6 ASCII digits
(PIN_FORMAT); not the birth date YYMMDD from the customer's RRN (PIN_BIRTH_DATE: first, because the
customer's own birth date is the most specific advice, e.g. for someone born on 2000-01-01); not one
digit six times (PIN_ALL_SAME); not a straight run up or down such as 123456 or 987654 (PIN_STRAIGHT);
no three equal digits in a row (PIN_EQUAL_RUN); and the confirmation must be the same PIN
(PIN_MISMATCH, FAIL-5).
Pattern rules: points are distinct dots 1-9 of the 3x3 grid (else the input is malformed), at least 4 of
them (PATTERN_TOO_SHORT), and the confirmation must be the same drawing (PATTERN_MISMATCH).
"""

from __future__ import annotations

import hashlib
import secrets
from itertools import pairwise

from mock_bank.errors import BankError, InputRejected, Reason
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

GRID_POINTS = range(1, 10)


def pin_verifier(pin: str, salt: bytes) -> str:
    """The bank keeps a salted hash only, to count wrong PINs later without knowing the PIN."""
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 100_000).hex()


def weak_pin_reason(pin: str, birth_date: str | None, equal_run: int) -> Reason | None:
    """Why a well-formed PIN is too easy to guess, or None; `birth_date` is the RRN's YYMMDD."""
    if birth_date is not None and pin == birth_date:
        return Reason.PIN_BIRTH_DATE
    if len(set(pin)) == 1:
        return Reason.PIN_ALL_SAME
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    if steps in ({1}, {-1}):
        return Reason.PIN_STRAIGHT
    if any(len(set(pin[i:i + equal_run])) == 1 for i in range(len(pin) - equal_run + 1)):
        return Reason.PIN_EQUAL_RUN
    return None


def check_new_pin(pin: str, confirmation: str, birth_date: str | None, rules: RuleSettings) -> None:
    """Raise the first rule a new PIN breaks: issuance and the later PIN change hold it to the same rules."""
    if len(pin) != rules.pin_digits or not (pin.isascii() and pin.isdigit()):
        raise BankError(Reason.PIN_FORMAT, "pin")
    weakness = weak_pin_reason(pin, birth_date, rules.pin_equal_run)
    if weakness is not None:
        raise BankError(weakness, "pin")
    # Compared as bytes: compare_digest refuses non-ASCII str, and the confirmation is not checked above.
    if not secrets.compare_digest(pin.encode(), confirmation.encode()):
        raise BankError(Reason.PIN_MISMATCH, "pin_confirmation")


def pin_matches(pin: str, salt_hex: str | None, expected: str | None) -> bool:
    """Whether `pin` is the one whose verifier the bank keeps; a certificate without one matches nothing."""
    if not salt_hex or not expected:
        return False
    return secrets.compare_digest(pin_verifier(pin, bytes.fromhex(salt_hex)), expected)


class Credentials:
    def __init__(self, rules: RuleSettings, sessions: Sessions, store: Store) -> None:
        self._rules = rules
        self._sessions = sessions
        self._store = store

    def set_pin(self, session: IssuanceSession, pin: str, confirmation: str) -> None:
        check_new_pin(pin, confirmation, self._birth_date(session), self._rules)
        salt = secrets.token_bytes(16)
        self._sessions.complete(session, Stage.PIN_SET, pin_salt=salt.hex(), pin_hash=pin_verifier(pin, salt))

    def set_pattern(self, session: IssuanceSession, pattern: list[int], confirmation: list[int]) -> None:
        on_grid = all(type(point) is int and point in GRID_POINTS for point in pattern)
        if not on_grid or len(set(pattern)) != len(pattern):
            raise InputRejected("pattern")
        if len(pattern) < self._rules.pattern_min_points:
            raise BankError(Reason.PATTERN_TOO_SHORT, "pattern")
        if pattern != confirmation:
            raise BankError(Reason.PATTERN_MISMATCH, "pattern_confirmation")
        self._sessions.complete(session, Stage.PATTERN_SET)

    def _birth_date(self, session: IssuanceSession) -> str | None:
        customer = self._store.customer(session.customer_id or "")
        return str(customer["rrn"])[:6] if customer else None
