"""What one browser operation costs: the parts every scenario is made of, in CPU and in wall time.

`make bench` prints it after the suite's figures. One phone (browser context) on the bundled mock bank's start
screen does each operation a few times to warm up, then `--repeat` times measured: the wall time's median, and
the CPU of the whole machine (Chromium, the Playwright driver, this Python and the bank, from /proc/stat) divided
by the repeats. As for the suite, the machine must otherwise be idle. Nothing is asserted: it measures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from fixtures.mock_bank_server import running_bank  # noqa: E402
from pages.components.touch_targets import button_centres  # noqa: E402
from support.settings import CHROMIUM_ARGS, DEFAULT_CHROMIUM, DEFAULT_DEVICE, PHONE_REGION  # noqa: E402
from tooling.machine_cpu import machine_cpu_seconds  # noqa: E402

WARM_UP = 3
REPEAT = 30
# On the start screen (templates/start.html): a heading to find, and a pattern dot, which a press only lights.
HEADING = "#login-title"
PATTERN_GRID = "[data-pattern-grid]"
DOT_NAME = "점 1"
DOT = f"[aria-label='{DOT_NAME}']"


@dataclass(frozen=True)
class Cost:
    operation: str
    wall_ms: float  # median of the repeats
    cpu_ms: float  # the machine's CPU over all repeats, per repeat


def machine_cpu() -> float:
    seconds = machine_cpu_seconds()
    if seconds is None:
        raise OSError("operation costs read the CPU from /proc/stat, which this system does not have")
    return seconds


def measure(name: str, operation: Callable[[], object], repeat: int) -> Cost:
    for _ in range(WARM_UP):
        operation()
    walls = []
    cpu_before = machine_cpu()
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        walls.append(time.perf_counter() - started)
    cpu = machine_cpu() - cpu_before
    return Cost(name, round(1000 * statistics.median(walls), 1), round(1000 * cpu / repeat, 1))


def operations(page: Page, new_phone: Callable[[], Page]) -> dict[str, Callable[[], object]]:
    """Each operation by its name, on `page` (already on the start screen) or on a new phone."""
    dot, grid = page.locator(DOT), page.locator(PATTERN_GRID)
    centre = button_centres(grid)[DOT_NAME]
    if centre is None:
        raise LookupError(f"{DOT_NAME} is not where a finger can reach it")

    def phone() -> None:
        fresh = new_phone()
        fresh.goto("/")
        fresh.context.close()

    return {
        "a new phone: context, page, first screen, closed": phone,
        "a screen loaded (page.goto)": lambda: page.goto("/"),
        "a screenshot at CSS scale (PNG)": lambda: page.screenshot(scale="css"),
        "Playwright's click, with its actionability checks": dot.click,
        "every button's place on a keypad or grid, read in one call": lambda: button_centres(grid),
        "a tap at a place read that way (the mouse)": lambda: page.mouse.click(*centre),
        "page.evaluate of a constant": lambda: page.evaluate("1"),
        "a visibility check (locator.is_visible)": page.locator(HEADING).is_visible,
    }


def measure_on(browser: Browser, phone: Mapping[str, Any], repeat: int) -> list[Cost]:
    """Every operation on new phones of `browser`, each a context made with the `phone` arguments (the harness's
    browser_context_args: device profile, region and the bank as base URL)."""
    def new_phone() -> Page:
        return browser.new_context(**phone).new_page()

    page = new_phone()
    try:
        page.goto("/")
        return [measure(name, operation, repeat) for name, operation in operations(page, new_phone).items()]
    finally:
        page.context.close()


def render(costs: list[Cost]) -> str:
    lines = ["  what one operation costs (median wall; the machine's CPU per operation):"]
    lines += [f"    {cost.wall_ms:7.1f} ms wall {cost.cpu_ms:7.1f} ms CPU  {cost.operation}" for cost in costs]
    return "\n".join(lines)


def run(repeat: int) -> list[Cost]:
    """On a bank and a Chromium of their own, as the harness launches them."""
    with (tempfile.TemporaryDirectory(prefix="kb-operation-costs-") as folder,
          running_bank(Path(folder) / "bank.log", date.today()) as url, sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path=str(DEFAULT_CHROMIUM), args=CHROMIUM_ARGS)
        try:
            phone = {**playwright.devices[DEFAULT_DEVICE], **PHONE_REGION, "base_url": url}
            return measure_on(browser, phone, repeat)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=REPEAT, help="measured repeats of each operation")
    options = parser.parse_args(argv)
    costs = run(options.repeat)
    print(render(costs))
    print(json.dumps([asdict(cost) for cost in costs], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
