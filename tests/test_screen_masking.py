"""Screenshots paint over every element marked data-pii (support/screen_shots.py), and the screens mark them all."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page

from support.screen_shots import screen_png
from tests.screen_templates import TEMPLATES, start_tags


def secret_elements(template: Path) -> list[tuple[str, bool]]:
    """Elements that show a secret or a full personal number: (what it is, whether it is marked data-pii)."""
    found: list[tuple[str, bool]] = []
    for tag, attrs in start_tags(template):
        if "data-keys" in attrs:
            what = "the PIN keypad"
        elif "data-pattern-grid" in attrs:
            what = "the pattern grid"
        elif tag == "input" and attrs.get("name") in {"account_number", "phone"}:
            what = f"the {attrs['name']} field"
        else:
            continue
        found.append((what, "data-pii" in attrs))
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_secrets_and_full_numbers_are_marked_for_masking(template: Path) -> None:
    unmarked = [what for what, marked in secret_elements(template) if not marked]
    assert unmarked == [], f"{template.name}: {unmarked} lack data-pii"


def test_the_keypad_pattern_and_account_fields_are_all_found() -> None:
    # Guards the test above against passing because it found nothing to check.
    found = {what for template in TEMPLATES for what, _ in secret_elements(template)}
    assert found == {"the PIN keypad", "the pattern grid", "the account_number field", "the phone field"}


# One of each kind of thing the app marks: text, a field's value, a keypad of buttons, a canvas, a video's picture.
MARKED = """<p id="text" data-pii>900101-1234567</p>
<input id="field" data-pii value="123456789012" style="color: red">
<div id="keys" data-pii style="display: flex"><button>1</button><button>2</button></div>
<canvas id="canvas" data-pii width="120" height="60"></canvas>
<video id="video" data-pii width="120" height="60" poster="{poster}"></video>
<p id="plain">고객 이름</p>
<script>const c = document.getElementById("canvas").getContext("2d"); c.fillStyle = "red"; c.fillRect(0, 0, 120, 60);
</script>"""


def red_png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (255, 0, 0)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_every_kind_of_marked_element_is_one_black_box_in_the_screenshot(page: Page) -> None:
    page.set_content('<!doctype html><html lang="ko"><head><meta name="viewport" content="width=device-width">'
                     f'</head><body style="background: #fff">{MARKED.format(poster=red_png())}</body></html>')
    with Image.open(io.BytesIO(screen_png(page))) as shot:
        screen = shot.convert("RGB")
    scale = screen.width / page.viewport_size["width"] if page.viewport_size else 1
    for element in ("text", "field", "keys", "canvas", "video", "plain"):
        box = page.locator(f"#{element}").bounding_box()
        assert box is not None
        # Two pixels in from each edge: scaled down from the device's pixels, the box's edge blends with its
        # surroundings.
        inner = tuple(round(value * scale) for value in (box["x"] + 2, box["y"] + 2, box["x"] + box["width"] - 2,
                                                         box["y"] + box["height"] - 2))
        colours = {colour for _, colour in screen.crop(inner).getcolors(maxcolors=100_000) or []}
        if element == "plain":
            assert colours != {(0, 0, 0)}, "an unmarked element must stay readable"
        else:
            assert colours == {(0, 0, 0)}, f"#{element} shows {sorted(colours)[:5]} through its mask"
