"""`make coverage`: every guide item with the scenarios that cover it; fails on gaps and unknown item IDs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from support.feature_files import scenario_cases  # noqa: E402
from support.guide_catalog import DEFAULT_CATALOG, CatalogError, load_catalog  # noqa: E402
from tooling.bank_rules import InventoryError, load_inventory  # noqa: E402
from tooling.coverage_report import as_markdown, as_text, attach_to_allure, rules_markdown, rules_text  # noqa: E402
from tooling.guide_coverage import last_results, measure  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--features", type=Path, default=ROOT / "features")
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG)
    parser.add_argument("--results", type=Path, default=ROOT / "reports" / "allure-results",
                        help="Allure results to read the last outcome of each scenario from (if present)")
    parser.add_argument("--markdown", type=Path, default=ROOT / "reports" / "guide-coverage.md")
    parser.add_argument("--attach", action="store_true",
                        help="also add the markdown to the Allure results as a global attachment")
    parser.add_argument("--report-only", action="store_true",
                        help="write the outputs but exit 0 even with gaps (used while building the report)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        catalog = load_catalog(args.catalog)
    except CatalogError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    try:
        inventory = load_inventory()
    except InventoryError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    coverage = measure(scenario_cases(args.features, ROOT), catalog, last_results(args.results))
    text = as_text(coverage) + rules_text(inventory, coverage)
    print(text.splitlines()[0] if args.quiet else text, end="\n" if args.quiet else "")
    markdown = as_markdown(coverage) + rules_markdown(inventory, coverage)
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(markdown, "utf-8")
    if args.attach and args.results.is_dir():
        attach_to_allure(markdown, args.results)
    print(f"coverage: {args.markdown}", file=sys.stderr)
    if coverage.ok or args.report_only:
        return 0
    print(f"coverage: {len(coverage.gaps)} item(s) without a scenario, {len(coverage.unknown)} unknown tag(s)",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
