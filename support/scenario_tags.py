"""What a scenario's Gherkin tags mean for the report: guide items, severity and whether it is manual."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

GUIDE_PREFIX = "guide:"

# Allure's five severities and the Korean aliases a feature may use instead (Allure's own Korean UI says
# 차단자 / 치명적 / 보통 / 경미함 / 사소함; the tags take the short stems).
SEVERITY_TAGS: dict[str, str] = {
    "blocker": "blocker",
    "critical": "critical",
    "normal": "normal",
    "minor": "minor",
    "trivial": "trivial",
    "차단": "blocker",
    "치명": "critical",
    "보통": "normal",
    "경미": "minor",
    "사소": "trivial",
}
SEVERITY_ORDER = ("blocker", "critical", "normal", "minor", "trivial")

MANUAL_TAGS = frozenset({"manual", "수동"})

# Tag → marker description, for --strict-markers; `critical` and `manual` are also declared in pyproject.
MARKER_HELP: dict[str, str] = {
    **{tag: f"Allure severity {severity} (Gherkin @{tag})" for tag, severity in SEVERITY_TAGS.items()},
    "수동": "same as manual: cannot be automated; kept in the report with its reason",
}


@dataclass(frozen=True)
class ScenarioTags:
    guide_ids: tuple[str, ...]
    severity: str | None
    manual: bool
    others: tuple[str, ...]


def classify(tags: Iterable[str]) -> ScenarioTags:
    """Sort tags (without '@') into guide IDs, the most severe severity, manual, and the rest.

    A scenario inherits its feature's tags, so `@normal` on a feature and `@critical` on one scenario both
    apply; the more severe one wins rather than whichever came last.
    """
    guide_ids: list[str] = []
    severities: set[str] = set()
    manual = False
    others: list[str] = []
    for tag in sorted(set(tags)):
        if tag.startswith(GUIDE_PREFIX):
            guide_ids.append(tag.removeprefix(GUIDE_PREFIX))
        elif tag in SEVERITY_TAGS:
            severities.add(SEVERITY_TAGS[tag])
        elif tag in MANUAL_TAGS:
            manual = True
        else:
            others.append(tag)
    severity = next((level for level in SEVERITY_ORDER if level in severities), None)
    return ScenarioTags(tuple(guide_ids), severity, manual, tuple(others))
