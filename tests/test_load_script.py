"""`make load` issues for several customers at once and says so; a broken bank makes it fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_small_load_run_issues_for_everyone_with_nothing_crossed() -> None:
    run = subprocess.run([sys.executable, "scripts/load_issuance.py", "--customers", "4"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 customers issuing at once: 4 certificates" in run.stdout
    assert "errors 0, crossed customers 0" in run.stdout
    for step in ("sms request", "id photo", "certificate"):
        assert step in run.stdout


def test_a_bank_that_is_not_there_fails_the_run() -> None:
    run = subprocess.run([sys.executable, "scripts/load_issuance.py", "--customers", "2", "--bank-url",
                          "http://127.0.0.1:9"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
