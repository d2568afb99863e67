"""Fail when a report file holds a full 주민등록번호 or account number; run by `make e2e` after the features."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

from tooling.personal_data_scan import scan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path,
                        default=[ROOT / "reports" / "allure-results", ROOT / "reports" / "junit.xml"],
                        help="folders and files to scan (default: the Allure results and the JUnit XML)")
    args = parser.parse_args(argv)
    count, leaks = scan(args.paths)
    for leak in leaks:
        print(leak)  # masked: the scan must not print what it found
    print(f"personal-data scan: {len(leaks)} unmasked value(s) in {count} file(s)", file=sys.stderr)
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
