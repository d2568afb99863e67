"""The issuance journey as one customer walks it through the screens, stage by stage.

Steps about the screens call it ("the customer issues a certificate", "the customer makes this mistake"), so
that a step still does one thing. The stages before a mistake, and those after its correction, are not what
such a scenario is about: they go through the bank's API (IssuanceShortcut), and only the stage the mistake
is made in is walked, wrong and then right.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page

from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.carriers import CARRIERS
from identities.customer import BankAccount, ResidentCard
from identities.id_card_image import card_png
from identities.registered_customer import RegisteredCustomer
from pages.account_check_screen import AccountCheckScreen
from pages.app_requests import AppRequests
from pages.certificate_centre import CertificateCentre
from pages.completion_screen import CompletionScreen
from pages.credentials_screen import CredentialsScreen
from pages.id_check_screen import IdCheckScreen
from pages.phone_check_screen import PhoneCheckScreen
from pages.start_screen import StartScreen
from pages.terms_screen import TermsScreen
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code, latest_sms_code

DEPOSIT_METHOD = "1원 입금 인증"


@dataclass(frozen=True)
class IssuanceScreens:
    start: StartScreen
    centre: CertificateCentre
    terms: TermsScreen
    phone: PhoneCheckScreen
    account: AccountCheckScreen
    id_check: IdCheckScreen
    credentials: CredentialsScreen
    completion: CompletionScreen

    @classmethod
    def on(cls, page: Page) -> IssuanceScreens:
        """The screens on one page: the scenario's (`issuance_screens` fixture), another phone's, a restarted app's."""
        return cls(StartScreen(page), CertificateCentre(page), TermsScreen(page), PhoneCheckScreen(page),
                   AccountCheckScreen(page), IdCheckScreen(page), CredentialsScreen(page), CompletionScreen(page))


def other_digit(digit: str) -> str:
    return str((int(digit) + 1) % 10)


# The 7th RRN digit's partner of the other sex in the same century (1/2 1900s, 3/4 2000s, 5-8 foreigners).
OTHER_SEX = {"1": "2", "2": "1", "3": "4", "4": "3", "5": "6", "6": "5", "7": "8", "8": "7", "9": "0", "0": "9"}


def other_birth_date(yymmdd: str) -> str:
    """A day before or after: still a real date, and not the customer's."""
    day = int(yymmdd[4:])
    return f"{yymmdd[:4]}{day - 1 if day > 1 else day + 1:02d}"


def what_to_type(code: str, wrong: bool, typed: str | None) -> str:
    """The received code, the same code with its last digit changed, or whatever the customer typed."""
    if typed is not None:
        return typed
    return code[:-1] + other_digit(code[-1]) if wrong else code


class IssuanceJourney:
    """Walks the guide's steps in order; each stage can be done right or with the guide's typical mistake."""

    def __init__(self, screens: IssuanceScreens, bank: ControlClient, customer: RegisteredCustomer,
                 shortcut: IssuanceShortcut) -> None:
        self.screens = screens
        self.shortcut = shortcut
        self._bank = bank
        self._customer = customer
        self._person = customer.identity

    # Each stage, done right.
    def open_issuance(self) -> None:
        self.screens.start.launch()
        self.screens.start.open_certificate_centre()
        self.screens.centre.start_issuance()
        self.screens.terms.agree_to_all()
        self.screens.terms.proceed()

    def check_phone(self, carrier: str | None = None, name: str | None = None, rrn_front7: str | None = None,
                    phone: str | None = None) -> None:
        person = self._person
        self.screens.phone.request_code(
            carrier if carrier is not None else person.carrier, name if name is not None else person.name,
            rrn_front7 if rrn_front7 is not None else person.rrn[:7], phone if phone is not None else person.phone)

    def enter_sms_code(self, wrong: bool = False, typed: str | None = None) -> None:
        self.screens.phone.enter_code(what_to_type(self.current_sms_code(), wrong, typed))

    def current_sms_code(self) -> str:
        return latest_sms_code(self._bank.sms_inbox(self._person.phone))

    def check_account(self, account_number: str | None = None, account: BankAccount | None = None) -> None:
        account = account or self._person.account
        number = account_number if account_number is not None else account.number
        self.screens.account.request_deposit(account.bank, number, DEPOSIT_METHOD)

    def current_deposit_code(self) -> str:
        account = self._person.account
        return latest_deposit_code(self._bank.deposits(account.bank, account.digits))

    def enter_deposit_code(self, wrong: bool = False, typed: str | None = None) -> None:
        self.screens.account.enter_code(what_to_type(self.current_deposit_code(), wrong, typed))

    def check_id(self, card: ResidentCard | None = None) -> None:
        own_card = self._person.resident_card
        assert own_card is not None, "this journey photographs a 주민등록증"
        self.screens.id_check.upload_photo(card_png(card or own_card))
        self.screens.id_check.confirm_details()

    def set_pin(self, confirmation: str | None = None) -> None:
        pin = self._customer.secrets.pin
        self.screens.credentials.set_pin(pin, confirmation or pin)

    def set_pattern(self) -> None:
        pattern = self._customer.secrets.pattern
        self.screens.credentials.set_pattern(pattern, pattern)

    def finish(self) -> None:
        self.screens.completion.wait_until_shown()

    def restart_app(self) -> None:
        """FIX-3: close the app and open it again on the same phone; the journey starts over there."""
        page = self.screens.start.restart_app()
        self.screens = IssuanceScreens.on(page)
        self.shortcut = self.shortcut.using(AppRequests(page))

    def pass_identity_checks(self) -> None:
        """Terms, phone, account and ID card done right: the customer is on the PIN screen."""
        for stage in self.stages()[:6]:
            stage()

    def stages(self) -> list[Callable[[], None]]:
        """The nine stages, in the order of IssuanceShortcut.stages."""
        return [self.open_issuance, self.check_phone, self.enter_sms_code, self.check_account,
                self.enter_deposit_code, self.check_id, self.set_pin, self.set_pattern, self.finish]

    def _go_wrong_at(self, stage: int, mistake: Callable[[], None]) -> Callable[[], None]:
        """The stages before `stage` arranged, then the mistake on its screen; returns how to redo that stage
        right on its screen and finish the rest (arranged again)."""
        self.shortcut.reach(Reached(stage))
        mistake()

        def correct_and_finish() -> None:
            self.stages()[stage]()
            for arranged in self.shortcut.stages()[stage + 1:]:
                arranged()

        return correct_and_finish

    def type_into(self, field: str, value: str) -> Callable[[], None]:
        """Type `value` into one field where it belongs in the journey; returns the way to finish right."""
        fields: dict[str, tuple[int, Callable[[], None]]] = {
            "이름": (1, lambda: self.check_phone(name=value)),
            "주민등록번호 앞 6자리": (1, lambda: self.check_phone(rrn_front7=value + self._person.rrn[6])),
            "휴대폰 번호": (1, lambda: self.check_phone(phone=value)),
            "인증번호": (2, lambda: self.enter_sms_code(typed=value)),
            "계좌번호": (3, lambda: self.check_account(account_number=value)),
            "입금자명 숫자 4자리": (4, lambda: self.enter_deposit_code(typed=value)),
        }
        if field not in fields:
            raise KeyError(f"the journey types into no field {field!r}")
        return self._go_wrong_at(*fields[field])

    # The guide's failure table (FAIL-1..5): each mistake after the stages before it were done right.
    def make_mistake(self, cause: str) -> Callable[[], None]:
        """Make the mistake the guide names; returns how to correct it and finish issuance."""
        mistakes: dict[str, tuple[int, Callable[[], None]]] = {
            "잘못된 통신사 선택": (1, lambda: self.check_phone(carrier=self._wrong_carrier())),
            "잘못된 인증번호": (2, lambda: self.enter_sms_code(wrong=True)),
            "계좌번호 오류": (3, lambda: self.check_account(account_number=self._wrong_account_number())),
            "정보 불일치": (5, lambda: self.check_id(card=self._someone_elses_card())),
            "비밀번호 불일치": (6, lambda: self.set_pin(confirmation=self._wrong_pin_confirmation())),
        }
        if cause not in mistakes:
            raise KeyError(f"the guide's failure table has no cause {cause!r}")
        return self._go_wrong_at(*mistakes[cause])

    # Guide step 3 names three details the carrier compares (and the screen asks the phone number): each one
    # wrong on its own, so that a comparison which forgets one of them is seen.
    def mistype_phone_owner(self, detail: str) -> Callable[[], None]:
        """One detail of the phone check differs from the carrier's record; returns how to correct it and finish."""
        person = self._person
        birth, gender_digit = person.rrn[:6], person.rrn[6]
        wrong: dict[str, Callable[[], None]] = {
            "통신사": lambda: self.check_phone(carrier=self._wrong_carrier()),
            "이름": lambda: self.check_phone(name="홍길동" if person.name != "홍길동" else "김철수"),
            "생년월일": lambda: self.check_phone(rrn_front7=other_birth_date(birth) + gender_digit),
            "주민등록번호 뒷자리 첫 숫자": lambda: self.check_phone(rrn_front7=birth + OTHER_SEX[gender_digit]),
        }
        if detail not in wrong:
            raise KeyError(f"the phone check compares no detail {detail!r}")
        return self._go_wrong_at(1, wrong[detail])

    def _wrong_carrier(self) -> str:
        return next(carrier for carrier in CARRIERS if carrier != self._person.carrier)

    def _wrong_account_number(self) -> str:
        number = self._person.account.number
        return number[:-1] + other_digit(number[-1])

    def _someone_elses_card(self) -> ResidentCard:
        card = self._person.resident_card
        assert card is not None
        return dataclasses.replace(card, name="홍길동" if card.name != "홍길동" else "김철수")

    def _wrong_pin_confirmation(self) -> str:
        pin = self._customer.secrets.pin
        return pin[:-1] + other_digit(pin[-1])


def issue_certificate(journey: IssuanceJourney) -> None:
    """The guide's eight steps without stopping, ending on the completion screen."""
    journey.pass_identity_checks()
    journey.set_pin()
    journey.set_pattern()
    journey.finish()
