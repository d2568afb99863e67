"""Shards: the split covers every scenario once, shards merge into one report, and missing or retried ones show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from reporting.retried_scenarios import mark_flaky
from reporting.shard_results import find_shards, merge, record, twice_run

ROOT = Path(__file__).resolve().parents[1]
DURATIONS = ROOT / "pipelines" / "scenario-durations.json"
# Two short features: 6 scenarios, enough for two shards to get some each without slowing `make test` much.
SUBSET = ["--feature-file", "features/app_update.feature", "--feature-file", "features/certificate_login.feature"]


def collected(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return [line for line in done.stdout.splitlines() if line.startswith("steps/")]


@pytest.mark.parametrize("splits", [2, 3])
def test_the_recorded_durations_split_the_suite_into_shards_that_hold_every_scenario_once(splits: int) -> None:
    everything = collected()
    shards = [collected("--splits", str(splits), "--group", str(group), "--splitting-algorithm", "least_duration",
                        "--durations-path", str(DURATIONS)) for group in range(1, splits + 1)]
    assert sum(len(shard) for shard in shards) == len(everything)
    assert sorted(scenario for shard in shards for scenario in shard) == sorted(everything)
    assert all(shards), "a shard with no scenario"


def test_the_durations_file_knows_every_scenario() -> None:
    """A scenario without a recorded duration is split blind: `make durations` refreshes the file."""
    known = json.loads(DURATIONS.read_text("utf-8"))
    unknown = [scenario for scenario in collected() if scenario not in known]
    assert not unknown, f"run `make durations` and commit {DURATIONS.name}: {unknown[:3]}"


def shard_folder(parent: Path, group: int, splits: int, scenarios: list[str], exit_code: int = 0) -> Path:
    folder = parent / f"shard-{group}-of-{splits}"
    results = folder / "allure-results"
    results.mkdir(parents=True)
    cases = "".join(f'<testcase classname="steps.test_features" name="{name}"/>' for name in scenarios)
    (folder / "junit.xml").write_text(f"<testsuites><testsuite>{cases}</testsuite></testsuites>", "utf-8")
    (results / "environment.properties").write_text(f"Faker\\ seed={group * 11} (--faker-seed 로 재현)\n", "utf-8")
    for name in scenarios:
        (results / f"{name}-result.json").write_text(json.dumps({"name": name, "status": "passed"}), "utf-8")
    record(folder, f"{group}/{splits}", exit_code)
    return folder


def test_a_missing_shard_is_a_broken_entry_in_the_merged_results_and_fails_the_merge(tmp_path: Path) -> None:
    first = shard_folder(tmp_path, 1, 3, ["a", "b"])
    third = shard_folder(tmp_path, 3, 3, ["c"], exit_code=1)
    shards = find_shards([first, third])
    assert [(status.name, status.missing, status.failed) for status in shards] == [
        ("1/3", False, False), ("2/3", True, False), ("3/3", False, True)]

    merge(shards, tmp_path / "merged")
    results = [json.loads(path.read_text("utf-8")) for path in (tmp_path / "merged").glob("*-result.json")]
    assert sorted(result["name"] for result in results) == ["a", "b", "c", "샤드 2/3의 결과가 없습니다"]
    assert next(result for result in results if result["name"].startswith("샤드"))["status"] == "broken"
    environment = (tmp_path / "merged" / "environment.properties").read_text("utf-8")
    assert "Shards=1/3: 시나리오 2개, 통과; 2/3: 결과 없음" in environment
    assert "샤드마다 다름 (1/3=11, 3/3=33)" in environment  # two seeds: the panel must not name just one
    completed = subprocess.run([sys.executable, "scripts/merge_shards.py", str(first), str(third),
                                "--into", str(tmp_path / "again")], cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 1, completed.stderr


def test_a_scenario_in_two_shards_is_named(tmp_path: Path) -> None:
    shards = find_shards([shard_folder(tmp_path, 1, 2, ["a"]), shard_folder(tmp_path, 2, 2, ["a", "b"])])
    assert twice_run(shards) == ["steps.test_features::a (샤드 1/2, 2/2)"]


FLAKY_FEATURE = """\
    # language: ko
    기능: 재시도

      시나리오: 처음에는 실패한다
        그러면 두 번째에는 통과한다

      시나리오: 늘 실패한다
        그러면 실패한다
"""

FLAKY_STEPS = """\
    from pathlib import Path

    from pytest_bdd import scenarios, then

    scenarios("features")


    @then("두 번째에는 통과한다")
    def second_time() -> None:
        counter = Path("attempts")
        attempts = int(counter.read_text()) + 1 if counter.exists() else 1
        counter.write_text(str(attempts))
        assert attempts >= 2, "첫 시도는 실패"


    @then("실패한다")
    def always() -> None:
        assert False, "늘 실패"
"""


def test_a_scenario_that_passed_on_its_retry_is_marked_flaky_with_both_attempts(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "retry.feature").write_text(dedent(FLAKY_FEATURE), "utf-8")
    (tmp_path / "test_retry.py").write_text(dedent(FLAKY_STEPS), "utf-8")
    results = tmp_path / "results"
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--reruns", "1",
                           f"--alluredir={results}", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout  # the scenario that always fails still fails the run

    retried = {entry.name: entry for entry in mark_flaky(results)}
    assert (retried["처음에는 실패한다"].attempts, retried["처음에는 실패한다"].final_status) == (2, "passed")
    assert retried["늘 실패한다"].final_status == "failed"
    files = [json.loads(path.read_text("utf-8")) for path in results.glob("*-result.json")]
    passed = [result for result in files if result["status"] == "passed"]
    assert len(passed) == 1 and passed[0]["statusDetails"]["flaky"] is True
    assert not any(result.get("statusDetails", {}).get("flaky") for result in files if result["status"] != "passed")


def run_shard(group: int, shards_dir: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "SHARD": f"{group}/2", "SHARDS_DIR": str(shards_dir), "SEED": "20261202",
                   "WORKERS": "1", "ARGS": " ".join(SUBSET)}
    return subprocess.Popen(["bash", "scripts/run_features.sh"], cwd=ROOT, env=environment, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_two_shards_side_by_side_merge_into_one_report_with_one_history_line(tmp_path: Path) -> None:
    shards_dir = tmp_path / "shards"
    running = [run_shard(group, shards_dir) for group in (1, 2)]
    outputs = [process.communicate(timeout=600)[0] for process in running]
    assert [process.returncode for process in running] == [0, 0], outputs

    expected = collected(*SUBSET)
    statuses = find_shards(sorted(shards_dir.iterdir()))
    assert all(status.scenarios for status in statuses), "a shard ran nothing"
    assert sum(len(status.scenarios) for status in statuses) == len(expected)
    assert not twice_run(statuses)
    assert {status.faker_seed for status in statuses} == {"20261202"}

    merged = tmp_path / "merged" / "allure-results"
    subprocess.run([sys.executable, "scripts/merge_shards.py", *map(str, sorted(shards_dir.iterdir())),
                    "--into", str(merged)], cwd=ROOT, check=True)
    names = [json.loads(path.read_text("utf-8"))["name"] for path in merged.glob("*-result.json")]
    assert len(names) == len(set(names)) == len(expected)
    report, history = tmp_path / "merged" / "report", tmp_path / "merged" / "history.jsonl"
    environment = {**os.environ, "REPORT_RESULTS_DIR": str(merged), "REPORT_DIR": str(report),
                   "REPORT_HISTORY": str(history)}
    subprocess.run(["bash", "scripts/build_report.sh"], cwd=ROOT, env=environment, check=True, timeout=300)
    assert (report / "index.html").stat().st_size > 0
    assert len(history.read_text("utf-8").splitlines()) == 1
