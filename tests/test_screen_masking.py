"""Screenshots paint over every element marked data-pii (fixtures/reporting.py): the screens must mark them all."""

from __future__ import annotations

from pathlib import Path

import pytest

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
