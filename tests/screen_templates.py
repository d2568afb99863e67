"""The mock bank's screen templates read as HTML start tags, for checks on what every screen shows."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "mock_bank" / "web" / "templates").glob("*.html"))


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(template: Path) -> list[tuple[str, dict[str, str | None]]]:
    """Each element's tag and attributes, in order; Jinja inside attribute values stays as written."""
    parser = _StartTags()
    parser.feed(template.read_text("utf-8"))
    return parser.tags
