"""The HTML report opened in Chromium: the guide tree, a failing scenario's evidence, the trend and the categories.

Two scenarios run through the real harness (mock bank, Chromium, Allure) twice; in the second run one of them is
made to fail on purpose (the bank's clock moves 1 minute where the scenario expects 3, so the code is still
accepted and the expected refusal never shows). The report is built after each run with one history file, then
read in Chromium. Screenshots stay in reports/report-check/screenshots/ for people to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from textwrap import dedent

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from reporting.allure_report import AllureReport
from reporting.report_html import EMBEDDED_DATA
from support.settings import CHROMIUM_ARGS, DEFAULT_CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
# Inside the project: allure-pytest-bdd places each feature file relative to the project root.
CHECK_DIR = ROOT / "reports" / "report-check"
SCREENSHOTS = CHECK_DIR / "screenshots"

PASSING = "인증번호는 3분이 되기 직전까지 받아들인다"
FAILING = "인증번호는 3분이 지나면 받지 않는다"
FEATURE = """\
    # language: ko
    @guide:REQ-1 @guide:STEP-3
    기능: 보고서 확인용 인증번호 시나리오

      배경:
        조건 본인 명의 휴대폰과 주민등록증, "KB국민" 계좌를 가진 고객이 있다
        그리고 고객이 휴대폰 인증번호를 요청했다

      시나리오: {passing}
        만일 은행 시계로 "170"초가 지난다
        그리고 SMS로 받은 인증번호를 입력한다
        그러면 계좌 인증 화면이 보인다

      @guide:FAIL-4 @critical
      시나리오: {failing}
        만일 은행 시계로 "{minutes}"분이 지난다
        그리고 SMS로 받은 인증번호를 입력한다
        그러면 "인증번호 입력 시간이 지났습니다. 인증번호를 다시 요청해 주세요." 안내가 보인다
"""


def run_and_report(minutes: int) -> subprocess.CompletedProcess[str]:
    features, results = CHECK_DIR / "features", CHECK_DIR / "results"
    features.mkdir(parents=True, exist_ok=True)
    (features / "report_check.feature").write_text(
        dedent(FEATURE).format(passing=PASSING, failing=FAILING, minutes=minutes), "utf-8")
    shutil.rmtree(results, ignore_errors=True)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "-p", "no:cacheprovider", "-q", "--step-timeout-ms", "3000",
         "-o", f"bdd_features_base_dir={features}", f"--alluredir={results}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    environment = {**os.environ, "REPORT_RESULTS_DIR": str(results), "REPORT_DIR": str(CHECK_DIR / "report"),
                   "REPORT_HISTORY": str(CHECK_DIR / "history.jsonl"), "REPORT_FEATURES_DIR": str(features)}
    built = subprocess.run(["bash", "scripts/build_report.sh"], cwd=ROOT, env=environment,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    return run


@pytest.fixture(scope="module")
def report_file() -> Path:
    """The report after both runs; built once for the module."""
    shutil.rmtree(CHECK_DIR, ignore_errors=True)
    first = run_and_report(minutes=3)
    assert first.returncode == 0, first.stdout[-3000:]
    second = run_and_report(minutes=1)
    assert second.returncode == 1 and "1 failed, 1 passed" in second.stdout, second.stdout[-3000:]
    return CHECK_DIR / "report" / "index.html"


# pytest-playwright's own Playwright, not a second sync_playwright(): the worker may already run that one for
# another module (tests/test_screen_checks.py), and two sync Playwrights cannot share a thread.
@pytest.fixture(scope="module")
def report_browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=str(DEFAULT_CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def reader_page(report_browser: Browser) -> Iterator[Page]:
    # A fresh browser context per test, as a reader opening the report anew: the report keeps UI state (filters,
    # panel sizes) in the page's storage, which would carry from one test to the next.
    context = report_browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    yield context.new_page()
    context.close()


@pytest.fixture
def report(report_file: Path, reader_page: Page) -> AllureReport:
    return AllureReport(reader_page, report_file)


def test_the_tree_lists_each_scenario_under_every_guide_item_it_covers(report: AllureReport) -> None:
    report.open_results()
    report.screenshot(SCREENSHOTS / "1-tree.png")
    groups = report.tree_groups()
    # Position in the guide, section, item: nothing else (no STEP-3 under 기본 요건).
    assert [group.split(" ", 1)[0] for group in groups] == ["01", "08", "22"]
    assert [group.split(" › ")[0][3:] for group in groups] == ["기본 요건", "단계별 발급", "실패 조건"]
    assert [group.split(" › ")[1].split(" ")[0] for group in groups] == ["REQ-1", "STEP-3", "FAIL-4"]
    assert sorted(report.scenarios_in(groups[0])) == sorted([PASSING, FAILING])
    assert report.scenarios_in(groups[2]) == [FAILING]


def test_the_failing_step_carries_its_evidence(report: AllureReport) -> None:
    report.open_results()
    report.open_failed_scenario(FAILING)
    report.screenshot(SCREENSHOTS / "2-failing-scenario.png")
    report.screenshot_failed_step(SCREENSHOTS / "3-failing-step.png", opened="실패 시점 화면")
    [failed] = report.failed_steps()
    assert "안내가 보인다" in failed.title
    for evidence in ("실패 시점 화면", "접근성 트리 (ARIA 스냅샷)", "브라우저 콘솔 오류", "실패한 네트워크 요청",
                     "모의 은행 로그 (이 시나리오)"):
        assert evidence in failed.attachments


def test_the_trend_shows_both_runs(report: AllureReport) -> None:
    report.open_results()
    report.open_failed_scenario(FAILING)
    assert report.earlier_runs_of_scenario() == 1
    report.open_graphs()
    report.screenshot(SCREENSHOTS / "4-trend.png")
    expect(report.runs_in_trend()).to_have_count(2)


def test_the_failure_is_classified_by_the_guides_cause_with_its_advice(report: AllureReport) -> None:
    lines = report.open_categories()
    report.screenshot(SCREENSHOTS / "5-categories.png")
    assert "제품 결함 · 안내서의 실패 원인" in lines
    assert "FAIL-4 인증번호 입력: 잘못된 인증번호 — 주의점: SMS 내용 확인" in lines
    assert FAILING in lines and PASSING not in lines

# How long the slow server holds the data back when the report does not ask for files beside it: long enough for
# the application script to run and start loading (well under a second here) before its data has arrived.
HOLD_BACK_SECONDS = 3.0


class SlowReportServer(ThreadingHTTPServer):
    """Serves the report's index.html with its embedded data held back, as over a slow link or from a slow disk;
    any other path is recorded as a request for a file beside the report (404) and releases the data at once."""

    def __init__(self, index_html: Path) -> None:
        html = index_html.read_bytes()
        split = html.index(EMBEDDED_DATA.encode())
        self.application, self.data = html[:split], html[split:]
        self.asked_beside: list[str] = []
        self.someone_asked_beside = threading.Event()
        super().__init__(("127.0.0.1", 0), _SlowReportHandler)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/index.html"


class _SlowReportHandler(BaseHTTPRequestHandler):
    server: SlowReportServer

    def do_GET(self) -> None:
        if self.path != "/index.html":
            self.server.asked_beside.append(self.path)
            self.server.someone_asked_beside.set()
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        self.wfile.write(self.server.application)
        self.wfile.flush()
        self.server.someone_asked_beside.wait(HOLD_BACK_SECONDS)
        self.wfile.write(self.server.data)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test reads asked_beside; the server's access log would only fill the output


@pytest.fixture
def slow_report(report_file: Path) -> Iterator[SlowReportServer]:
    server = SlowReportServer(report_file)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_report_waits_for_its_own_data_when_it_arrives_late(slow_report: SlowReportServer,
                                                                 reader_page: Page) -> None:
    # Allure's application script sits before the embedded data; run before the data is parsed, it used to fetch
    # widgets/*.json beside the page instead (blocked on file://) and show a blank report, about one opening in
    # thirty. Holding the data back makes that certain; the mended report waits for it (reporting/report_html.py).
    report = AllureReport(reader_page, slow_report.address)
    report.open_results()
    assert report.tree_groups()
    assert slow_report.asked_beside == []


def test_the_report_calls_no_one(report_file: Path) -> None:
    # Allure writes Google Analytics into every report; a bank's test report must not announce itself, and it
    # opens offline. Everything it loads is inline or a data: address.
    html = report_file.read_text("utf-8")
    assert "googletagmanager" not in html
    assert not re.findall(r"""(?:src|href)=["']?(?:https?:)?//""", html)
