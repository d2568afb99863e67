"""재발급 (and 기기 등록) after the customer pressed it: the issuance stages again, from the terms to the end.

The session is the one the app started when the customer chose 재발급 or 기기 등록 (a remedy button or the
인증센터), and the page stands on its terms screen. The stages the scenario is not about (the terms, the
phone, the ID card, the PIN and pattern) go through the bank's API like any precondition; a scenario that is
about one of them walks that one on its screen (the account step with a closed or a new account).
A re-issue is a later visit than the issuance it replaces, so the bank's clock first moves past the SMS
cool-down for the customer's phone, as real time would have; no real waiting.
"""

from __future__ import annotations

from flows.issuance_journey import IssuanceJourney
from identities.customer import BankAccount, ResidentCard
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code

LATER_VISIT_SECONDS = 60  # more than the SMS cool-down between two code requests for one phone


class Reissue:
    """Starts on the terms screen, where 인증서 재발급 and 기기 등록 lead."""

    def __init__(self, journey: IssuanceJourney, bank: ControlClient) -> None:
        self._journey = journey
        self._shortcut = journey.shortcut
        self._bank = bank

    def check_phone(self) -> None:
        """Terms and phone done: the account screen is shown."""
        self._bank.advance_clock(LATER_VISIT_SECONDS)
        self._shortcut.agree_terms()
        self._shortcut.check_phone()
        self._shortcut.enter_sms_code()
        self._shortcut.show_current_screen()

    def request_deposit(self, account: BankAccount | None = None) -> None:
        """On the account screen, as the customer types it."""
        self._journey.check_account(account=account)

    def check_account(self, account: BankAccount) -> None:
        self.request_deposit(account)
        code = latest_deposit_code(self._bank.deposits(account.bank, account.digits))
        self._journey.screens.account.enter_code(code)

    def finish(self, card: ResidentCard | None = None) -> None:
        """From the ID step to the completion screen, which is shown."""
        self._shortcut.check_id(card)
        self._shortcut.set_pin()
        self._shortcut.set_pattern()
        self._shortcut.finish()

    def complete(self, card: ResidentCard | None = None) -> None:
        self.check_phone()
        self._shortcut.check_account()
        self._shortcut.enter_deposit_code()
        self.finish(card)
