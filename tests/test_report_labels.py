"""Gherkin tags become Allure epic, story, severity and manual labels; outline rows get titles with their values
(fixtures/report_labels.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

from support.guide_catalog import load_catalog
from support.scenario_tags import classify

FEATURE = """\
    # language: ko
    @guide:REQ-1 @normal
    기능: 꼬리표 확인

      @guide:STEP-1 @치명
      시나리오: 한 단계
        조건 준비가 되어 있다

      시나리오 개요: 표의 줄마다
        조건 "<값>" 값이 있다

        @guide:FAIL-4 @blocker
        예: 첫째
          | 값 |
          | 가 |

        예: 둘째
          | 값 |
          | 나 |

      @manual
      시나리오: 사람이 보는 항목
        사람이 화면의 문구를 읽고 판단해야 한다.

        조건 준비가 되어 있다
"""

STEPS = """\
    from pytest_bdd import given, parsers, scenarios

    scenarios("features")


    @given("준비가 되어 있다")
    def ready() -> None:
        pass


    @given(parsers.parse('"{value}" 값이 있다'))
    def value(value: str, tmp_path: object) -> None:
        pass  # tmp_path: a fixture, which the report must not list as a step parameter
"""


# The project's own guide and manual markers; fixtures.options turns `@guide:<ID>` into guide("<ID>").
PYTEST_INI = "[pytest]\nmarkers =\n    guide(item): a guide item\n    manual: cannot be automated\n"


def run_tiny_project(tmp_path: Path) -> dict[str, dict[str, object]]:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "tags.feature").write_text(dedent(FEATURE), "utf-8")
    (tmp_path / "test_tags.py").write_text(dedent(STEPS), "utf-8")
    (tmp_path / "pytest.ini").write_text(PYTEST_INI, "utf-8")
    results = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "fixtures.options", "-p", "fixtures.report_labels",
         "-p", "fixtures.step_parameters",
         "-p", "no:cacheprovider", "--strict-markers", f"--alluredir={results}", "-q",
         "-W", "ignore::pytest.PytestRemovedIn10Warning"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    by_name: dict[str, dict[str, object]] = {}
    for path in results.glob("*-result.json"):
        result = json.loads(path.read_text("utf-8"))
        location = next(label["value"] for label in result["labels"] if label["name"] == "location")
        by_name[location] = result
    return by_name


def labels(result: dict[str, object], name: str) -> list[str]:
    found = result["labels"]
    assert isinstance(found, list)
    return [label["value"] for label in found if label["name"] == name]


def test_tags_become_epic_story_severity_and_manual(tmp_path: Path) -> None:
    results = run_tiny_project(tmp_path)
    # A scenario is located at its keyword's line, an outline row at its Examples block's.
    assert sorted(results, key=lambda at: int(at.rsplit(":", 1)[1])) == [
        "features/tags.feature:6", "features/tags.feature:13", "features/tags.feature:17", "features/tags.feature:22"]
    catalog = load_catalog()

    one_step = results["features/tags.feature:6"]
    assert labels(one_step, "epic") == ["기본 요건", "단계별 발급"]
    assert labels(one_step, "story") == [catalog["REQ-1"].story, catalog["STEP-1"].story]
    # The tree's groups: each item once, under its own section, never STEP-1 under 기본 요건.
    assert labels(one_step, "guide_item") == [catalog.tree_group("REQ-1"), catalog.tree_group("STEP-1")]
    assert catalog.tree_group("STEP-1").endswith(f" 단계별 발급 › {catalog['STEP-1'].story}")
    assert labels(one_step, "severity") == ["critical"]  # @치명 beats the feature's @normal
    assert labels(one_step, "feature") == ["꼬리표 확인"]

    tagged_examples, plain_examples = results["features/tags.feature:13"], results["features/tags.feature:17"]
    # An outline row's title carries its values, so the rows read apart in the tree; a scenario keeps its name.
    assert (tagged_examples["name"], plain_examples["name"], one_step["name"]) == (
        "표의 줄마다 [가]", "표의 줄마다 [나]", "한 단계")
    assert labels(tagged_examples, "story") == [catalog["REQ-1"].story, catalog["FAIL-4"].story]
    assert labels(tagged_examples, "epic") == ["기본 요건", "실패 조건"]
    assert labels(tagged_examples, "severity") == ["blocker"]
    # A failure here is classified by the guide's cause, and the report names the guide's 주의점 with it.
    assert labels(tagged_examples, "안내서의 실패 원인") == [
        "FAIL-4 인증번호 입력: 잘못된 인증번호 — 주의점: SMS 내용 확인"]
    assert labels(one_step, "안내서의 실패 원인") == []
    assert labels(plain_examples, "story") == [catalog["REQ-1"].story]
    # Step parameters: the value written in the step, not the step function's fixtures.
    steps = plain_examples["steps"]
    assert isinstance(steps, list)
    assert [(p["name"], p["value"]) for p in steps[0]["parameters"]] == [("value", "'나'")]
    assert labels(plain_examples, "severity") == ["normal"]

    manual = results["features/tags.feature:22"]
    assert labels(manual, "ALLURE_MANUAL") == ["true"]
    assert manual["status"] == "skipped"
    details = manual["statusDetails"]
    assert isinstance(details, dict)
    assert "사람이 화면의 문구를 읽고 판단해야 한다." in details["message"]


def test_tree_groups_sort_by_name_into_the_guides_order() -> None:
    # The report sorts groups by a plain string compare; CHECK-10 must still follow CHECK-9, and 절차 요약
    # (FLOW) must stay before 실패 조건 (FAIL) as in the guide.
    catalog = load_catalog()
    groups = [catalog.tree_group(item_id) for item_id in catalog]
    assert sorted(groups) == groups
    assert len(set(groups)) == len(catalog)


def test_the_most_severe_tag_wins_and_guide_ids_are_kept() -> None:
    meaning = classify({"guide:FAIL-1", "minor", "치명", "smoke", "수동"})
    assert meaning.guide_ids == ("FAIL-1",)
    assert meaning.severity == "critical"
    assert meaning.manual
    assert meaning.others == ("smoke",)


def test_no_severity_tag_leaves_allures_default() -> None:
    assert classify({"guide:REQ-1"}).severity is None
