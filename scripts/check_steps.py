"""`make check-steps`: undefined, ambiguous and unused Gherkin steps, found before any browser starts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from support.feature_files import scenario_cases  # noqa: E402
from tooling.step_check import check, load_definitions, plugin_modules  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--features", type=Path, default=ROOT / "features")
    parser.add_argument("--conftest", type=Path, default=ROOT / "conftest.py",
                        help="the step modules are the conftest's pytest_plugins, as pytest loads them")
    parser.add_argument("--module", dest="modules", action="append", default=[],
                        help="check against these modules instead of the conftest's plugins (repeatable)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    modules = args.modules or plugin_modules(args.conftest)
    definitions = load_definitions(modules, ROOT)
    cases = list(scenario_cases(args.features, ROOT))
    problems = check(cases, definitions)
    for problem in problems:
        print(problem)
    steps = sum(len(scenario.steps) for case in cases for scenario in case.rendered())
    print(f"check-steps: {len(problems)} problem(s) in {steps} steps of {len(cases)} scenarios "
          f"against {len(definitions)} step definitions", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
