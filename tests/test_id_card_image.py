"""ID card pictures: the harness draws them; the mock bank reads them back and judges their quality."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from faker import Faker
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from identities import KoreanIdentityProvider
from identities.customer import DriverLicence, ResidentCard
from identities.id_card_image import CARD_SIZE, card_jpeg, card_png, render_card
from mock_bank.errors import Reason
from mock_bank.services.id_reader import CardFields, UnreadableCard, measure_quality, read_card

Card = ResidentCard | DriverLicence


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    fake = Faker("ko_KR")
    fake.add_provider(KoreanIdentityProvider)
    fake.seed_instance(42)
    customer = fake.customer(with_licence=True, today=date(2025, 6, 1))
    assert customer.resident_card is not None and customer.driver_licence is not None
    return [customer.resident_card, customer.driver_licence]


def expected(card: Card) -> CardFields:
    if isinstance(card, ResidentCard):
        return CardFields("resident", card.name, card.rrn, card.issued_on, card.office, None, None)
    return CardFields("driver", card.name, card.rrn, card.issued_on, None, card.number, card.serial)


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
