"""Issuance arranged through the bank's own endpoints: the same stages as the journey, without the screens.

For preconditions (조건) that only bring the customer to a stage. Each stage sends what its screen would send
(the same form fields, the same ID photo, the app's own script for the key pair), so the bank holds the same
session, customer and certificate as after walking; `tests/test_issuance_shortcut.py` proves it stage by
stage. The page is left where walking would have left it once `show_current_screen` loads that screen.
Scenarios about a screen walk it with IssuanceJourney instead.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from identities.customer import BankAccount, Card
from identities.id_card_image import card_png
from identities.registered_customer import RegisteredCustomer
from pages.app_requests import AppRequests
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code, latest_sms_code

# What the terms screen's '약관 전체 동의' ticks (templates/terms.html): every term, the optional one too.
ALL_TERMS = ("e_finance", "certificate", "privacy", "unique_id", "marketing")
DEPOSIT_METHOD = "deposit"  # 1원 입금 인증


def phone_form(carrier: str, name: str, rrn: str, phone: str) -> list[tuple[str, str]]:
    """What the phone screen posts for '인증번호 요청': the RRN's birth date and 7th digit in fields of their own."""
    return [("carrier", carrier), ("name", name), ("rrn_birth", rrn[:6]), ("rrn_gender", rrn[6]), ("phone", phone)]


def deposit_form(account: BankAccount) -> list[tuple[str, str]]:
    """What the account screen posts for '1원 보내기'."""
    return [("bank", account.bank), ("account_number", account.number), ("method", DEPOSIT_METHOD)]


class Reached(IntEnum):
    """How far issuance has got: the number of the journey's stages done (IssuanceShortcut.stages)."""

    ISSUANCE_STARTED = 0  # on the terms screen; see IssuanceShortcut.start
    TERMS_AGREED = 1
    SMS_CODE_REQUESTED = 2
    PHONE_VERIFIED = 3
    DEPOSIT_REQUESTED = 4
    ACCOUNT_VERIFIED = 5
    ID_VERIFIED = 6
    PIN_SET = 7
    PATTERN_SET = 8  # which, as on the screen, asks for the certificate at once
    ISSUED = 9


class IssuanceShortcut:
    """Stage by stage, in the journey's order; each method ends where the matching journey stage ends."""

    def __init__(self, app: AppRequests, bank: ControlClient, customer: RegisteredCustomer) -> None:
        self._app = app
        self._bank = bank
        self._customer = customer
        self._person = customer.identity
        self._screen = "/"

    def using(self, app: AppRequests) -> IssuanceShortcut:
        """The same customer on another page of the device (after the app restarts)."""
        return IssuanceShortcut(app, self._bank, self._customer)

    def start(self, purpose: str = "new") -> None:
        """인증서 발급 (or 재발급, 기기 등록) pressed in the 인증센터: a new session, on the terms screen."""
        self._submit("/issue/start", [("purpose", purpose)], "/issue/terms")

    def agree_terms(self) -> None:
        self._submit("/issue/terms", [("terms", key) for key in ALL_TERMS], "/issue/phone")

    def open_issuance(self) -> None:
        self.start()
        self.agree_terms()

    def check_phone(self) -> None:
        person = self._person
        self._submit("/issue/phone/code-request", phone_form(person.carrier, person.name, person.rrn, person.phone),
                     "/issue/phone")

    def enter_sms_code(self) -> None:
        code = latest_sms_code(self._bank.sms_inbox(self._person.phone))
        self._submit("/issue/phone/code", [("code", code)], "/issue/account")

    def check_account(self, account: BankAccount | None = None) -> None:
        self._submit("/issue/account/deposit", deposit_form(account or self._person.account), "/issue/account")

    def enter_deposit_code(self, account: BankAccount | None = None) -> None:
        account = account or self._person.account
        code = latest_deposit_code(self._bank.deposits(account.bank, account.digits))
        self._submit("/issue/account/code", [("code", code)], "/issue/id")

    def check_id(self, card: Card | None = None) -> None:
        """The album path with a clean picture of the card; the bank reads it as it reads any photo."""
        card = card or self._own_card()
        self._app.upload_photo("/issue/id/photo", "id_photo", card_png(card), "image/png", "/issue/id")
        self._submit("/issue/id/confirm", [], "/issue/credentials")

    def set_pin(self) -> None:
        self._on_credentials_screen()
        self._app.set_pin(self._customer.secrets.pin)

    def set_pattern(self) -> None:
        """As on the screen, the second drawing sends the pattern and the device at once asks for the
        certificate (credentials.js): a new key pair, the signed challenge, the key sealed on the device."""
        self._on_credentials_screen()
        secrets = self._customer.secrets
        self._app.set_pattern(secrets.pattern)
        self._app.request_certificate(secrets.pin, secrets.pattern)
        self._screen = "/issue/complete"

    def finish(self) -> None:
        """The completion screen is shown."""
        self.show_current_screen()

    def stages(self) -> list[Callable[[], None]]:
        """The journey's nine stages, in its order (IssuanceJourney.stages)."""
        return [self.open_issuance, self.check_phone, self.enter_sms_code, self.check_account,
                self.enter_deposit_code, self.check_id, self.set_pin, self.set_pattern, self.finish]

    def show_current_screen(self) -> None:
        """Load the screen the bank last sent the app to, where the customer would now be looking."""
        self._app.open(self._screen)

    def reach(self, stage: Reached) -> None:
        """Issuance brought to `stage`, and the screen it leads to shown."""
        if stage is Reached.ISSUANCE_STARTED:
            self.start()
        for done in self.stages()[:stage]:
            done()
        if self._app.current_path() != self._screen:
            self.show_current_screen()

    def _submit(self, path: str, fields: list[tuple[str, str]], expect_next: str) -> None:
        self._app.submit_form(path, fields, expect_next)
        self._screen = expect_next

    def _on_credentials_screen(self) -> None:
        """The app's script runs in the page, so the page must be the app's; its credentials screen is where."""
        self._screen = "/issue/credentials"
        if self._app.current_path() != self._screen:
            self.show_current_screen()

    def _own_card(self) -> Card:
        card = self._person.resident_card or self._person.driver_licence
        if card is None:
            raise LookupError("this customer holds no ID card to photograph")
        return card
