"""A failing step carries its screen, ARIA tree, console errors, failed requests and a masked trace."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from textwrap import dedent

import pytest

from support.personal_data import find

CHROMIUM = Path("/usr/bin/chromium")
PLANTED_RRN = "900101-1234568"  # valid date and gender digit: the scan and the masking must both see it

FEATURE = """\
    # language: ko
    기능: 실패의 증거

      시나리오: 화면의 문구가 틀렸다
        조건 고객이 화면을 연다
        그러면 "없는 문구" 문구가 보인다
"""

PAGE = f"""
<!doctype html><html lang="ko"><body>
<h1>본인 확인</h1>
<label>주민등록번호 <input value="{PLANTED_RRN}"></label>
<script>
  console.error("화면 스크립트 오류");
  fetch("/missing");
  fetch("/broken").catch(() => {{}});
</script>
</body></html>
"""

STEPS = f"""\
    from playwright.sync_api import Page, Route, expect
    from pytest_bdd import given, parsers, scenarios, then

    scenarios("features")
    PAGE = {PAGE!r}


    def serve(route: Route) -> None:
        path = route.request.url.removeprefix("http://kb.test")
        if path == "/":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PAGE)
        elif path == "/broken":
            route.abort()
        else:
            route.fulfill(status=404, body="없음")


    @given("고객이 화면을 연다")
    def opens(page: Page) -> None:
        page.route("http://kb.test/**", serve)
        page.goto("http://kb.test/")
        page.wait_for_function("performance.getEntriesByType('resource').length >= 2")


    @then(parsers.parse('"{{text}}" 문구가 보인다'))
    def text_shown(page: Page, text: str) -> None:
        expect(page.get_by_text(text)).to_be_visible(timeout=500)
"""

CONFTEST = f"""\
    import pytest

    pytest_plugins = ["fixtures.browser_evidence", "fixtures.reporting"]


    @pytest.fixture(scope="session")
    def browser_type_launch_args(browser_type_launch_args):
        return {{**browser_type_launch_args, "executable_path": "{CHROMIUM}",
                "args": ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]}}
"""


def attachment(results: Path, entry: dict[str, str]) -> bytes:
    return (results / entry["source"]).read_bytes()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_a_failing_step_carries_the_browser_evidence(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "evidence.feature").write_text(dedent(FEATURE), "utf-8")
    (tmp_path / "test_evidence.py").write_text(dedent(STEPS), "utf-8")
    (tmp_path / "conftest.py").write_text(dedent(CONFTEST), "utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", "utf-8")
    results = tmp_path / "results"
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--alluredir={results}", "-q",
                           "-W", "ignore::pytest.PytestRemovedIn10Warning"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert done.returncode == 1, done.stdout + done.stderr  # the scenario fails, as written

    [path] = results.glob("*-result.json")
    result = json.loads(path.read_text("utf-8"))
    # Playwright's failure message quotes the page's ARIA tree, field values and all: the step's and the
    # scenario's message and trace in the report, and the run's own output (a CI log), carry it masked.
    step_details, scenario_details = result["steps"][-1]["statusDetails"], result["statusDetails"]
    assert "Aria snapshot" in step_details["message"]  # the message still tells what the page showed
    assert "900101-1******" in step_details["message"]
    failure_texts = [step_details["message"], step_details["trace"], scenario_details["message"],
                     scenario_details["trace"], done.stdout]
    for text in failure_texts:
        assert PLANTED_RRN not in text and not find(text)
    failing = result["steps"][-1]
    by_name = {entry["name"]: entry for entry in failing["attachments"]}
    assert {"실패 시점 화면", "접근성 트리 (ARIA 스냅샷)", "브라우저 콘솔 오류", "실패한 네트워크 요청"} <= set(by_name)

    aria = attachment(results, by_name["접근성 트리 (ARIA 스냅샷)"]).decode("utf-8")
    assert "본인 확인" in aria and "900101-1******" in aria and PLANTED_RRN not in aria
    assert "화면 스크립트 오류" in attachment(results, by_name["브라우저 콘솔 오류"]).decode("utf-8")
    network = attachment(results, by_name["실패한 네트워크 요청"]).decode("utf-8")
    assert "404 GET http://kb.test/missing" in network and "http://kb.test/broken" in network

    [trace_entry] = [entry for entry in result["attachments"] if entry["name"] == "Playwright 트레이스"]
    assert trace_entry["type"] == "application/vnd.allure.playwright-trace"
    with zipfile.ZipFile(io.BytesIO(attachment(results, trace_entry))) as trace:
        names = trace.namelist()
        assert any(name.endswith(".trace") for name in names)
        texts = [trace.read(name).decode("utf-8", "replace") for name in names]
    assert not any(PLANTED_RRN in text or "9001011234568" in text for text in texts)
    assert not [finding for text in texts for finding in find(text)]
