"""신분증 인증 (guide step 5): the card's photo is read and its details confirmed against the registry."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import then, when

from fixtures.customers import RegisteredCustomer
from identities.id_card_image import card_png
from pages.id_check_screen import IdCheckScreen


@when("주민등록증을 촬영해 올린다")
def upload_resident_card(id_check_screen: IdCheckScreen, customer: RegisteredCustomer) -> None:
    card = customer.identity.resident_card
    assert card is not None, "this customer was generated without a 주민등록증"
    id_check_screen.upload_photo(card_png(card))


@then("읽힌 신분증 정보에 고객 이름이 보인다")
def read_name_shown(id_check_screen: IdCheckScreen, customer: RegisteredCustomer) -> None:
    expect(id_check_screen.read_name).to_have_text(customer.identity.name)


@when("읽힌 신분증 정보가 맞다고 확인한다")
def confirm_card_details(id_check_screen: IdCheckScreen) -> None:
    id_check_screen.confirm_details()
