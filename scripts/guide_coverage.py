"""`make coverage`: every guide item with the scenarios that cover it; fails on gaps and unknown item IDs.

The logic is tooling/coverage_report.py's `main`; this file only lets make and build_report.sh run it as a file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file, the project's packages still import

from tooling.coverage_report import main

if __name__ == "__main__":
    sys.exit(main())
