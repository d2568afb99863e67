"""재발급 (and 기기 등록) as the customer walks it: the issuance steps again, from the terms to the end.

Not a step module. A re-issue is a later visit than the issuance it replaces, so the bank's clock first moves
past the SMS cool-down for the customer's phone, as real time would have; no real waiting.
"""

from __future__ import annotations

from identities.customer import BankAccount, ResidentCard
from steps.journeys import IssuanceJourney
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code

LATER_VISIT_SECONDS = 60  # more than the SMS cool-down between two code requests for one phone


class Reissue:
    """Starts on the terms screen, where 인증서 재발급 and 기기 등록 lead."""

    def __init__(self, journey: IssuanceJourney, bank: ControlClient) -> None:
        self._journey = journey
        self._bank = bank

    def check_phone(self) -> None:
        self._bank.advance_clock(LATER_VISIT_SECONDS)
        screens = self._journey.screens
        screens.terms.agree_to_all()
        screens.terms.proceed()
        self._journey.check_phone()
        self._journey.enter_sms_code()

    def request_deposit(self, account: BankAccount | None = None) -> None:
        self._journey.check_account(account=account)

    def check_account(self, account: BankAccount) -> None:
        self.request_deposit(account)
        code = latest_deposit_code(self._bank.deposits(account.bank, account.digits))
        self._journey.screens.account.enter_code(code)

    def finish(self, card: ResidentCard | None = None) -> None:
        """From the ID step to the completion screen."""
        self._journey.check_id(card)
        self._journey.set_pin()
        self._journey.set_pattern()
        self._journey.finish()

    def complete(self, card: ResidentCard | None = None, account: BankAccount | None = None) -> None:
        self.check_phone()
        if account is None:
            self._journey.check_account()
            self._journey.enter_deposit_code()
        else:
            self.check_account(account)
        self.finish(card)
