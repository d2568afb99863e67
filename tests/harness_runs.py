"""pytest runs of the harness's own plugins in a process of their own, as a real run would load them.

Not a test module: the replay and report tests import it. Each run gets a fresh folder with one test that
writes the scenario's customer, as the harness built it, to customer.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CUSTOMER_NODE = "test_customer.py::test_customer"
CUSTOMER_TEST = '''
import json, os
from pathlib import Path

def test_customer(identity_faker):
    customer = identity_faker.customer(with_licence=True, reissued_card=True)
    Path(os.environ["CUSTOMER_OUT"]).write_text(json.dumps(customer.to_registration(), ensure_ascii=False))
'''


PLUGINS = ("fixtures.options", "fixtures.customers")


def harness_run(folder: Path, *options: str, kb_today: str | None = None,
                plugins: tuple[str, ...] = PLUGINS) -> subprocess.CompletedProcess[str]:
    """`kb_today` is the run's KB_TODAY; the caller's own is never passed on."""
    folder.mkdir()
    (folder / "test_customer.py").write_text(CUSTOMER_TEST, "utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "KB_TODAY"}
    environment |= {"PYTHONPATH": str(ROOT), "CUSTOMER_OUT": str(folder / "customer.json")}
    if kb_today is not None:
        environment["KB_TODAY"] = kb_today
    # --chromium: any file that exists, as the customer fixtures start no browser. Written with '=', or pytest
    # would take the path for a test path while the option is still unknown, and root the run above it.
    loaded = [argument for plugin in plugins for argument in ("-p", plugin)]
    command = [sys.executable, "-m", "pytest", f"--rootdir={folder}", *loaded, "-p", "no:cacheprovider",
               "-p", "no:xdist", f"--chromium={sys.executable}", *options, "test_customer.py"]
    return subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True, timeout=120)


def customer_of(run: subprocess.CompletedProcess[str], folder: Path) -> dict[str, Any]:
    assert run.returncode == 0, run.stdout + run.stderr
    written: dict[str, Any] = json.loads((folder / "customer.json").read_text("utf-8"))
    return written
