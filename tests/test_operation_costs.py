"""`make bench`'s operation costs run every operation against a real bank and Chromium (scripts/operation_costs.py).

Only that each operation runs and yields a figure is checked: what it costs is measured, never asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from operation_costs import Cost, measure_on, render


def test_every_operation_runs_on_the_bank_and_gets_its_figures(browser: Browser,
                                                               browser_context_args: dict[str, Any]) -> None:
    """On the tests' own browser and the worker's bank, as the scenarios' phones: a second Playwright cannot start
    in a process that runs one already."""
    costs = measure_on(browser, browser_context_args, repeat=2)
    assert [cost.operation for cost in costs] == [
        "a new phone: context, page, first screen, closed", "a screen loaded (page.goto)",
        "a screenshot at CSS scale (PNG)", "Playwright's click, with its actionability checks",
        "every button's place on a keypad or grid, read in one call", "a tap at a place read that way (the mouse)",
        "page.evaluate of a constant", "a visibility check (locator.is_visible)"]
    assert all(cost.wall_ms > 0 and cost.cpu_ms >= 0 for cost in costs), costs


def test_the_figures_print_one_line_an_operation() -> None:
    printed = render([Cost("a screen loaded (page.goto)", 40.4, 59.7)]).splitlines()
    assert printed[1] == "       40.4 ms wall    59.7 ms CPU  a screen loaded (page.goto)"
