"""Mend Allure's single-file report in place (see reporting/report_html.py); run by scripts/build_report.sh."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from reporting.report_html import UnexpectedReportMarkup, mend_single_file_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("index_html", type=Path, help="the report's index.html")
    args = parser.parse_args(argv)
    html = args.index_html.read_text("utf-8")
    try:
        mended = mend_single_file_report(html)
    except UnexpectedReportMarkup as problem:
        print(f"report: {args.index_html}: {problem}", file=sys.stderr)
        return 1
    args.index_html.write_text(mended, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
