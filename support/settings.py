"""The harness's settings, read once from pytest options and the environment into one frozen object."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta, timezone
from pathlib import Path

import pytest

DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
# Chromium's own background traffic is refused on a closed network; these keep it quiet and fast. No sandbox:
# set-up and CI run as root, where Chromium's sandbox refuses to start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Days count in Korea, where the bank, its cards and its screens are.
KST = timezone(timedelta(hours=9), "KST")


class SettingsError(Exception):
    """A setting that cannot work, named with what to do about it."""


@dataclass(frozen=True)
class HarnessSettings:
    chromium: Path
    mock_bank_url: str | None
    run_seed: int
    timeout_ms: int
    device: str

    @classmethod
    def from_config(cls, config: pytest.Config, run_seed: int) -> HarnessSettings:
        chromium = Path(config.getoption("chromium") or os.environ.get("KB_CHROMIUM", DEFAULT_CHROMIUM))
        if not chromium.exists():
            raise SettingsError(f"Chromium not found at {chromium}: install Debian's chromium "
                                "(make e2e does) or pass --chromium PATH / set KB_CHROMIUM")
        url = config.getoption("mock_bank_url") or os.environ.get("KB_MOCK_BANK_URL")
        return cls(chromium=chromium, mock_bank_url=url.rstrip("/") if url else None, run_seed=run_seed,
                   timeout_ms=int(config.getoption("step_timeout_ms")),
                   device=config.getoption("device") or "Pixel 7")


def new_run_seed(config: pytest.Config) -> int:
    fixed = config.getoption("faker_seed")
    return int(fixed) if fixed is not None else secrets.randbelow(2**31)
