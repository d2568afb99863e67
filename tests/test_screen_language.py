"""Every word on the screens is Korean: no browser-drawn control whose text follows the browser's language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "mock_bank" / "web" / "templates"


class FileInputs(HTMLParser):
    """File inputs, and whether each is out of sight (hidden, or visually hidden behind the app's own button)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag != "input" or values.get("type") != "file":
            return
        out_of_sight = "hidden" in values or "visually-hidden" in (values.get("class") or "").split()
        self.found.append((values.get("id") or values.get("name") or "?", out_of_sight))


def test_no_file_input_shows_the_browsers_own_button() -> None:
    # Chromium draws 'Choose File / No file chosen' in its own language, which report screenshots showed.
    found: list[tuple[str, bool]] = []
    for template in sorted(TEMPLATES.glob("*.html")):
        parser = FileInputs()
        parser.feed(template.read_text("utf-8"))
        found += [(f"{template.name}#{name}", hidden) for name, hidden in parser.found]
    assert found, "the ID screen's photo inputs were not found"
    assert [name for name, hidden in found if not hidden] == []
