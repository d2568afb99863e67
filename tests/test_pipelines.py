"""The example pipelines in pipelines/ call make targets this project has, the way the README documents them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIPELINES = sorted((ROOT / "pipelines").glob("*.yml"))
MAKE_CALL = re.compile(r"(?:run: |- )make ([a-z0-9-]+)(.*)$", re.MULTILINE)


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z0-9-]+):", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE))


def test_there_are_examples_for_two_ci_systems() -> None:
    assert {path.name for path in PIPELINES} == {"github-actions.yml", "gitlab-ci.yml"}


@pytest.mark.parametrize("pipeline", PIPELINES, ids=lambda path: path.name)
def test_a_pipeline_runs_shards_and_merges_them_with_make_targets_that_exist(pipeline: Path) -> None:
    calls = MAKE_CALL.findall(pipeline.read_text("utf-8"))
    assert {target for target, _ in calls} <= make_targets()
    shard_runs = [variables for target, variables in calls if target == "e2e"]
    assert shard_runs and all("SHARD=" in variables and "SEED=" in variables for variables in shard_runs)
    assert "report" in {target for target, _ in calls}
    assert "history.jsonl" in pipeline.read_text("utf-8"), "the merge job must keep the report's history"


def test_make_report_looks_for_shards_where_make_e2e_puts_them() -> None:
    """`make report` once merged nothing: SHARDS_DIR was empty in the Makefile while the script had a default."""
    planned = subprocess.run(["make", "-n", "report"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "reports/shards/shard-*-of-*" in planned


def test_the_readme_shows_the_same_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in ("make e2e SHARD=", "make report", "make durations", "RERUNS="):
        assert command in readme
