"""Step screenshots are made small without losing what they show or letting a masked value through."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from support.evidence_images import PALETTE_COLOURS, compact_screenshot

MASK = (0, 0, 0)  # the step screenshots' mask (support/screen_shots.py: MASK_STYLE)


def screen_with_text_and_mask() -> bytes:
    screen = Image.new("RGB", (412, 839), (249, 249, 249))
    draw = ImageDraw.Draw(screen)
    for row in range(40):
        draw.text((16, 20 * row), "인증서 비밀번호 123456 KB국민", fill=(20 + row, 20, 20))
    draw.rectangle((16, 400, 396, 440), fill=MASK)
    buffer = io.BytesIO()
    screen.save(buffer, "PNG")
    return buffer.getvalue()


def test_compact_screenshot_keeps_its_size_and_shrinks_its_bytes() -> None:
    original = screen_with_text_and_mask()
    compact = compact_screenshot(original)
    with Image.open(io.BytesIO(compact)) as image:
        assert image.format == "WEBP"
        assert image.size == (412, 839)
        assert len(image.convert("RGB").getcolors(maxcolors=1024) or []) <= PALETTE_COLOURS
    assert len(compact) < len(original)


def test_a_masked_region_stays_one_solid_colour() -> None:
    with Image.open(io.BytesIO(compact_screenshot(screen_with_text_and_mask()))) as image:
        masked = image.convert("RGB").crop((16, 400, 397, 441))
        colours = masked.getcolors(maxcolors=16) or []
    assert len(colours) == 1, colours
    assert max(colours[0][1]) < 30, colours  # still black
