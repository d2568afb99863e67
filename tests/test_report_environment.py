"""The report's environment file and failure categories: properties that parse, rules that sort failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness_runs import PLUGINS, harness_run

from fixtures.report_environment import as_properties
from reporting.report_categories import CATEGORIES, ENVIRONMENT, HARNESS, PRODUCT, TIMEOUT


def category_of(status: str, message: str) -> str | None:
    """The first matching category, with Allure 2's whole-message regex semantics (Allure 3 searches)."""
    for rule in CATEGORIES:
        statuses = rule.get("matchedStatuses")
        assert isinstance(statuses, list)
        pattern = rule.get("messageRegex")
        if status in statuses and (pattern is None or re.fullmatch(str(pattern), message)):
            return str(rule["name"])
    return None


@pytest.mark.parametrize(("status", "message", "expected"), [
    ("failed", "AssertionError: Locator expected to be visible\nCall log:", PRODUCT),
    ("broken", "playwright._impl._errors.Error: BrowserType.launch: Executable doesn't exist at /x", ENVIRONMENT),
    ("broken", "playwright._impl._errors.Error: Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/",
     ENVIRONMENT),
    ("broken", "RuntimeError: the mock bank did not answer within 20.0s; see /tmp/x.log", ENVIRONMENT),
    ("broken", "httpx.ConnectError: [Errno 111] Connection refused", ENVIRONMENT),
    ("broken", "playwright._impl._errors.TimeoutError: Locator.wait_for: Timeout 10000ms exceeded.", TIMEOUT),
    ("broken", "KeyError: 'customer'", HARNESS),
])
def test_failures_fall_into_the_right_category(status: str, message: str, expected: str) -> None:
    assert category_of(status, message) == expected


def test_every_category_has_an_id_for_allure_3() -> None:
    assert [rule["id"] for rule in CATEGORIES] == ["environment", "timeout", "product", "harness"]


def test_properties_escape_what_java_properties_would_misread() -> None:
    text = as_properties({"Base URL": "http://127.0.0.1:8765", "note": "두 줄\n둘째 줄", "path": "C:\\x"})
    assert text.splitlines() == ["Base\\ URL=http://127.0.0.1:8765", "note=두 줄\\n둘째 줄", "path=C:\\\\x"]


def test_the_environment_panel_names_the_run_s_seed_and_today(tmp_path: Path) -> None:
    """What a report reader needs to replay the run: the seed and the day its customers were aged on."""
    results = tmp_path / "run" / "allure-results"
    run = harness_run(tmp_path / "run", "--faker-seed", "7", "--today", "2027-03-01", f"--alluredir={results}",
                      plugins=(*PLUGINS, "fixtures.report_environment"))
    assert run.returncode == 0, run.stdout + run.stderr
    lines = (results / "environment.properties").read_text("utf-8").splitlines()
    assert "Faker\\ seed=7 (--faker-seed 로 재현)" in lines
    assert "Today=2027-03-01 (--today 로 재현: 고객 나이와 은행 시계의 기준일)" in lines
    assert "Replay=--faker-seed 7 --today 2027-03-01" in lines
