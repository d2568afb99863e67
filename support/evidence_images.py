"""Step screenshots made small: CSS pixels and a 64-colour palette, which keeps screen text crisp.

Measured on the Pixel 7 profile (2026-12-02): a device-scale PNG (1082x2202) took about 150 ms and 60-80 KB;
at CSS scale (412x839) about 40 ms and 20-30 KB; the palette brings that to 6-10 KB for 11 ms more. JPEG at
CSS scale was no smaller than the PNG (screens are flat colour and text) and blurs the text.
"""

from __future__ import annotations

import io

from PIL import Image

PALETTE_COLOURS = 64


def compact_png(png: bytes) -> bytes:
    with Image.open(io.BytesIO(png)) as screen:
        reduced = screen.convert("RGB").quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    reduced.save(buffer, "PNG")
    return buffer.getvalue()
