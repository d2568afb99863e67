"""Guide coverage: the catalog matches the guide, tags map to items, gaps and unknown IDs fail the check."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from support.feature_files import scenario_cases
from support.guide_catalog import load_catalog
from tooling.coverage_report import ATTACHMENT_NAME, GLOBALS_NAME, as_markdown
from tooling.guide_coverage import last_results, measure

ROOT = Path(__file__).resolve().parents[1]
ITEMS_MD = ROOT.parent / "shared" / "guide" / "ITEMS.md"

CATALOG = """\
    [REQ]
    epic = "기본 요건"
    [REQ.items]
    REQ-1 = "본인 명의의 휴대폰"
    REQ-2 = "신분증"

    [FIX]
    epic = "문제 해결"
    [FIX.items]
    FIX-2 = "신분증 촬영이 어려움"
    FIX-3 = "앱 재시작"
"""

FEATURE = """\
    # language: ko
    @guide:REQ-1
    기능: 작은 기능

      시나리오: 휴대폰만
        조건 고객이 있다

      시나리오 개요: 표마다 다른 항목
        조건 "<값>" 값이 있다

        @guide:REQ-2
        예: 신분증
          | 값 |
          | 가 |
          | 나 |

      @manual @guide:FIX-2
      시나리오: 사람이 보는 항목
        조건 고객이 있다

      @guide:FIX-9
      시나리오: 목록에 없는 항목
        조건 고객이 있다
"""


def write_project(tmp_path: Path, catalog: str = CATALOG) -> tuple[Path, Path]:
    features = tmp_path / "features"
    features.mkdir()
    (features / "small.feature").write_text(dedent(FEATURE), "utf-8")
    catalog_path = tmp_path / "items.toml"
    catalog_path.write_text(dedent(catalog), "utf-8")
    return features, catalog_path


def write_result(results: Path, location: str, status: str, stop: int, history: str = "h") -> None:
    results.mkdir(exist_ok=True)
    body = {"status": status, "stop": stop, "historyId": history,
            "labels": [{"name": "location", "value": location}]}
    (results / f"{location.replace('/', '_').replace(':', '_')}-{stop}-{history}-result.json").write_text(
        json.dumps(body), "utf-8")


def test_the_catalog_has_exactly_the_guides_item_ids() -> None:
    if not ITEMS_MD.exists():
        pytest.skip(f"{ITEMS_MD} is not beside the project")
    in_guide = set(re.findall(r"\b((?:REQ|STEP|FLOW|FAIL|FIX|USE|CHECK)-[A-Z0-9]+)\b", ITEMS_MD.read_text("utf-8")))
    assert set(load_catalog()) == in_guide


def test_the_advice_is_the_guides_last_column_for_failure_causes() -> None:
    if not ITEMS_MD.exists():
        pytest.skip(f"{ITEMS_MD} is not beside the project")
    # | FAIL-1 | 휴대폰 정보 | 잘못된 통신사 선택 | 정확한 통신사 선택 필수 |: the advice is the row's last cell.
    rows = re.findall(r"^\| ((?:FAIL|USE)-\d+) \|.*\| ([^|]+?) \|$", ITEMS_MD.read_text("utf-8"), re.MULTILINE)
    assert len(rows) == 10
    catalog = load_catalog()
    for item_id, advice in rows:
        found = catalog[item_id].advice
        assert found is not None and found.says == advice, item_id
        assert found.title == ("주의점" if item_id.startswith("FAIL") else "회피 팁")
    assert all(catalog[item_id].advice is None for item_id in catalog if not item_id.startswith(("FAIL", "USE")))


def test_every_section_has_its_epic() -> None:
    catalog = load_catalog()
    assert catalog.sections == ["REQ", "STEP", "FLOW", "FAIL", "FIX", "USE", "CHECK"]
    assert {catalog[item].epic for item in ("REQ-1", "STEP-1", "FAIL-1", "FIX-1", "USE-1", "CHECK-1")} == {
        "기본 요건", "단계별 발급", "실패 조건", "문제 해결", "발급 후 활용", "최종 체크리스트"}


def test_tags_map_to_items_with_gaps_manual_and_unknown(tmp_path: Path) -> None:
    features, catalog_path = write_project(tmp_path)
    results = tmp_path / "results"
    write_result(results, "features/small.feature:5", "failed", stop=1)
    write_result(results, "features/small.feature:5", "passed", stop=2)  # the later run counts
    write_result(results, "features/small.feature:12", "passed", stop=1, history="row-1")
    write_result(results, "features/small.feature:12", "broken", stop=1, history="row-2")  # worst row counts

    coverage = measure(scenario_cases(features, tmp_path), load_catalog(catalog_path), last_results(results))

    by_id = {entry.item.id: entry for entry in coverage.items}
    # The feature's tag covers every scenario; the Examples tag only its own block.
    assert [case.location for case in by_id["REQ-1"].cases] == [
        "features/small.feature:5", "features/small.feature:12", "features/small.feature:18",
        "features/small.feature:22"]
    assert [(case.location, case.status) for case in by_id["REQ-2"].cases] == [("features/small.feature:12", "broken")]
    assert by_id["REQ-1"].cases[0].status == "passed"
    assert by_id["REQ-1"].cases[2].status is None
    assert [entry.item.id for entry in coverage.manual] == ["FIX-2"]
    assert [entry.item.id for entry in coverage.gaps] == ["FIX-3"]
    assert [(tag.location, tag.item_id) for tag in coverage.unknown] == [("features/small.feature:22", "FIX-9")]
    assert not coverage.ok
    assert "| FIX-3 | **빈 곳** |" in as_markdown(coverage)


def run_script(tmp_path: Path, features: Path, catalog: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "guide_coverage.py"), "--features", str(features),
         "--catalog", str(catalog), "--results", str(tmp_path / "results"), "--markdown", str(tmp_path / "cov.md"),
         *extra], capture_output=True, text=True, timeout=60)


def test_the_script_fails_on_a_gap_or_an_unknown_item(tmp_path: Path) -> None:
    features, catalog_path = write_project(tmp_path)
    done = run_script(tmp_path, features, catalog_path)
    assert done.returncode == 1
    assert "FIX-3" in done.stdout and "@guide:FIX-9" in done.stdout
    assert (tmp_path / "cov.md").read_text("utf-8").startswith("# 안내서 항목 커버리지")


def test_the_script_passes_when_every_item_is_covered_or_manual(tmp_path: Path) -> None:
    features, catalog_path = write_project(tmp_path, CATALOG.replace('    FIX-3 = "앱 재시작"\n', "")
                                           .replace("    FIX-2", '    FIX-9 = "목록에 추가됨"\n    FIX-2'))
    assert run_script(tmp_path, features, catalog_path).returncode == 0


def test_report_only_writes_a_global_allure_attachment_and_exits_zero(tmp_path: Path) -> None:
    features, catalog_path = write_project(tmp_path)
    (tmp_path / "results").mkdir()
    done = run_script(tmp_path, features, catalog_path, "--attach", "--report-only", "--quiet")
    assert done.returncode == 0
    globals_file = json.loads((tmp_path / "results" / GLOBALS_NAME).read_text("utf-8"))
    assert globals_file["attachments"][0]["source"] == ATTACHMENT_NAME
    assert (tmp_path / "results" / ATTACHMENT_NAME).read_text("utf-8") == (tmp_path / "cov.md").read_text("utf-8")
