"""Each issuance shortcut ends where walking the screens ends: the same bank records, the same device, the
same screen, and the next screen behaves the same (flows/issuance_shortcut.py).

Two customers on two phones (browser contexts) of one mock bank: one walks the screens, the other is arranged
through the API. What is compared is what does not depend on who they are: the session's stage, purpose and
what it recorded, whether it belongs to its own customer, the certificates' status, holder and key, the
device's storage, and the screen shown.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography import x509
from faker import Faker
from playwright.sync_api import Page

from flows.issuance_journey import IssuanceJourney, IssuanceScreens
from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.certificate_secrets import make_secrets
from identities.registered_customer import RegisteredCustomer
from pages.app_requests import AppRequests
from pages.device_storage import DeviceStorage
from pages.home_screen import HomeScreen
from pages.start_screen import StartScreen
from support.certificates import holder_name, public_key_spki_der, validity_years
from support.control_client import ControlClient
from support.settings import HarnessSettings


@dataclass(frozen=True)
class Phone:
    customer: RegisteredCustomer
    app: AppRequests
    journey: IssuanceJourney
    shortcut: IssuanceShortcut
    storage: DeviceStorage
    start: StartScreen
    home: HomeScreen


@pytest.fixture
def bank(control: ControlClient) -> ControlClient:
    """The harness's own mock bank (fixtures/mock_bank_server.py), not the in-process one of tests/conftest.py."""
    control.reset()
    return control


@pytest.fixture
def phone(new_phone_page: Callable[[], Page], harness_settings: HarnessSettings, bank: ControlClient,
          identity_faker: Faker) -> Callable[[], Phone]:
    rng = random.Random(harness_settings.run_seed)

    def open_phone() -> Phone:
        identity = identity_faker.customer(bank="KB국민")
        customer = RegisteredCustomer(identity, make_secrets(rng, identity.birth_date),
                                      bank.register(dict(identity.to_registration())))
        page = new_phone_page()
        app = AppRequests(page)
        shortcut = IssuanceShortcut(app, bank, customer)
        screens = IssuanceScreens.on(page)
        return Phone(customer, app, IssuanceJourney(screens, bank, customer, shortcut), shortcut,
                     DeviceStorage(page), screens.start, HomeScreen(page))
    return open_phone


def what_the_bank_and_device_hold(bank: ControlClient, phone: Phone) -> dict[str, Any]:
    session_id = phone.app.issuance_session()
    assert session_id is not None, "the device holds no issuance session"
    session = bank.session(session_id)
    own_id = phone.customer.customer_id
    certificates = []
    for row in bank.certificates(own_id):
        certificate = x509.load_pem_x509_certificate(str(row["pem"]).encode())
        certificates.append({"status": row["status"], "validity_years": validity_years(certificate),
                             "holder_is_customer": holder_name(certificate) == phone.customer.identity.name,
                             "key_on_device": public_key_spki_der(certificate) == phone.storage.public_key_der()})
    stored = phone.storage.certificate_pem()
    return {"screen": phone.app.current_path(), "stage": session["stage"], "purpose": session["purpose"],
            "recorded": session["recorded"], "own_customer": session["customer_id"] in (None, own_id),
            "customer_linked": session["customer_id"] is not None, "certificates": certificates,
            "device_certificate_is_the_banks": stored is None or any(
                stored == row["pem"] for row in bank.certificates(own_id))}


def walk(journey: IssuanceJourney, stage: Reached) -> None:
    for done in journey.stages()[:stage]:
        done()


STAGES = [Reached.SMS_CODE_REQUESTED, Reached.PHONE_VERIFIED, Reached.DEPOSIT_REQUESTED, Reached.ACCOUNT_VERIFIED,
          Reached.ID_VERIFIED, Reached.PATTERN_SET, Reached.ISSUED]


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name.lower())
def test_the_shortcut_leaves_bank_and_device_as_walking_does(stage: Reached, phone: Callable[[], Phone],
                                                             bank: ControlClient) -> None:
    walked, arranged = phone(), phone()
    walk(walked.journey, stage)
    arranged.shortcut.reach(stage)
    expected = what_the_bank_and_device_hold(bank, walked)
    assert expected["stage"] != "started", "walking did not get anywhere: nothing to compare"
    assert what_the_bank_and_device_hold(bank, arranged) == expected


@pytest.mark.parametrize("stage", STAGES[:-2], ids=lambda stage: stage.name.lower())
def test_the_next_screen_takes_an_arranged_customer_as_a_walked_one(stage: Reached, phone: Callable[[], Phone],
                                                                    bank: ControlClient) -> None:
    walked, arranged = phone(), phone()
    walk(walked.journey, stage)
    arranged.shortcut.reach(stage)
    for each in (walked, arranged):
        each.journey.stages()[stage]()  # the next stage, on its screen
    assert what_the_bank_and_device_hold(bank, arranged) == what_the_bank_and_device_hold(bank, walked)


def test_an_arranged_certificate_signs_in_like_a_walked_one(phone: Callable[[], Phone]) -> None:
    walked, arranged = phone(), phone()
    walk(walked.journey, Reached.ISSUED)
    arranged.shortcut.reach(Reached.ISSUED)
    for each in (walked, arranged):
        each.start.launch()
        each.start.sign_in_with_pin(each.customer.secrets.pin)
        each.home.wait_until_shown()
        assert each.home.welcome.inner_text() == f"{each.customer.identity.name}님, 환영합니다"
