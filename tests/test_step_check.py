"""The static step check finds undefined, ambiguous and unused steps, each with its file and line."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from support.feature_files import scenario_cases
from tooling.step_check import Problem, check, load_definitions, plugin_modules

ROOT = Path(__file__).resolve().parents[1]

FEATURE = """\
    # language: ko
    기능: 작은 기능

      배경:
        조건 고객이 있다

      시나리오: 정의된 스텝과 정의되지 않은 스텝
        만일 고객이 "3"번 누른다
        그러면 아무도 모르는 스텝이다

      시나리오 개요: 두 정의가 같은 글을 받는다
        만일 고객이 "<횟수>"번 누른다
        그리고 고객이 버튼을 누른다

        예:
          | 횟수 |
          | 1  |

      @manual
      시나리오: 사람이 하는 확인
        그러면 사람만 판단할 수 있다
"""

STEPS = """\
    from pytest_bdd import given, parsers, then, when


    @given("고객이 있다")
    def customer() -> None:
        pass


    @when(parsers.parse('고객이 "{count:d}"번 누른다'))
    def presses(count: int) -> None:
        pass


    @when(parsers.parse("고객이 {what}을 누른다"))
    def presses_anything(what: str) -> None:
        pass


    @when("고객이 버튼을 누른다")
    def presses_button() -> None:
        pass


    @then("아무도 부르지 않는 스텝")
    def never_used() -> None:
        pass
"""


@pytest.fixture
def tiny_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A feature folder and a step module importable under a name unique to this test."""
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "tiny.feature").write_text(dedent(FEATURE), "utf-8")
    module = f"tiny_steps_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{module}.py").write_text(dedent(STEPS), "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path, module
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(module, None)


def problems_in(project: Path, module: str) -> list[Problem]:
    return check(scenario_cases(project / "features", project), load_definitions([module], project))


def test_each_kind_of_problem_is_reported_at_its_line(tiny_project: tuple[Path, str]) -> None:
    project, module = tiny_project
    problems = problems_in(project, module)
    assert [(problem.location, problem.message.split(" ")[0]) for problem in problems] == [
        ("features/tiny.feature:9", "undefined"),
        ("features/tiny.feature:13", "ambiguous"),
        (f"{module}.py:24", "unused"),
    ]
    undefined, ambiguous, unused = problems
    assert '"아무도 모르는 스텝이다"' in undefined.message
    assert "presses_anything" in ambiguous.message and "presses_button" in ambiguous.message
    assert f"{module}.py:14" in ambiguous.message and f"{module}.py:19" in ambiguous.message
    assert 'then("아무도 부르지 않는 스텝") never_used' in unused.message


def test_outline_steps_are_matched_after_their_examples_fill_them_in(tiny_project: tuple[Path, str]) -> None:
    project, module = tiny_project
    problems = problems_in(project, module)
    # '고객이 "<횟수>"번 누른다' only matches the typed parser once rendered with a row's value.
    assert not any("번 누른다" in problem.message for problem in problems)


def test_a_manual_scenarios_steps_may_stay_undefined(tiny_project: tuple[Path, str]) -> None:
    project, module = tiny_project
    assert not any("사람만 판단할 수 있다" in problem.message for problem in problems_in(project, module))


def test_the_script_fails_and_prints_the_places(tiny_project: tuple[Path, str]) -> None:
    project, module = tiny_project
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_steps.py"), "--features", str(project / "features"),
         "--module", module], cwd=project, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1, done.stderr
    assert "tiny.feature:9: undefined step" in done.stdout
    assert "3 problem(s)" in done.stderr


def test_the_step_modules_are_the_conftests_plugins() -> None:
    modules = plugin_modules(ROOT / "conftest.py")
    assert "steps.customer_steps" in modules
    assert all(isinstance(name, str) for name in modules)
