"""Every word on the screens is Korean: no browser-drawn control whose text follows the browser's language."""

from __future__ import annotations

from tests.screen_templates import TEMPLATES, start_tags


def test_no_file_input_shows_the_browsers_own_button() -> None:
    # Chromium draws 'Choose File / No file chosen' in its own language, which report screenshots showed.
    # A file input is fine out of sight: hidden, or visually hidden behind the app's own Korean button.
    found = [(f"{template.name}#{attrs.get('id') or attrs.get('name')}",
              "hidden" in attrs or "visually-hidden" in (attrs.get("class") or "").split())
             for template in TEMPLATES for tag, attrs in start_tags(template)
             if tag == "input" and attrs.get("type") == "file"]
    assert found, "the ID screen's photo inputs were not found"
    assert [name for name, out_of_sight in found if not out_of_sight] == []
