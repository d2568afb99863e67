"""Pictures of test ID cards, with a code strip that mock_bank/services/id_reader.py reads in place of OCR.

The strip, written down here and in the reader (the mock bank imports nothing from the harness):
the card is 856x540 and the whole image is the card. At (36, 428) a 98x12-cell box of 8-pixel cells:
a one-cell black frame around 10 rows x 96 columns of data cells, with white around the frame. The data
are 120 bytes, row-major, most significant bit first: a 2-byte big-endian payload length, the UTF-8
payload, the CRC32 of length and payload (4 bytes, big-endian), then 0xEC 0x11 repeated. A cell is black
when its bit differs from (row + column) % 2, a checkerboard mask that keeps large areas from one colour.
The payload is `kind|name|rrn|issued_on|office-or-licence-number|serial`: kind 'resident' or 'driver',
the 13-digit RRN, issued_on as YYYY-MM-DD, and an empty serial on a resident card.
"""

from __future__ import annotations

import io
import zlib
from datetime import date
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from identities import rrn as rrns
from identities.customer import DriverLicence, ResidentCard
from identities.licence import ISSUERS

CARD_SIZE = (856, 540)
CELL = 8
ROWS, COLUMNS = 10, 96
STRIP_ORIGIN = (36, 428)
CAPACITY = ROWS * COLUMNS // 8
MAX_PAYLOAD = CAPACITY - 6

FONT_DIR = Path("/usr/share/fonts/truetype/nanum")
INK = (34, 34, 38)
SEAL_RED = (200, 40, 40)

Card = ResidentCard | DriverLicence


def render_card(card: Card) -> Image.Image:
    image = Image.new("RGB", CARD_SIZE, "white")
    draw = ImageDraw.Draw(image)
    if isinstance(card, ResidentCard):
        _background(draw, top=(226, 238, 250), bottom=(248, 251, 255))
        _resident_face(image, draw, card)
    else:
        _background(draw, top=(222, 242, 228), bottom=(252, 246, 240))
        _licence_face(image, draw, card)
    _draw_strip(draw, strip_cells(payload(card)))
    return image


def card_png(card: Card) -> bytes:
    buffer = io.BytesIO()
    render_card(card).save(buffer, "PNG")
    return buffer.getvalue()


def card_jpeg(card: Card, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    render_card(card).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def payload(card: Card) -> bytes:
    if isinstance(card, ResidentCard):
        fields = ("resident", card.name, card.rrn, card.issued_on.isoformat(), card.office, "")
    else:
        fields = ("driver", card.name, card.rrn, card.issued_on.isoformat(), card.number, card.serial)
    if any("|" in field for field in fields):
        raise ValueError("card fields cannot contain '|', the strip's separator")
    data = "|".join(fields).encode()
    if len(data) > MAX_PAYLOAD:
        raise ValueError(f"card fields take {len(data)} bytes; the strip holds {MAX_PAYLOAD}")
    return data


def strip_cells(data: bytes) -> list[list[bool]]:
    """The data cells, True where black, for a payload of at most MAX_PAYLOAD bytes."""
    framed = len(data).to_bytes(2, "big") + data
    framed += zlib.crc32(framed).to_bytes(4, "big")
    framed += bytes(0xEC if index % 2 == 0 else 0x11 for index in range(CAPACITY - len(framed)))
    bits = [(byte >> (7 - shift)) & 1 for byte in framed for shift in range(8)]
    return [[bits[row * COLUMNS + column] != (row + column) % 2 for column in range(COLUMNS)]
            for row in range(ROWS)]


def _draw_strip(draw: ImageDraw.ImageDraw, cells: list[list[bool]]) -> None:
    left, top = STRIP_ORIGIN
    width, height = (COLUMNS + 2) * CELL, (ROWS + 2) * CELL
    margin = 2 * CELL
    draw.rectangle((left - margin, top - margin, left + width + margin - 1, top + height + margin - 1),
                   fill="white")
    draw.rectangle((left, top, left + width - 1, top + height - 1), fill="black")
    draw.rectangle((left + CELL, top + CELL, left + width - CELL - 1, top + height - CELL - 1), fill="white")
    for row, line in enumerate(cells):
        for column, black in enumerate(line):
            if black:
                x, y = left + (column + 1) * CELL, top + (row + 1) * CELL
                draw.rectangle((x, y, x + CELL - 1, y + CELL - 1), fill="black")


def _resident_face(image: Image.Image, draw: ImageDraw.ImageDraw, card: ResidentCard) -> None:
    draw.text((52, 34), "주 민 등 록 증", font=_font(52, bold=True), fill=INK)
    draw.text((56, 128), card.name, font=_font(42, bold=True), fill=INK)
    draw.text((56, 190), rrns.mask(card.rrn), font=_font(38), fill=INK)
    _photo(image, (606, 44, 806, 300))
    _signature(draw, card.issued_on, card.office, centre_x=330, top=276)


def _licence_face(image: Image.Image, draw: ImageDraw.ImageDraw, card: DriverLicence) -> None:
    draw.rectangle((0, 0, CARD_SIZE[0] - 1, 92), fill=(46, 125, 90))
    draw.text((40, 20), "자동차운전면허증", font=_font(46, bold=True), fill="white")
    draw.text((560, 34), "Driver's License", font=_font(24), fill=(220, 240, 228))
    _photo(image, (40, 114, 220, 336))
    # The 암호일련번호 sits under the photo, as on a real licence.
    draw.text((130, 346), card.serial, font=_font(22, bold=True), fill=INK, anchor="mt")
    label, value = _font(22), _font(32, bold=True)
    for row, (caption, text) in enumerate((("면허번호", card.number), ("성명", card.name),
                                           ("주민등록번호", rrns.mask(card.rrn)))):
        y = 116 + row * 58
        draw.text((250, y + 8), caption, font=label, fill=(90, 90, 96))
        draw.text((410, y), text, font=value, fill=INK)
    _signature(draw, card.issued_on, ISSUERS[card.region], centre_x=560, top=296)


def _signature(draw: ImageDraw.ImageDraw, issued_on: date, issuer: str, centre_x: int, top: int) -> None:
    # Cards print the date without zero padding: '2015. 3. 4.'
    when = f"{issued_on.year}. {issued_on.month}. {issued_on.day}."
    draw.text((centre_x, top), when, font=_font(28), fill=INK, anchor="mt")
    issuer_font = _font(32, bold=True)
    draw.text((centre_x, top + 44), issuer, font=issuer_font, fill=INK, anchor="mt")
    right = centre_x + draw.textlength(issuer, font=issuer_font) / 2 + 10
    draw.rounded_rectangle((right, top + 36, right + 50, top + 86), radius=6, outline=SEAL_RED, width=4)
    draw.text((right + 25, top + 61), "인", font=_font(26, bold=True), fill=SEAL_RED, anchor="mm")


def _photo(image: Image.Image, box: tuple[int, int, int, int]) -> None:
    """A grey head-and-shoulders silhouette, drawn apart so the shoulders are cut at the photo's edge."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    photo = Image.new("RGB", (width, height), (214, 222, 232))
    draw = ImageDraw.Draw(photo)
    grey = (118, 124, 136)
    draw.ellipse((width * 0.04, height * 0.68, width * 0.96, height * 1.3), fill=grey)
    draw.ellipse((width * 0.28, height * 0.16, width * 0.72, height * 0.62), fill=grey)
    draw.rectangle((0, 0, width - 1, height - 1), outline=(150, 156, 166), width=2)
    image.paste(photo, (left, top))


def _background(draw: ImageDraw.ImageDraw, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> None:
    # The tint stops well above the strip, whose reader wants a plain white margin around it.
    height = STRIP_ORIGIN[1] - 3 * CELL
    for y in range(height):
        share = y / height
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        draw.line((0, y, CARD_SIZE[0], y), fill=colour)
    for radius in range(60, 420, 36):  # guilloche-like rings, faint enough not to hide the text
        draw.ellipse((430 - radius, 200 - radius // 2, 430 + radius, 200 + radius // 2),
                     outline=(200, 212, 226))


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / ("NanumGothicBold.ttf" if bold else "NanumGothic.ttf")
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: install fonts-nanum to draw Korean on ID cards")
    return ImageFont.truetype(str(path), size)
