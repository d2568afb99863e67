"""Which photos of a test ID card the bank reads: JPEG quality x chroma subsampling x tilt x keystone.

Run: .venv/bin/python scripts/id_photo_matrix.py [--through-canvas]
Each cell is what the bank's ID step would do with that JPEG: `ok` (read), or the photo standard's
refusals (dark, blur, clutter), or `unread` when the code strip could not be read. --through-canvas
first passes each frame the way the app's camera does: decoded to 4:2:0 video, then re-encoded by the
canvas at quality 0.92 (mock_bank/web/static/camera.js).
"""

from __future__ import annotations

import argparse
import io
from datetime import date

from faker import Faker
from PIL import Image

from identities import KoreanIdentityProvider
from identities.card_photos import PhotoCondition, photograph
from identities.card_pose import Pose
from identities.customer import Card
from mock_bank.services.id_check import PhotoStandard
from mock_bank.services.id_reader import UnreadableCard, measure_quality, read_card

QUALITIES = (75, 85, 92, 95)
SUBSAMPLINGS = {"4:2:0": 2, "4:4:4": 0}
HELD = 0.9  # a tilted card must fill less of the frame, or its corners leave it
POSES = [("fills frame", Pose())] + [
    (f"{tilt:+}° {keystone:.0%}{' side' if side else ''}",
     Pose(fill=HELD, tilt=tilt, keystone=0 if side else keystone, side_keystone=keystone if side else 0))
    for tilt in (0, 2, 5, -5) for keystone in (0, 0.03, 0.06) for side in (False, True) if keystone or not side]
SHORT = {"too dark": "dark", "out of focus": "blur", "busy background": "clutter"}


def encode(image: Image.Image, quality: int, subsampling: int) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return buffer.getvalue()


def through_canvas(frame: bytes) -> bytes:
    with Image.open(io.BytesIO(frame)) as opened:
        luma, blue, red = opened.convert("YCbCr").split()
    half = (luma.width // 2, luma.height // 2)
    chroma = [band.resize(half, Image.Resampling.BOX).resize(luma.size, Image.Resampling.BILINEAR)
              for band in (blue, red)]
    return encode(Image.merge("YCbCr", (luma, *chroma)), 92, 2)


def verdict(frame: bytes) -> str:
    problems = PhotoStandard().problems(measure_quality(frame))
    if problems:
        return "+".join(SHORT[problem] for problem in problems)
    try:
        read_card(frame)
    except UnreadableCard:
        return "unread"
    return "ok"


def row(card: Card, condition: PhotoCondition, pose: Pose | None, canvas: bool) -> list[str]:
    """One photo at every quality; pose None is the harness's own for the condition."""
    image = photograph(card, condition, pose)
    cells = []
    for quality in QUALITIES:
        for subsampling in SUBSAMPLINGS.values():
            frame = encode(image, quality, subsampling)
            cells.append(verdict(through_canvas(frame) if canvas else frame))
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--through-canvas", action="store_true")
    canvas = parser.parse_args().through_canvas
    fake = Faker("ko_KR")
    fake.add_provider(KoreanIdentityProvider)
    fake.seed_instance(42)
    customer = fake.customer(with_licence=True, today=date(2025, 6, 1))
    cards = [card for card in (customer.resident_card, customer.driver_licence) if card is not None]
    header = [f"q{quality} {name}" for quality in QUALITIES for name in SUBSAMPLINGS]
    print(f"| card | photo | {' | '.join(header)} |")
    print(f"|---|---|{'---|' * len(header)}")
    poor = [condition for condition in PhotoCondition if condition is not PhotoCondition.GOOD]
    cases: list[tuple[PhotoCondition, str, Pose | None]] = [(PhotoCondition.GOOD, name, pose) for name, pose in POSES]
    cases += [(condition, condition.value, None) for condition in poor]
    for card in cards:
        for condition, name, pose in cases:
            cells = row(card, condition, pose, canvas)
            print(f"| {type(card).__name__} | {name} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
