"""JUnit XML from two xdist workers: one <testcase> per scenario, Korean names as written, as `make e2e` runs it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from textwrap import dedent

FEATURE = """\
    # language: ko
    기능: 한국어 이름

      시나리오: 인증번호를 입력한다
        조건 준비가 되어 있다

      시나리오 개요: 통신사를 고른다
        조건 "<통신사>" 통신사다

        예:
          | 통신사      |
          | SKT       |
          | 알뜰폰(KT) |

      시나리오: 일부러 실패한다
        그러면 실패한다
"""

STEPS = """\
    from pytest_bdd import given, parsers, scenarios, then

    scenarios("features")


    @given("준비가 되어 있다")
    def ready() -> None:
        pass


    @given(parsers.parse('"{carrier}" 통신사다'))
    def carrier(carrier: str) -> None:
        pass


    @then("실패한다")
    def fails() -> None:
        assert False, "기대와 다름"
"""


def test_junit_xml_under_xdist_keeps_korean_names_and_one_case_per_scenario(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "names.feature").write_text(dedent(FEATURE), "utf-8")
    (tmp_path / "test_names.py").write_text(dedent(STEPS), "utf-8")
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\ndisable_test_id_escaping_and_forfeit_all_rights_to_community_support = true\n", "utf-8")
    junit = tmp_path / "junit.xml"
    done = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", f"--junitxml={junit}",
                           "-o", "junit_suite_name=KB국민인증서 발급 E2E", "-q"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr  # one scenario fails on purpose

    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("name") == "KB국민인증서 발급 E2E"
    assert (suite.get("tests"), suite.get("failures")) == ("4", "1")
    names = sorted(case.get("name", "") for case in suite.iter("testcase"))
    assert names == ["test_인증번호를_입력한다", "test_일부러_실패한다", "test_통신사를_고른다[SKT]",
                     "test_통신사를_고른다[알뜰폰(KT)]"]
    failure = next(case for case in suite.iter("testcase") if case.find("failure") is not None).find("failure")
    assert failure is not None and "기대와 다름" in failure.get("message", "")
