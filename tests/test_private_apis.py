"""What fixtures/private_apis.py borrows still exists in the installed pytest, pytest-bdd and allure-pytest-bdd.

An upgrade that moves one fails here, naming it, instead of as an AttributeError in the middle of a run. The
harness-level proof that each one still does its job is tests/test_report_labels.py and tests/test_report_junit.py
(reports built over real pytest-bdd runs) and every `--feature-file` run.
"""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from pathlib import Path
from textwrap import dedent
from weakref import WeakKeyDictionary

import pytest
from allure_pytest_bdd.pytest_bdd_listener import PytestBDDListener

from fixtures import private_apis

ROOT = Path(__file__).resolve().parents[1]
# The module, not the function of the same name that pytest_bdd's package exports.
pytest_bdd_scenario = importlib.import_module("pytest_bdd.scenario")


def test_pytest_bdd_keeps_its_scenario_templates_in_a_registry_by_test_function() -> None:
    registry = getattr(pytest_bdd_scenario, "scenario_wrapper_template_registry", None)
    assert isinstance(registry, WeakKeyDictionary), "pytest-bdd moved scenario_wrapper_template_registry"


def test_pytest_bdd_still_names_its_outline_parameter_so() -> None:
    source = inspect.getsource(pytest_bdd_scenario)
    assert f'"{private_apis.OUTLINE_ROW_PARAMETER}"' in source, "pytest-bdd renamed its outline-row parameter"


def test_pytest_keeps_its_known_marker_names_in_a_set() -> None:
    assert isinstance(getattr(pytest.mark, "_markers", None), set), "pytest moved MarkGenerator._markers"


def test_allure_pytest_bdds_listener_has_a_lifecycle_and_steps_have_uuids() -> None:
    assert "lifecycle" in inspect.signature(PytestBDDListener.__init__).parameters or hasattr(
        PytestBDDListener, "lifecycle"), "allure-pytest-bdd's listener no longer keeps a lifecycle"
    from allure_pytest_bdd import steps

    assert callable(getattr(steps, "get_step_uuid", None)), "allure-pytest-bdd moved get_step_uuid"


FEATURE = """\
    # language: ko
    기능: 어댑터

      시나리오 개요: 통신사를 고른다
        조건 "<통신사>" 통신사다

        예:
          | 통신사 |
          | SKT  |
"""

STEPS = """\
    import pytest
    from pytest_bdd import given, parsers, scenarios

    from fixtures.private_apis import outline_row_of, scenario_template_of

    scenarios("features")


    @given(parsers.parse('"{carrier}" 통신사다'))
    def carrier(request: pytest.FixtureRequest, carrier: str) -> None:
        template = scenario_template_of(request)
        assert template is not None and template.name == "통신사를 고른다"
        assert outline_row_of(request) == {"통신사": carrier}
"""


def test_the_adapters_read_a_real_pytest_bdd_run(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "adapter.feature").write_text(dedent(FEATURE), "utf-8")
    (tmp_path / "test_adapter.py").write_text(dedent(STEPS), "utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-p", "no:xdist"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
