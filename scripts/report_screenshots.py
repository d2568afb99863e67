"""Open the HTML report in Chromium and keep screenshots of what a reader checks first.

    .venv/bin/python scripts/report_screenshots.py [reports/allure-report/index.html] [--out DIR]

Writes tree.png (the guide items and their scenarios), graphs.png (the trend across runs), categories.png, and,
for the first failed scenario if there is one, failed-scenario.png and failed-step.png (its failing step with the
screen at the moment of failure unfolded). `make report-screenshots` runs it on the suite's report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reporting.allure_report import AllureReport  # noqa: E402
from support.settings import CHROMIUM_ARGS, DEFAULT_CHROMIUM  # noqa: E402

FAILURE_SCREEN = "실패 시점 화면"
# Tall enough for the summary and all 41 guide items of the tree, closed.
TREE_HEIGHT = 2400


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=Path, nargs="?", default=ROOT / "reports" / "allure-report" / "index.html")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "report-screenshots")
    parser.add_argument("--chromium", type=Path, default=DEFAULT_CHROMIUM)
    return parser.parse_args(argv)


def take_screenshots(report: AllureReport, out: Path) -> list[Path]:
    report.open_results()
    taken = [report.screenshot(out / "tree.png", height=TREE_HEIGHT)]
    failed = report.failed_scenarios()
    if failed:
        report.open_failed_scenario(failed[0])
        taken.append(report.screenshot(out / "failed-scenario.png"))
        taken.append(report.screenshot_failed_step(out / "failed-step.png", opened=FAILURE_SCREEN))
    report.open_graphs()
    taken.append(report.screenshot(out / "graphs.png"))
    report.open_categories()
    taken.append(report.screenshot(out / "categories.png"))
    return taken


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.report.exists():
        print(f"report-screenshots: no report at {args.report}; run make e2e or make report first", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(args.chromium), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        taken = take_screenshots(AllureReport(page, args.report), args.out)
        browser.close()
    for path in taken:
        print(f"report-screenshots: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
