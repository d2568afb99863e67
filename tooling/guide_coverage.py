"""Which scenarios cover each guide item, with their last result; the gaps; tags naming unknown items."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from support.feature_files import ScenarioCase
from support.guide_catalog import GuideCatalog, GuideItem
from support.scenario_tags import classify

LOCATION_LABEL = "location"  # written by fixtures/report_labels.py: 'features/x.feature:12'

# Worst first: an outline's Examples block shows the worst of its rows.
STATUS_ORDER = ("broken", "failed", "unknown", "skipped", "passed")
STATUS_WORDS = {"passed": "통과", "failed": "실패", "broken": "오류", "skipped": "건너뜀", "unknown": "알 수 없음"}
NO_RESULT = "결과 없음"


@dataclass(frozen=True)
class CoveringCase:
    location: str
    title: str
    feature: str
    manual: bool
    status: str | None

    @property
    def result(self) -> str:
        if self.status is None:
            return NO_RESULT
        return STATUS_WORDS.get(self.status, self.status)


@dataclass(frozen=True)
class ItemCoverage:
    item: GuideItem
    cases: tuple[CoveringCase, ...]

    @property
    def automated(self) -> bool:
        return any(not case.manual for case in self.cases)

    @property
    def manual_only(self) -> bool:
        return bool(self.cases) and not self.automated

    @property
    def gap(self) -> bool:
        return not self.cases


@dataclass(frozen=True)
class UnknownTag:
    location: str
    item_id: str


@dataclass
class Coverage:
    items: list[ItemCoverage] = field(default_factory=list)
    unknown: list[UnknownTag] = field(default_factory=list)

    @property
    def gaps(self) -> list[ItemCoverage]:
        return [entry for entry in self.items if entry.gap]

    @property
    def manual(self) -> list[ItemCoverage]:
        return [entry for entry in self.items if entry.manual_only]

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.unknown


def last_results(results_dir: Path | None) -> dict[str, str]:
    """Status by case location from Allure results: the latest result of each test, the worst row of a block."""
    if results_dir is None or not results_dir.is_dir():
        return {}
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for path in results_dir.glob("*-result.json"):
        try:
            result = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue  # a half-written file from a crashed worker is not a result
        location = next((label.get("value") for label in result.get("labels", [])
                         if label.get("name") == LOCATION_LABEL), None)
        if not isinstance(location, str):
            continue
        test = (location, str(result.get("historyId", path.name)))
        when = int(result.get("stop") or result.get("start") or 0)
        if test not in latest or when >= latest[test][0]:
            latest[test] = (when, str(result.get("status", "unknown")))
    statuses: dict[str, str] = {}
    for (location, _), (_, status) in latest.items():
        known = statuses.get(location)
        statuses[location] = status if known is None else min(known, status, key=_severity_rank)
    return statuses


def _severity_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else STATUS_ORDER.index("unknown")


def measure(cases: Iterable[ScenarioCase], catalog: GuideCatalog, statuses: dict[str, str]) -> Coverage:
    covering: dict[str, list[CoveringCase]] = {item_id: [] for item_id in catalog}
    coverage = Coverage()
    for case in cases:
        meaning = classify(case.tags)
        entry = CoveringCase(case.location, case.title, case.feature.name, meaning.manual,
                             statuses.get(case.location))
        for item_id in meaning.guide_ids:
            if item_id in covering:
                covering[item_id].append(entry)
            else:
                coverage.unknown.append(UnknownTag(case.location, item_id))
    coverage.items = [ItemCoverage(catalog[item_id], tuple(found)) for item_id, found in covering.items()]
    return coverage
