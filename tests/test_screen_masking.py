"""Screenshots paint over every element marked data-pii (fixtures/reporting.py): the screens must mark them all."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[1] / "mock_bank" / "web" / "templates"


class SecretElements(HTMLParser):
    """Elements that show a secret or a full personal number: (what it is, whether it is marked data-pii)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        values = dict(attrs)
        if "data-keys" in names:
            what = "the PIN keypad"
        elif "data-pattern-grid" in names:
            what = "the pattern grid"
        elif tag == "input" and values.get("name") in {"account_number", "phone"}:
            what = f"the {values['name']} field"
        else:
            return
        self.found.append((what, "data-pii" in names))


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.html")), ids=lambda path: path.name)
def test_secrets_and_full_numbers_are_marked_for_masking(template: Path) -> None:
    parser = SecretElements()
    parser.feed(template.read_text("utf-8"))
    unmarked = [what for what, marked in parser.found if not marked]
    assert unmarked == [], f"{template.name}: {unmarked} lack data-pii"


def test_the_keypad_pattern_and_account_fields_are_all_found() -> None:
    # Guards the test above against passing because it found nothing to check.
    found: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        parser = SecretElements()
        parser.feed(template.read_text("utf-8"))
        found |= {what for what, _ in parser.found}
    assert found == {"the PIN keypad", "the pattern grid", "the account_number field", "the phone field"}
