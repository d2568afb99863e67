"""ID photos as phones take them: ordinary JPEG, a card held by hand (tilted, keystoned, not filling the frame).

Each good photo must be read, each poor one refused for what is wrong with it, and a card whose code strip
leaves the picture refused as unreadable, never with an exception of its own.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw

from conftest import Screens
from identities.card_photos import PhotoCondition, camera_frame, photograph
from identities.card_pose import Pose
from identities.customer import ResidentCard
from mock_bank.errors import Reason
from mock_bank.services.id_check import PhotoStandard
from mock_bank.services.id_reader import UnreadableCard, measure_quality, read_card
from tests.id_cards import Card, cards_of_one_customer, expected

HELD = Pose(fill=0.9)  # a card held in front of the lens, not laid exactly into the app's frame
KIM_CARD = ResidentCard("김민준", "9003151234567", date(2020, 5, 1), "서울특별시 종로구청장")  # conftest's KIM
RETAKE_ADVICE = "조명이 좋고 배경이 단순한 곳에서 다시 촬영해 주세요"


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return cards_of_one_customer(14, date(2025, 6, 1))


def phone_jpeg(image: Image.Image, quality: int = 88, subsampling: int = 2) -> bytes:
    """What a phone writes: 4:2:0 chroma (subsampling 2) at an ordinary quality."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return buffer.getvalue()


def judged(frame: bytes) -> list[str]:
    return PhotoStandard().problems(measure_quality(frame))


@pytest.mark.parametrize("quality", [75, 85, 92, 95])
def test_an_ordinary_4_2_0_jpeg_of_a_held_card_reads(cards: list[Card], quality: int) -> None:
    for card in cards:
        frame = phone_jpeg(photograph(card, pose=HELD), quality)
        assert judged(frame) == []
        assert read_card(frame) == expected(card)


@pytest.mark.parametrize("tilt", [-5, -3, 3, 5])
def test_a_tilted_card_reads(cards: list[Card], tilt: float) -> None:
    for card in cards:
        frame = phone_jpeg(photograph(card, pose=Pose(fill=0.9, tilt=tilt)))
        assert judged(frame) == []
        assert read_card(frame) == expected(card)


@pytest.mark.parametrize("pose", [
    Pose(fill=0.9, keystone=0.06), Pose(fill=0.9, keystone=-0.06),
    Pose(fill=0.9, side_keystone=0.06), Pose(fill=0.9, side_keystone=-0.06),
    Pose(fill=0.85, tilt=5, keystone=0.06), Pose(fill=0.85, tilt=-4, keystone=0.03, side_keystone=0.03),
], ids=["top-short", "bottom-short", "left-short", "right-short", "tilted-top-short", "tilted-corner"])
def test_a_keystoned_card_reads(cards: list[Card], pose: Pose) -> None:
    for card in cards:
        frame = phone_jpeg(photograph(card, pose=pose), quality=85)
        assert judged(frame) == []
        assert read_card(frame) == expected(card)


@pytest.mark.parametrize(("condition", "problem"), [
    (PhotoCondition.DARK, "too dark"), (PhotoCondition.BLURRED, "out of focus"),
    (PhotoCondition.CLUTTERED, "busy background")])
@pytest.mark.parametrize("pose", [None, Pose(fill=0.9, tilt=4, keystone=0.05)], ids=["as-framed", "held"])
def test_a_poor_photo_is_still_refused_for_what_is_wrong(cards: list[Card], condition: PhotoCondition,
                                                         problem: str, pose: Pose | None) -> None:
    for card in cards:
        assert judged(phone_jpeg(photograph(card, condition, pose))) == [problem]


def test_a_card_held_on_a_busy_desk_is_readable_so_it_is_refused_for_the_desk(cards: list[Card]) -> None:
    # Gaps between the desk's pens once passed for the card's plain margin beside the strip.
    for pose in (Pose(fill=0.85, tilt=3, keystone=-0.06), Pose(fill=0.8)):
        for card in cards:
            assert read_card(phone_jpeg(photograph(card, PhotoCondition.CLUTTERED, pose))) == expected(card)


def test_one_object_at_the_pictures_edge_is_not_a_busy_background(cards: list[Card]) -> None:
    # A printed receipt lying across the top edge of an otherwise plain desk: one piece of the ring is busy.
    image = photograph(cards[0], pose=Pose(fill=0.9, tilt=3))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, -10, 400, 16), fill="white")
    for y in range(-8, 16, 3):
        draw.line((50, y, 390, y), fill=(60, 60, 60), width=1)
    frame = phone_jpeg(image)
    assert judged(frame) == []
    assert read_card(frame) == expected(cards[0])


def test_a_turned_cards_own_edge_in_the_ring_is_not_a_busy_background(cards: list[Card]) -> None:
    # At 95% of the frame a turned card's corners reach into the ring; the desk around it is plain.
    for card in cards:
        frame = phone_jpeg(photograph(card, pose=Pose(fill=0.95, tilt=3, keystone=-0.06)))
        assert judged(frame) == []
        assert read_card(frame) == expected(card)


@pytest.mark.parametrize("placed", ["turned-filling-the-frame", "shifted-left", "cut-at-the-bottom"])
def test_a_card_partly_off_the_picture_is_unreadable(cards: list[Card], placed: str) -> None:
    if placed == "turned-filling-the-frame":  # the strip's corner turns out of the frame
        image = photograph(cards[0], pose=Pose(fill=1.0, tilt=5))
    elif placed == "shifted-left":
        image = Image.new("RGB", (856, 540), (196, 180, 160))
        image.paste(photograph(cards[0], pose=HELD), (-120, 0))
    else:
        image = photograph(cards[0], pose=HELD).crop((0, 0, 856, 480)).resize((856, 540))
    with pytest.raises(UnreadableCard) as refusal:
        read_card(phone_jpeg(image))
    assert refusal.value.reason is Reason.ID_UNREADABLE


def test_a_strip_off_the_picture_gets_the_retake_advice_over_http(screens: Screens, client: TestClient) -> None:
    screens.verify_account()
    image = Image.new("RGB", (856, 540), (196, 180, 160))
    image.paste(photograph(KIM_CARD, pose=HELD), (-120, 0))
    refused = client.post("/issue/id/photo", files={"id_photo": ("id-card.jpg", phone_jpeg(image), "image/jpeg")},
                          follow_redirects=False)
    assert refused.status_code == 400 and RETAKE_ADVICE in refused.text
    held = client.post("/issue/id/photo", files={"id_photo": ("id-card.jpg", camera_frame(KIM_CARD, pose=HELD),
                                                              "image/jpeg")}, follow_redirects=False)
    assert held.status_code == 303


def test_a_photo_turned_by_its_exif_orientation_reads(cards: list[Card]) -> None:
    # Phones store the pixels as the sensor read them and say in EXIF how to turn them (6: 90 degrees clockwise).
    upright = photograph(cards[1], pose=HELD)
    stored = upright.rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=88, exif=exif)
    assert read_card(buffer.getvalue()) == expected(cards[1])
