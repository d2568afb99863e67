"""Step 4, 계좌 인증: a 1원 deposit whose depositor name carries the code proves the account is the customer's.

Unlike the carrier check, each refusal names its cause (FAIL-3): the customer is already proven by the
phone check, and the bank's own app tells its customers when an account number is short, closed or not
theirs. A closed account that belongs to someone else is still only 'not yours', so nothing is revealed
about other people's accounts.
"""

from __future__ import annotations

from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.records import DepositRow
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.one_time_codes import OneTimeCodes
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

DEPOSITOR_PREFIX = "KB"


class AccountCheck:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, sessions: Sessions,
                 codes: OneTimeCodes) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._sessions = sessions
        self._codes = codes

    def send_deposit(self, session: IssuanceSession, bank: str, digits: str) -> None:
        if bank not in ACCOUNT_DIGITS:
            raise BankError(Reason.UNSUPPORTED_BANK, "bank")
        if len(digits) != ACCOUNT_DIGITS[bank]:
            raise BankError(Reason.ACCOUNT_WRONG_LENGTH, "account_number")
        account = self._store.account(bank, digits)
        if account is None or account["customer_id"] != session.customer_id:
            raise BankError(Reason.ACCOUNT_NOT_OWNED, "account_number")
        if account["status"] != "open":
            raise BankError(Reason.ACCOUNT_CLOSED, "account_number")
        # Counted and sent under one transaction (the store's lock), so a burst of requests cannot all pass the count.
        with self._store.transaction():
            now = self._clock.now()
            sent = self._store.deposits_since(bank, digits, now - self._rules.deposit_request_window)
            if sent >= self._rules.deposit_requests_per_window:
                raise BankError(Reason.DEPOSIT_RATE_LIMITED, "account_number")
            code = self._codes.issue(session.id, f"{bank}:{digits}")
            self._store.add_deposit(bank, digits, self._rules.deposit_amount_krw, f"{DEPOSITOR_PREFIX}{code}",
                                    self._clock.now())
            # The whole number stays with the bank: the certificate remembers which account it was issued on.
            self._sessions.complete(session, Stage.PHONE_VERIFIED, bank=bank, account_tail=digits[-4:],
                                    account_digits=digits)

    def confirm(self, session: IssuanceSession, entered: str) -> None:
        self._codes.redeem(session.id, entered)
        self._sessions.complete(session, Stage.ACCOUNT_VERIFIED)

    def seconds_left(self, session: IssuanceSession) -> int | None:
        return self._codes.seconds_left(session.id)

    def deposits(self, bank: str, digits: str) -> list[DepositRow]:
        """Every deposit that reached the account, oldest first, as its statement shows them."""
        return self._store.deposits(bank, digits)
