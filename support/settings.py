"""The harness's settings, read once from pytest options and the environment into one frozen object."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
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


class SettingsError(Exception):
    """A setting that cannot work, named with what to do about it."""


@dataclass(frozen=True)
class HarnessSettings:
    chromium: Path
    mock_bank_url: str | None
    run_seed: int
    timeout_ms: int
    device: str
    # A Playwright browser server (`playwright run-server`) every worker connects to instead of launching Chromium.
    browser_server: str | None = None
    # A Selenium Grid 4 hub: Playwright asks it for a Chromium and drives that through the grid's CDP endpoint.
    selenium_grid: str | None = None

    @property
    def remote_browser(self) -> bool:
        """The browser runs where the worker's files are not: the camera comes as a page stream."""
        return self.browser_server is not None or self.selenium_grid is not None

    @classmethod
    def from_config(cls, config: pytest.Config, run_seed: int) -> HarnessSettings:
        chromium = Path(config.getoption("chromium") or os.environ.get("KB_CHROMIUM", DEFAULT_CHROMIUM))
        server = config.getoption("browser_server", None) or os.environ.get("KB_BROWSER_SERVER") or None
        grid = config.getoption("selenium_grid", None) or os.environ.get("SELENIUM_REMOTE_URL") or None
        # With a browser server, the path is the Chromium of the server's machine, which this one need not have.
        if server is None and grid is None and not chromium.exists():
            raise SettingsError(f"Chromium not found at {chromium}: install Debian's chromium "
                                "(make e2e does) or pass --chromium PATH / set KB_CHROMIUM")
        url = config.getoption("mock_bank_url") or os.environ.get("KB_MOCK_BANK_URL")
        return cls(chromium=chromium, mock_bank_url=url.rstrip("/") if url else None, run_seed=run_seed,
                   timeout_ms=int(config.getoption("step_timeout_ms")),
                   device=config.getoption("device") or "Pixel 7", browser_server=server,
                   selenium_grid=grid)


def new_run_seed(config: pytest.Config) -> int:
    fixed = config.getoption("faker_seed")
    return int(fixed) if fixed is not None else secrets.randbelow(2**31)
