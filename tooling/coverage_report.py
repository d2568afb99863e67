"""The guide coverage written out: for the terminal, as markdown, and as a global attachment in Allure results.

`main` is `make coverage` (scripts/guide_coverage.py): every guide item with the scenarios that cover it, and the
bank's rules beside them; it fails on gaps and unknown item IDs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from support.feature_files import scenario_cases
from support.guide_catalog import DEFAULT_CATALOG, CatalogError, load_catalog
from tooling.bank_rules import Inventory, InventoryError, load_inventory
from tooling.guide_coverage import Coverage, ItemCoverage, last_results, measure

ROOT = Path(__file__).resolve().parents[1]

# Fixed names, so that rebuilding the report replaces the attachment instead of adding another.
ATTACHMENT_NAME = "guide-coverage-attachment.md"
GLOBALS_NAME = "guide-coverage-globals.json"
ATTACHMENT_TITLE = "안내서 항목 커버리지"
TABLE_HEAD = "| 항목 | 상태 | 안내서 | 시나리오 | 최근 결과 |"


def summary(coverage: Coverage) -> str:
    total = len(coverage.items)
    automated = sum(entry.automated for entry in coverage.items)
    return (f"안내서 항목 {total}개 중 자동 시나리오로 확인 {automated}개, 수동 {len(coverage.manual)}개, "
            f"빈 곳 {len(coverage.gaps)}개, 목록에 없는 꼬리표 {len(coverage.unknown)}개")


def _state(entry: ItemCoverage) -> str:
    if entry.gap:
        return "빈 곳"
    return "수동" if entry.manual_only else "확인"


def as_text(coverage: Coverage) -> str:
    lines = [summary(coverage), ""]
    section = None
    for entry in coverage.items:
        if entry.item.epic != section:
            section = entry.item.epic
            lines.append(f"[{section}]")
        lines.append(f"  {entry.item.id:<10} {_state(entry):<4} {entry.item.says}")
        for case in entry.cases:
            manual = " (수동)" if case.manual else ""
            lines.append(f"      {case.result:<6} {case.location}  {case.title}{manual}")
    if coverage.gaps:
        lines += ["", "빈 곳 (이 항목을 다루는 시나리오가 없습니다):"]
        lines += [f"  {entry.item.id} {entry.item.says}" for entry in coverage.gaps]
    if coverage.manual:
        lines += ["", "수동 확인 항목 (@manual 시나리오만 있습니다):"]
        lines += [f"  {entry.item.id} {entry.item.says}" for entry in coverage.manual]
    if coverage.unknown:
        lines += ["", "목록에 없는 항목을 가리키는 꼬리표 (features/guide_items.toml 확인):"]
        lines += [f"  {tag.location}: @guide:{tag.item_id}" for tag in coverage.unknown]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(coverage: Coverage) -> str:
    lines = [f"# {ATTACHMENT_TITLE}", "", summary(coverage), "",
             "`make coverage` 가 만듭니다. 결과는 마지막 실행(`reports/allure-results`)의 것입니다.", ""]
    section = None
    for entry in coverage.items:
        if entry.item.epic != section:
            section = entry.item.epic
            lines += ["", f"## {section}", "", TABLE_HEAD, "|---|---|---|---|---|"]
        cases = entry.cases or ()
        if not cases:
            lines.append(f"| {entry.item.id} | **빈 곳** | {_cell(entry.item.says)} | — | — |")
        for index, case in enumerate(cases):
            head = f"| {entry.item.id} | {_state(entry)} | {_cell(entry.item.says)} " if index == 0 else "| | | "
            manual = " (수동)" if case.manual else ""
            lines.append(f"{head}| `{case.location}` {_cell(case.title)}{manual} | {case.result} |")
    if coverage.unknown:
        lines += ["", "## 목록에 없는 항목을 가리키는 꼬리표", ""]
        lines += [f"- `{tag.location}`: `@guide:{tag.item_id}`" for tag in coverage.unknown]
    return "\n".join(lines) + "\n"


def attach_to_allure(markdown: str, results_dir: Path) -> None:
    """A global attachment (Allure 3 shows it under '전역 첨부파일'), next to the test results."""
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / ATTACHMENT_NAME).write_text(markdown, "utf-8")
    globals_file = {"attachments": [{"name": ATTACHMENT_TITLE, "source": ATTACHMENT_NAME, "type": "text/markdown",
                                     "timestamp": int(time.time() * 1000)}], "errors": []}
    (results_dir / GLOBALS_NAME).write_text(json.dumps(globals_file, ensure_ascii=False), "utf-8")


def rules_text(inventory: Inventory, coverage: Coverage) -> str:
    """The bank's rules beside the guide items they belong to (features/bank_rules.toml)."""
    grouped = inventory.by_guide_item()
    lines = ["", f"은행 규칙 {len(inventory)}개, 변이 {inventory.mutations}개 "
             "(features/bank_rules.toml, `make mutations`)"]
    for entry in coverage.items:
        for rule in grouped.get(entry.item.id, []):
            pinned = "시나리오" if rule.by_scenario else f"단위 테스트 ({rule.suite})"
            lines.append(f"  {entry.item.id:<10} {rule.id:<26} {rule.says} — {pinned}, 변이 {len(rule.mutations)}개")
    return "\n".join(lines) + "\n"


def rules_markdown(inventory: Inventory, coverage: Coverage) -> str:
    grouped = inventory.by_guide_item()
    lines = ["", "## 은행 규칙", "", f"규칙 {len(inventory)}개, 변이 {inventory.mutations}개. 규칙마다 그것을 지키는 "
             "시나리오와, 규칙을 일부러 깨뜨리는 변이가 있습니다 (`features/bank_rules.toml`, `make mutations`).", "",
             "| 항목 | 규칙 | 내용 | 확인 | 변이 |", "|---|---|---|---|---|"]
    for entry in coverage.items:
        for rule in grouped.get(entry.item.id, []):
            pinned = "시나리오" if rule.by_scenario else f"단위 테스트 `{rule.suite}`"
            lines.append(f"| {entry.item.id} | `{rule.id}` | {_cell(rule.says)} | {pinned} | {len(rule.mutations)} |")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="`make coverage`: every guide item with the scenarios that cover "
                                                 "it; fails on gaps and unknown item IDs.")
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
