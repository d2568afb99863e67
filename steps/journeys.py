"""Whole journeys for Given steps that need a customer already past them (not a step module)."""

from __future__ import annotations

from dataclasses import dataclass

from fixtures.customers import RegisteredCustomer
from identities.id_card_image import card_png
from pages.account_check_screen import AccountCheckScreen
from pages.certificate_centre import CertificateCentre
from pages.completion_screen import CompletionScreen
from pages.credentials_screen import CredentialsScreen
from pages.id_check_screen import IdCheckScreen
from pages.phone_check_screen import PhoneCheckScreen
from pages.start_screen import StartScreen
from pages.terms_screen import TermsScreen
from support.control_client import ControlClient
from support.one_time_codes import latest_deposit_code, latest_sms_code


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


def issue_certificate(screens: IssuanceScreens, bank: ControlClient, customer: RegisteredCustomer) -> None:
    """The guide's eight steps without stopping, ending on the completion screen."""
    person = customer.identity
    screens.start.launch()
    screens.start.open_certificate_centre()
    screens.centre.start_issuance()
    screens.terms.agree_to_all()
    screens.terms.proceed()
    screens.phone.request_code(person.carrier, person.name, person.rrn[:7], person.phone)
    screens.phone.enter_code(latest_sms_code(bank.sms_inbox(person.phone)))
    screens.account.request_deposit(person.account.bank, person.account.number, "1원 입금 인증")
    screens.account.enter_code(latest_deposit_code(bank.deposits(person.account.bank, person.account.digits)))
    assert person.resident_card is not None, "this journey photographs a 주민등록증"
    screens.id_check.upload_photo(card_png(person.resident_card))
    screens.id_check.confirm_details()
    screens.credentials.set_pin(customer.secrets.pin, customer.secrets.pin)
    screens.credentials.set_pattern(customer.secrets.pattern, customer.secrets.pattern)
    screens.completion.wait_until_shown()
