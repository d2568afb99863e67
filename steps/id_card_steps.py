"""신분증 인증 (guide step 5): the card photographed with the app's camera, read, confirmed and checked."""

from __future__ import annotations

from collections.abc import Callable

from faker import Faker
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures.camera import CameraFeed
from flows.id_journey import photograph
from flows.issuance_shortcut import IssuanceShortcut, Reached
from identities.card_photos import PhotoCondition
from identities.customer import DriverLicence, ResidentCard
from identities.flaws import CardKind, Flaw
from identities.id_card_image import card_png
from identities.registered_customer import RegisteredCustomer
from pages.credentials_screen import CredentialsScreen
from pages.id_check_screen import IdCheckScreen

# The guide's FIX-2 is about photos taken in poor conditions; these are the ones a feature can name.
PHOTO_CONDITIONS = {"어두운 조명": PhotoCondition.DARK, "흐린 초점": PhotoCondition.BLURRED,
                    "복잡한 배경": PhotoCondition.CLUTTERED}
# What the bank compares on each kind of card, and the identity builder's variant that gets it wrong; by the
# card's name in a step and the identity builder's card kind.
COMPARED_FIELDS: dict[str, tuple[CardKind, dict[str, Flaw]]] = {
    "주민등록증": ("resident", {"이름": Flaw.ID_CARD_WRONG_NAME, "주민등록번호": Flaw.ID_CARD_WRONG_RRN}),
    "운전면허증": ("driver", {"이름": Flaw.ID_CARD_WRONG_NAME, "생년월일": Flaw.ID_CARD_WRONG_RRN,
                         "면허번호": Flaw.LICENCE_WRONG_NUMBER}),
}


def resident_card(customer: RegisteredCustomer) -> ResidentCard:
    card = customer.identity.resident_card
    assert card is not None, "this customer was generated without a 주민등록증"
    return card


def driver_licence(customer: RegisteredCustomer) -> DriverLicence:
    card = customer.identity.driver_licence
    assert card is not None, "this customer was generated without a 운전면허증"
    return card


@given(parsers.parse('본인 명의 휴대폰과 운전면허증, "{bank}" 계좌를 가진 고객이 있다'), target_fixture="customer")
def customer_with_licence(register_customer: Callable[..., RegisteredCustomer], bank: str) -> RegisteredCustomer:
    return register_customer(bank=bank, with_licence=True)


@given(parsers.parse('본인 명의 휴대폰과 "{bank}" 계좌가 있고 주민등록증을 다시 발급받은 고객이 있다'),
       target_fixture="customer")
def customer_with_reissued_card(register_customer: Callable[..., RegisteredCustomer],
                                bank: str) -> RegisteredCustomer:
    return register_customer(bank=bank, reissued_card=True)


@given("고객이 계좌 인증까지 마쳤다")
def account_verified(issuance_shortcut: IssuanceShortcut) -> None:
    issuance_shortcut.reach(Reached.ACCOUNT_VERIFIED)


@when("주민등록증을 촬영해 올린다")
def photograph_resident_card(id_check_screen: IdCheckScreen, camera: CameraFeed,
                             customer: RegisteredCustomer) -> None:
    photograph(id_check_screen, camera, resident_card(customer))


@when("운전면허증을 촬영해 올린다")
def photograph_licence(id_check_screen: IdCheckScreen, camera: CameraFeed, customer: RegisteredCustomer) -> None:
    photograph(id_check_screen, camera, driver_licence(customer))


@when(parsers.parse('주민등록증을 "{condition}" 상태로 촬영해 올린다'))
def photograph_poorly(id_check_screen: IdCheckScreen, camera: CameraFeed, customer: RegisteredCustomer,
                      condition: str) -> None:
    assert condition in PHOTO_CONDITIONS, f"no photo condition {condition!r}; one of {list(PHOTO_CONDITIONS)}"
    photograph(id_check_screen, camera, resident_card(customer), PHOTO_CONDITIONS[condition])


@when("조명이 좋고 배경이 단순한 곳에서 주민등록증을 다시 촬영해 올린다")
def photograph_again_as_advised(id_check_screen: IdCheckScreen, camera: CameraFeed,
                                customer: RegisteredCustomer) -> None:
    photograph(id_check_screen, camera, resident_card(customer), PhotoCondition.GOOD)


@when(parsers.re(r'"(?P<field>[^"]+)" 항목이 발급 기록과 다른 (?P<card>주민등록증|운전면허증)을 촬영해 올린다'))
def photograph_mismatching_card(id_check_screen: IdCheckScreen, camera: CameraFeed, identity_faker: Faker,
                                customer: RegisteredCustomer, field: str, card: str) -> None:
    card_kind, fields = COMPARED_FIELDS[card]
    assert field in fields, f"the bank compares {list(fields)} on a {card}"
    presented = identity_faker.presented(customer.identity, fields[field], card_kind=card_kind)
    photograph(id_check_screen, camera, presented.id_card)


@when("예전에 발급받은 주민등록증을 촬영해 올린다")
def photograph_replaced_card(id_check_screen: IdCheckScreen, camera: CameraFeed, identity_faker: Faker,
                             customer: RegisteredCustomer) -> None:
    presented = identity_faker.presented(customer.identity, Flaw.OUTDATED_ID_CARD)
    photograph(id_check_screen, camera, presented.id_card)


@when("앨범에서 고른 주민등록증 사진을 올린다")
def upload_resident_card_photo(id_check_screen: IdCheckScreen, customer: RegisteredCustomer) -> None:
    id_check_screen.upload_photo(card_png(resident_card(customer)))


@when("읽힌 신분증 정보가 맞다고 확인한다")
def confirm_card_details(id_check_screen: IdCheckScreen) -> None:
    id_check_screen.confirm_details()


@then("읽힌 신분증 정보에 고객 이름이 보인다")
def read_name_shown(id_check_screen: IdCheckScreen, customer: RegisteredCustomer) -> None:
    expect(id_check_screen.read_name).to_have_text(customer.identity.name)


@then(parsers.parse('"{kind}" 종류로 읽힌 신분증 정보가 보인다'))
def read_kind_shown(id_check_screen: IdCheckScreen, kind: str) -> None:
    expect(id_check_screen.read_kind).to_have_text(kind)


@then("인증서 비밀번호 입력 화면이 보인다")
def pin_screen_shown(credentials_screen: CredentialsScreen) -> None:
    expect(credentials_screen.keypad.root).to_be_visible()
