"""ID card pictures: the harness draws and photographs them; the mock bank judges, reads and checks them."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from faker import Faker
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageStat

from conftest import Screens
from identities import Customer, KoreanIdentityProvider
from identities.card_photos import PhotoCondition, camera_frame, mask_personal_data, photograph
from identities.customer import ResidentCard
from identities.flaws import CardKind, Flaw
from identities.id_card_image import CARD_SIZE, card_jpeg, card_png, render_card
from mock_bank.clock import Clock
from mock_bank.errors import BankError, Reason
from mock_bank.services.id_check import IdCheck, PhotoStandard, PoorPhoto
from mock_bank.services.id_reader import UnreadableCard, measure_quality, read_card
from mock_bank.services.registry import AccountRecord, CustomerRecord, IdCardRecord, Registry
from mock_bank.services.sessions import IssuanceSession, Sessions, Stage
from mock_bank.store import Store
from tests.id_cards import Card, cards_of_one_customer, expected

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return cards_of_one_customer(42, TODAY)


def jpeg(image: Image.Image, quality: int = 70) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def test_png_reads_back_for_both_kinds(cards: list[Card]) -> None:
    for card in cards:
        assert render_card(card).size == CARD_SIZE
        assert read_card(card_png(card)) == expected(card)


def test_jpeg_at_quality_70_reads_back(cards: list[Card]) -> None:
    for card in cards:
        assert read_card(card_jpeg(card, quality=70)) == expected(card)


@pytest.mark.parametrize("size", [(640, 480), (1280, 720)])
def test_a_camera_frame_of_the_card_reads_back(cards: list[Card], size: tuple[int, int]) -> None:
    # The card fills the frame, stretched to the camera's aspect ratio, then JPEG-compressed.
    for card in cards:
        frame = render_card(card).resize(size, Image.Resampling.BILINEAR)
        assert read_card(jpeg(frame)) == expected(card)


def test_long_fields_are_refused_before_drawing(cards: list[Card]) -> None:
    resident = cards[0]
    assert isinstance(resident, ResidentCard)
    with pytest.raises(ValueError, match="strip holds"):
        render_card(replace(resident, office="서울특별시 " * 10))


def test_a_picture_without_a_readable_strip_is_refused(cards: list[Card]) -> None:
    clean = render_card(cards[0])
    covered = clean.copy()
    ImageDraw.Draw(covered).rectangle((0, 400, 856, 540), fill="white")
    scribbled = clean.copy()
    ImageDraw.Draw(scribbled).rectangle((300, 450, 340, 500), fill="black")
    for broken in (jpeg(covered), jpeg(scribbled), b"not a picture", card_png(cards[0])[:2000]):
        with pytest.raises(UnreadableCard) as refusal:
            read_card(broken)
        assert refusal.value.reason is Reason.ID_UNREADABLE


def test_quality_sees_a_dark_or_blurred_picture(cards: list[Card]) -> None:
    clean_image = render_card(cards[1])
    clean = measure_quality(jpeg(clean_image, 90))
    dark = measure_quality(jpeg(ImageEnhance.Brightness(clean_image).enhance(0.2), 90))
    blurred = measure_quality(jpeg(clean_image.filter(ImageFilter.GaussianBlur(3)), 90))
    assert 0 <= dark.brightness < clean.brightness / 3 <= 255
    assert blurred.sharpness < clean.sharpness / 4
    assert abs(blurred.brightness - clean.brightness) < 5


# The camera's frames, their quality, and masking them for the report.

def test_camera_frames_read_back_in_every_condition(cards: list[Card]) -> None:
    # A poor photo must be refused for its quality, not merely fail to read: the reader can read them all.
    for card in cards:
        for condition in PhotoCondition:
            assert read_card(camera_frame(card, condition)) == expected(card), condition


def test_the_photo_standard_names_what_is_wrong_with_each_poor_photo(cards: list[Card]) -> None:
    standard = PhotoStandard()
    wrong = {PhotoCondition.GOOD: [], PhotoCondition.DARK: ["too dark"],
             PhotoCondition.BLURRED: ["out of focus"], PhotoCondition.CLUTTERED: ["busy background"]}
    for card in cards:
        assert standard.problems(measure_quality(card_png(card))) == []  # the album path's picture
        for condition, problems in wrong.items():
            assert standard.problems(measure_quality(camera_frame(card, condition))) == problems, condition


def test_quality_does_not_depend_on_the_pictures_size(cards: list[Card]) -> None:
    frame = photograph(cards[0])
    small, large = (measure_quality(jpeg(frame.resize(size), 92)) for size in ((640, 404), (1712, 1080)))
    assert abs(small.brightness - large.brightness) < 3
    assert PhotoStandard().problems(small) == PhotoStandard().problems(large) == []


def test_a_masked_frame_keeps_no_readable_strip_nor_licence_number(cards: list[Card]) -> None:
    for card in cards:
        for condition in (PhotoCondition.GOOD, PhotoCondition.CLUTTERED):
            masked = mask_personal_data(camera_frame(card, condition), card)
            with pytest.raises(UnreadableCard):
                read_card(masked)
    licence = cards[1]
    with Image.open(io.BytesIO(mask_personal_data(camera_frame(licence), licence))) as masked_image:
        number_box = masked_image.convert("L").crop((420, 112, 740, 158))
        assert ImageStat.Stat(number_box).mean[0] < 10


# The bank's check of a reading against the ID registry (mock_bank/services/id_check.py).

@dataclass
class IdDesk:
    """The ID step of one bank: its registry and its check, with a session already past 계좌 인증."""

    store: Store
    sessions: Sessions
    check: IdCheck

    def session_of(self, customer: Customer) -> IssuanceSession:
        registration = customer.to_registration()
        record = CustomerRecord(
            customer.name, customer.rrn, customer.phone, customer.carrier,
            tuple(AccountRecord(a["bank"], a["number"].replace("-", "")) for a in registration["accounts"]),
            tuple(IdCardRecord(**card) for card in registration["id_cards"]))
        session = self.sessions.start()
        session.customer_id = Registry(self.store, Clock()).register(record)
        self.sessions.complete(session, Stage.ACCOUNT_VERIFIED)
        return session

    def photograph_and_confirm(self, session: IssuanceSession, card: Card) -> Stage:
        self.check.read(session, camera_frame(card))
        self.check.confirm(session)
        return session.stage


@pytest.fixture
def desk(tmp_path: Path) -> IdDesk:
    store = Store(tmp_path / "bank.sqlite3")
    sessions = Sessions(store, Clock())
    return IdDesk(store, sessions, IdCheck(store, sessions))


@pytest.fixture
def builder() -> Faker:
    fake = Faker("ko_KR")
    fake.add_provider(KoreanIdentityProvider)
    fake.seed_instance(31)
    return fake


def refusal(desk: IdDesk, session: IssuanceSession, card: Card) -> Reason:
    with pytest.raises(BankError) as refused:
        desk.photograph_and_confirm(session, card)
    return refused.value.reason


def test_both_rrn_forms_pass_for_a_registered_person(desk: IdDesk, builder: Faker) -> None:
    for random_tail in (False, True):
        customer = builder.customer(random_tail=random_tail, with_licence=True, today=TODAY)
        assert customer.resident_card is not None and customer.driver_licence is not None
        session = desk.session_of(customer)
        for card in (customer.resident_card, customer.driver_licence):
            assert desk.photograph_and_confirm(session, card) is Stage.ID_VERIFIED


@pytest.mark.parametrize(("flaw", "kind"), [
    (Flaw.ID_CARD_WRONG_NAME, "resident"), (Flaw.ID_CARD_WRONG_RRN, "resident"),
    (Flaw.ID_CARD_WRONG_NAME, "driver"), (Flaw.ID_CARD_WRONG_RRN, "driver"), (Flaw.LICENCE_WRONG_NUMBER, "driver")])
def test_a_card_whose_details_differ_from_the_registry_is_a_mismatch(desk: IdDesk, builder: Faker, flaw: Flaw,
                                                                      kind: CardKind) -> None:
    customer = builder.customer(with_licence=True, today=TODAY)
    card = builder.presented(customer, flaw, card_kind=kind).id_card
    assert card is not None
    assert refusal(desk, desk.session_of(customer), card) is Reason.ID_MISMATCH


def test_a_replaced_card_is_outdated_and_the_new_one_passes(desk: IdDesk, builder: Faker) -> None:
    customer, presented = builder.invalid_variant(Flaw.OUTDATED_ID_CARD, today=TODAY)
    assert presented.id_card is not None and customer.resident_card is not None
    session = desk.session_of(customer)
    assert refusal(desk, session, presented.id_card) is Reason.ID_OUTDATED
    assert desk.photograph_and_confirm(session, customer.resident_card) is Stage.ID_VERIFIED


def test_a_licence_is_not_compared_on_its_issue_date(desk: IdDesk, builder: Faker) -> None:
    # 운전면허증: name, birth date and licence number; the day printed on the card is not among them.
    customer = builder.customer(with_licence=True, today=TODAY)
    assert customer.driver_licence is not None
    later = replace(customer.driver_licence, issued_on=customer.driver_licence.issued_on + timedelta(days=1))
    assert desk.photograph_and_confirm(desk.session_of(customer), later) is Stage.ID_VERIFIED


def test_a_poor_photo_is_refused_and_changes_nothing(desk: IdDesk, builder: Faker) -> None:
    customer = builder.customer(today=TODAY)
    assert customer.resident_card is not None
    session = desk.session_of(customer)
    with pytest.raises(PoorPhoto) as refused:
        desk.check.read(session, camera_frame(customer.resident_card, PhotoCondition.DARK))
    assert refused.value.reason is Reason.ID_UNREADABLE and refused.value.problems == ["too dark"]
    with pytest.raises(BankError) as nothing_read:
        desk.check.confirm(session)
    assert nothing_read.value.reason is Reason.ID_UNREADABLE
    # A good reading stays what the customer confirms, whatever a later poor photo looked like.
    desk.check.read(session, camera_frame(customer.resident_card))
    with pytest.raises(PoorPhoto):
        desk.check.read(session, camera_frame(customer.resident_card, PhotoCondition.BLURRED))
    stored = desk.sessions.find(session.id)
    assert stored is not None and stored.data["card"]["name"] == customer.name


# The screen over HTTP: the camera's upload, the album's, and the reader fault arranged through test control.

KIM_CARD = ResidentCard("김민준", "9003151234567", date(2020, 5, 1), "서울특별시 종로구청장")  # conftest's KIM
RETAKE_ADVICE = "조명이 좋고 배경이 단순한 곳에서 다시 촬영해 주세요"


def post_photo(client: TestClient, name: str, content: bytes, kind: str) -> Any:
    return client.post("/issue/id/photo", files={"id_photo": (name, content, kind)}, follow_redirects=False)


def test_the_screen_reads_a_camera_frame_and_an_album_picture(screens: Screens, client: TestClient) -> None:
    screens.verify_account()
    dark = post_photo(client, "id-card.jpg", camera_frame(KIM_CARD, PhotoCondition.DARK), "image/jpeg")
    assert dark.status_code == 400 and RETAKE_ADVICE in dark.text
    assert post_photo(client, "id-card.png", card_png(KIM_CARD), "image/png").status_code == 303
    assert post_photo(client, "id-card.jpg", camera_frame(KIM_CARD), "image/jpeg").status_code == 303
    assert "김민준" in client.get("/issue/id").text
    confirmed = client.post("/issue/id/confirm", follow_redirects=False)
    assert confirmed.status_code == 303 and confirmed.headers["location"] == "/issue/credentials"


def test_the_reader_fault_refuses_the_next_photo_only(screens: Screens, client: TestClient) -> None:
    screens.verify_account()
    client.put("/_test/faults/id-reader", json={})
    refused = post_photo(client, "id-card.jpg", camera_frame(KIM_CARD), "image/jpeg")
    assert refused.status_code == 400 and RETAKE_ADVICE in refused.text
    assert post_photo(client, "id-card.jpg", camera_frame(KIM_CARD), "image/jpeg").status_code == 303
