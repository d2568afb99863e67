"""Scenarios that passed only on a retry (pytest-rerunfailures): marked flaky in the Allure results, never a plain pass.

Every attempt is a result file of its own with the same historyId; Allure shows the earlier ones as the latest's
retries ('재시도'). The latest is marked `statusDetails.flaky` when an earlier attempt did not pass, which the
report shows as 'flaky' (불안정) beside the status.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSING = {"passed", "skipped"}


@dataclass(frozen=True)
class Retried:
    name: str
    attempts: int
    final_status: str


def _results(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in folder.glob("*-result.json"):
        try:
            found.append((path, json.loads(path.read_text("utf-8"))))
        except (OSError, ValueError):
            continue  # a half-written file is the report's problem to show, not this one's
    return found


def mark_flaky(folder: Path) -> list[Retried]:
    """Mark the latest attempt of each retried scenario flaky if it passed after a failure; say which were retried."""
    attempts: dict[str, list[tuple[Path, dict[str, Any]]]] = defaultdict(list)
    for path, result in _results(folder):
        attempts[str(result.get("historyId") or result.get("fullName"))].append((path, result))
    retried = []
    for runs in attempts.values():
        if len(runs) < 2:
            continue
        runs.sort(key=lambda run: int(run[1].get("stop") or 0))
        path, latest = runs[-1]
        earlier_failed = any(result.get("status") not in PASSING for _, result in runs[:-1])
        if earlier_failed and latest.get("status") == "passed":
            details = latest.setdefault("statusDetails", {})
            details["flaky"] = True
            path.write_text(json.dumps(latest, ensure_ascii=False), "utf-8")
        retried.append(Retried(str(latest.get("name")), len(runs), str(latest.get("status"))))
    return retried
