"""`make a11y`: what the last `make e2e` found on each screen — axe-core violations by impact and layout problems.

Reads reports/a11y/*.jsonl (written by fixtures/screen_checks.py, one line per screen state each worker
checked) and prints one line per screen with the rules found; exits 1 when any screen has a serious or
critical violation or a layout problem, 2 when there is nothing to read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

FAILING = ("critical", "serious")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("reports/a11y"))
    folder = parser.parse_args(argv).folder
    lines = [line for path in sorted(folder.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]
    if not lines:
        print(f"a11y: nothing in {folder}; run `make e2e` first", file=sys.stderr)
        return 2
    states: dict[str, set[str]] = defaultdict(set)
    rules: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    layout: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        record = json.loads(line)
        path = record["path"]
        states[path].add(record["state"])
        for violation in record["violations"]:
            rules[path][violation["impact"]].add(violation["rule"])
        for width, problems in record["layout"].items():
            layout[path].update(f"{width} {problem}" for problem in problems)
    failing = 0
    print(f"{'screen':<34}{'states':>7}  critical/serious   moderate/minor   layout")
    for path in sorted(states):
        found = rules[path]
        bad = sorted(found["critical"] | found["serious"])
        mild = sorted(found["moderate"] | found["minor"])
        failing += bool(bad or layout[path])
        print(f"{path:<34}{len(states[path]):>7}  {', '.join(bad) or '0':<18} {', '.join(mild) or '0':<16} "
              f"{len(layout[path])}")
        for problem in sorted(layout[path]):
            print(f"    {problem}")
    print(f"{len(states)} screens, {sum(map(len, states.values()))} screen states: "
          f"{failing} with serious/critical violations or layout problems")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
