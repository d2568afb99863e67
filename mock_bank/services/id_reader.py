"""Reads an ID card picture's code strip (the bank's stand-in for OCR) and measures the picture's quality.

The strip, written down here and in identities/id_card_image.py, which draws it (the mock bank imports
nothing from the harness): the card is 856x540 at its own size. At (36, 428) a 98x12-cell box of 8-pixel
cells: a one-cell black frame around 10 rows x 96 columns of data cells, with white around the frame.
The data are 120 bytes, row-major, most significant bit first: a 2-byte big-endian payload length, the
UTF-8 payload, the CRC32 of length and payload (4 bytes, big-endian), then 0xEC 0x11 repeated. A cell is
black when its bit differs from (row + column) % 2. The payload is
`kind|name|rrn|issued_on|office-or-licence-number|serial`: kind 'resident' or 'driver', the 13-digit RRN,
issued_on as YYYY-MM-DD, and an empty serial on a resident card.

A photo need not be the card exactly: scaled to the card's size, the card may fill from half of it to all
of it, turned and seen at an angle; id_card_geometry.py finds the frame and straightens it.
"""

from __future__ import annotations

import io
import statistics
import zlib
from dataclasses import dataclass
from datetime import date

from PIL import Image, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError

from mock_bank.errors import BankError, Reason
from mock_bank.services.id_card_geometry import CARD_SIZE, CELL, COLUMNS, ROWS, StripNotFound, otsu, straight_strip

MAX_PHOTO_PIXELS = 50_000_000  # a 50-megapixel camera's photo; phones take 12 to 50
CAPACITY = ROWS * COLUMNS // 8

LAPLACIAN = ImageFilter.Kernel((3, 3), (0, 1, 0, 1, -4, 1, 0, 1, 0), scale=1, offset=128)
# The ring is 17 px by 11 px on the card's own size: inside the card's plain margin, clear of the code strip.
RING_SHARE = 0.02
BUSY_EDGE = 24


class PhotoTooLarge(BankError):
    """More pixels than any phone camera takes (or than the upload limit's bytes): refused before decoding."""

    status_code = 413

    def __init__(self) -> None:
        super().__init__(Reason.PHOTO_TOO_LARGE, "id_photo")


class UnreadableCard(BankError):
    """The strip is missing, damaged or fails its CRC; `detail` says which, for logs, not for customers."""

    def __init__(self, detail: str) -> None:
        super().__init__(Reason.ID_UNREADABLE)
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.detail}"


@dataclass(frozen=True)
class CardFields:
    kind: str
    name: str
    rrn: str
    issued_on: date
    office: str | None
    licence_number: str | None
    serial: str | None


@dataclass(frozen=True)
class Quality:
    """What a picture looks like, measured at the card's own size so that any camera's picture compares.

    brightness  mean luma, 0-255
    sharpness   variance of the Laplacian over the variance of luma: focus lowers it, dimming light does not
                (both scale together), so a dark photo is not also taken for a blurred one
    clutter     share of busy pixels (|Laplacian| > BUSY_EDGE) in the picture's outer ring of RING_SHARE,
                the lower quartile of its six pieces: a card that fills the picture leaves its own plain
                margin there, a card that does not leaves whatever lies around it
    """

    brightness: float
    sharpness: float
    clutter: float


def card_sized(image_bytes: bytes) -> Image.Image:
    """The photo decoded, in grey, scaled to the card's own size: what reading and measuring look at. Decoded
    once for both (decoding a 856x540 JPEG a second time cost about 3 ms of the 58 ms a photo took)."""
    return _open(image_bytes).resize(CARD_SIZE, Image.Resampling.BILINEAR)


def read_card(photo: bytes | Image.Image) -> CardFields:
    """The card's fields from its code strip; `photo` as sent, or already card_sized."""
    card = card_sized(photo) if isinstance(photo, bytes) else photo
    try:
        strip = straight_strip(card)
    except StripNotFound as error:
        raise UnreadableCard(str(error)) from error
    threshold = otsu(strip)
    # A cell read one pixel off can flip at a blurred edge; the CRC says when to try a nudged grid.
    for dx, dy in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
        data = _sample(strip, threshold, dx, dy)
        length = int.from_bytes(data[:2], "big")
        if length <= CAPACITY - 6:
            crc = int.from_bytes(data[2 + length:6 + length], "big")
            if zlib.crc32(data[:2 + length]) == crc:
                return _fields(data[2:2 + length])
    raise UnreadableCard("code strip fails its CRC")


def measure_quality(photo: bytes | Image.Image) -> Quality:
    """How the picture looks; `photo` as sent, or already card_sized."""
    luma = card_sized(photo) if isinstance(photo, bytes) else photo
    width, height = CARD_SIZE
    # Pillow leaves a kernel's outermost pixels unfiltered, so they are cut off before anything is counted.
    # The kernel's offset keeps negative responses; values past +-128 clip, which only lowers sharp scores.
    inner = (1, 1, width - 1, height - 1)
    edges = luma.filter(LAPLACIAN).crop(inner)
    luma_variance = ImageStat.Stat(luma.crop(inner)).var[0]
    sharpness = ImageStat.Stat(edges).var[0] / luma_variance if luma_variance else 0.0
    busy = edges.point(lambda level: 255 if abs(level - 128) > BUSY_EDGE else 0)
    shares = [ImageStat.Stat(piece).mean[0] / 255 for piece in _ring_pieces(busy)]
    # One pen lying across an edge, or a turned card's corner reaching into the ring, makes one or two pieces
    # busy; a busy desk shows in all of them. Measured with the harness's photos: 0.08-0.16 on its busy desk,
    # under 0.01 on a plain one (a mean over the whole ring put a turned card's own edge at up to 0.07).
    clutter = statistics.quantiles(shares, n=4, method="inclusive")[0]
    return Quality(brightness=ImageStat.Stat(luma).mean[0], sharpness=sharpness, clutter=clutter)


def _ring_pieces(busy: Image.Image) -> list[Image.Image]:
    """The outer ring in six pieces of about equal length: the top's halves, the right side, the bottom's halves,
    the left side."""
    width, height = busy.size
    ring_x, ring_y = round(CARD_SIZE[0] * RING_SHARE), round(CARD_SIZE[1] * RING_SHARE)
    half = width // 2
    boxes = [(0, 0, half, ring_y), (half, 0, width, ring_y),
             (width - ring_x, ring_y, width, height - ring_y),
             (half, height - ring_y, width, height), (0, height - ring_y, half, height),
             (0, ring_y, ring_x, height - ring_y)]
    return [busy.crop(box) for box in boxes]


def _open(image_bytes: bytes) -> Image.Image:
    try:
        with Image.open(io.BytesIO(image_bytes)) as image:
            # The header is read first: a small file can claim 20000x20000 pixels and decode to gigabytes.
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise PhotoTooLarge()
            # Phones store the sensor's pixels as read and say in EXIF how to turn them; an upload keeps them so.
            return ImageOps.exif_transpose(image).convert("L")
    except Image.DecompressionBombError as error:
        raise PhotoTooLarge() from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise UnreadableCard(f"not a picture ({type(error).__name__})") from error


def _sample(strip: Image.Image, threshold: float, dx: int, dy: int) -> bytes:
    """The data cells of a straightened strip (one cell CELL px, the frame's outer corner at 0, 0), as bytes."""
    pixels, width = strip.tobytes(), strip.width
    # The middle half of each cell: JPEG ringing and resampling blur live at the edges.
    inset, span = CELL // 4, CELL // 2
    bits = []
    for row in range(ROWS):
        top = (row + 1) * CELL + inset + dy
        for column in range(COLUMNS):
            left = (column + 1) * CELL + inset + dx
            total = sum(pixels[y * width + x] for y in range(top, top + span) for x in range(left, left + span))
            bits.append(int((total / span**2 < threshold) != bool((row + column) % 2)))
    return bytes(int("".join(map(str, bits[start:start + 8])), 2) for start in range(0, len(bits), 8))


def _fields(payload: bytes) -> CardFields:
    try:
        kind, name, rrn, issued_on, document, serial = payload.decode().split("|")
        issued = date.fromisoformat(issued_on)
    except ValueError as error:
        raise UnreadableCard(f"code strip holds no card fields: {error}") from error
    if len(rrn) != 13 or not rrn.isdigit():
        raise UnreadableCard("code strip holds no RRN")
    if kind == "resident":
        return CardFields(kind, name, rrn, issued, document, None, None)
    if kind == "driver":
        return CardFields(kind, name, rrn, issued, None, document, serial)
    raise UnreadableCard(f"code strip holds an unknown card kind {kind!r}")
