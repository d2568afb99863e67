"""What the phone's camera sees when a customer photographs an ID card, and that photo with its secrets covered.

A frame is the card filling the picture, as the app's card frame asks, seen through a lens: every camera
blurs a little, so even a good frame is softened by LENS_BLUR. The poor conditions are the guide's FIX-2
(신분증 촬영이 어려움) the other way round: too little light, out of focus, a busy background around a card
that does not fill the frame. Each stays readable by the bank's card reader, so that a photo is refused for
its quality, which is the rule a scenario checks, and not because the card could not be read at all.
A pose (identities/card_pose.py) holds the card the way a hand does instead: filling less of the frame, turned
a few degrees, its far edge shorter.

Frames are JPEG as phones write them: 4:2:0 chroma at PHONE_QUALITY. An earlier note here said 4:2:0
frames came back from Chromium's fake camera with artefacts that broke the strip's CRC, so frames were
quality 95 4:4:4. Measured again through Chromium 150's fake camera and the app's canvas (quality 0.92),
cards filling the frame read at quality 75, 85, 92 and 95 with 4:2:0 and 4:4:4 alike, even by the reader
from before it straightened held cards; held ones (90%, 5 degrees, 6% keystone) read too now.
scripts/id_photo_matrix.py has the same matrix without a browser.
"""

from __future__ import annotations

import io
import random
from enum import StrEnum

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from identities.card_pose import Pose, place
from identities.customer import Card, DriverLicence
from identities.id_card_image import CARD_SIZE, render_card


class PhotoCondition(StrEnum):
    GOOD = "good"
    DARK = "dark"
    BLURRED = "blurred"
    CLUTTERED = "cluttered"


LENS_BLUR = 0.7          # px of Gaussian blur on every frame
DARK_LIGHT = 0.25        # share of the light a dark room leaves
FOCUS_BLUR = 2.5         # px of Gaussian blur when out of focus, on top of the lens
CARD_SHARE = 0.97        # how much of the frame a card on a cluttered desk fills
DESK = (196, 180, 160)
DESK_SEED = 2020         # one desk for every cluttered photo, so a failure replays
DESK_ITEMS = 1200
# Phones' cameras write 4:2:0 JPEG at about quality 85-92 (Pillow's subsampling 2 is 4:2:0).
PHONE_QUALITY = 88
CHROMA_4_2_0 = 2

# What a masked frame covers, on the card's own 856x540 layout: the code strip (it carries the whole RRN)
# with room for a card that does not quite fill the frame, and on a licence its number and 암호일련번호.
STRIP_BAND = (0, 400, CARD_SIZE[0], CARD_SIZE[1])
LICENCE_SECRETS = ((400, 106, CARD_SIZE[0], 166), (36, 338, 224, 378))


def camera_frame(card: Card, condition: PhotoCondition = PhotoCondition.GOOD, pose: Pose | None = None) -> bytes:
    return _jpeg(photograph(card, condition, pose))


def photograph(card: Card, condition: PhotoCondition = PhotoCondition.GOOD, pose: Pose | None = None) -> Image.Image:
    """The card on a plain desk in the given pose (by default filling the frame), or on a busy one."""
    cluttered = condition is PhotoCondition.CLUTTERED
    desk = _desk(random.Random(DESK_SEED)) if cluttered else Image.new("RGB", CARD_SIZE, DESK)
    pose = pose or (Pose(fill=CARD_SHARE) if cluttered else Pose())
    frame = place(render_card(card), pose, desk).filter(ImageFilter.GaussianBlur(LENS_BLUR))
    if condition is PhotoCondition.DARK:
        frame = ImageEnhance.Brightness(frame).enhance(DARK_LIGHT)
    if condition is PhotoCondition.BLURRED:
        frame = frame.filter(ImageFilter.GaussianBlur(FOCUS_BLUR))
    return frame


def nothing_in_view() -> bytes:
    """The camera pointed at an empty desk: what the fake camera shows until a step puts a card there."""
    return _jpeg(Image.new("RGB", CARD_SIZE, DESK))


def mask_personal_data(frame: bytes, card: Card) -> bytes:
    """The frame with the code strip blacked out (and a licence's number and serial): safe for a report."""
    with Image.open(io.BytesIO(frame)) as opened:
        image = opened.convert("RGB")
    scale_x, scale_y = image.width / CARD_SIZE[0], image.height / CARD_SIZE[1]
    boxes = [STRIP_BAND, *(LICENCE_SECRETS if isinstance(card, DriverLicence) else ())]
    draw = ImageDraw.Draw(image)
    for left, top, right, bottom in boxes:
        draw.rectangle((left * scale_x, top * scale_y, right * scale_x, bottom * scale_y), fill="black")
    return _jpeg(image)


def _desk(rng: random.Random) -> Image.Image:
    """Pens, papers and crumbs: many small shapes in many colours, light enough on average to be a desk.

    DESK_ITEMS of them, so that every stretch of the frame's outer ring shows some: with 400, pieces of the
    ring were plain, and only a card's own edge in the ring had made the photo read as busy.
    """
    desk = Image.new("RGB", CARD_SIZE, DESK)
    draw = ImageDraw.Draw(desk)
    for _ in range(DESK_ITEMS):
        x, y = rng.randrange(CARD_SIZE[0]), rng.randrange(CARD_SIZE[1])
        colour = tuple(rng.randrange(60, 256) for _ in range(3))
        shape = rng.random()
        if shape < 0.4:
            draw.line((x, y, x + rng.randint(-80, 80), y + rng.randint(-80, 80)), fill=colour,
                      width=rng.randint(1, 4))
        elif shape < 0.7:
            draw.rectangle((x, y, x + rng.randint(4, 40), y + rng.randint(4, 40)), outline=colour, width=2)
        else:
            draw.ellipse((x, y, x + rng.randint(4, 30), y + rng.randint(4, 30)), fill=colour)
    return desk


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=PHONE_QUALITY, subsampling=CHROMA_4_2_0)
    return buffer.getvalue()
