"""The harness's settings, read once from pytest options and the environment into one frozen object."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType

import pytest
from playwright.sync_api import Page

# Debian's old headless shell, as Playwright itself launches for headless runs, when bootstrap could install it at
# Chromium's version: measured on 28 scenarios at one worker, 41 s instead of 51 s and a quarter less CPU; the full
# browser otherwise. The grid's chromedriver keeps using /usr/bin/chromium.
FULL_CHROMIUM = Path("/usr/bin/chromium")
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
DEFAULT_CHROMIUM = HEADLESS_SHELL if HEADLESS_SHELL.exists() else FULL_CHROMIUM
DEFAULT_DEVICE = "Pixel 7"  # Playwright's device profile of the customer's phone, unless --device says otherwise
# Where that phone is set to: a Korean customer's, in Korean and on Seoul time.
PHONE_REGION: Mapping[str, str] = MappingProxyType({"locale": "ko-KR", "timezone_id": "Asia/Seoul"})
# Chromium keeps only the last --disable-features it is given, so ours must repeat the list Playwright 1.65 passes
# (chromiumSwitches in its driver); tests/test_chromium_features.py fails if the browser leaves any of it on.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints",
    "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# RenderDocument builds a new frame and a new view for every navigation, even to the same site; without it Chromium
# keeps the frame, as it did before the feature. Measured on one page loading the start screen 40 times: 67 → 48 ms
# of CPU a navigation (Chromium and the Playwright driver), 43 → 33 ms of wall time; a scenario loads about four
# screens. What a page could see of it (which frame object hosts the next document) none of our screens uses.
DISABLED_FEATURES = (*PLAYWRIGHT_DISABLED_FEATURES, "RenderDocument")
# Chromium's own background traffic is refused on a closed network; these keep it quiet and fast. No sandbox:
# set-up and CI run as root, where Chromium's sandbox refuses to start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=" + ",".join(DISABLED_FEATURES),
]


# Days count in Korea, where the bank, its cards and its screens are.
KST = timezone(timedelta(hours=9), "KST")
# From 2000, when every adult can hold a 주민등록증 of the current design (1999); to 2089, as the bank's clock
# stops at 2100 and scenarios move it a certificate's three years and more past today.
FIRST_TODAY = date(2000, 1, 1)
LAST_TODAY = date(2089, 12, 31)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class SettingsError(Exception):
    """A setting that cannot work, named with what to do about it."""


@dataclass(frozen=True)
class HarnessSettings:
    chromium: Path
    mock_bank_url: str | None
    run_seed: int
    today: date  # the run's one day: customers are aged on it and the bank's clock opens on it
    timeout_ms: int
    device: str
    # A Playwright browser server (`playwright run-server`) every worker connects to instead of launching Chromium.
    browser_server: str | None = None
    # A Selenium Grid 4 hub: Playwright asks it for a Chromium and drives that through the grid's CDP endpoint.
    selenium_grid: str | None = None

    def apply_step_timeout(self, page: Page) -> None:
        """How long the page objects' waits on this page last: as long as a step may wait for the app."""
        page.set_default_timeout(self.timeout_ms)

    @property
    def remote_browser(self) -> bool:
        """The browser runs where the worker's files are not: the camera comes as a page stream."""
        return self.browser_server is not None or self.selenium_grid is not None

    @classmethod
    def from_config(cls, config: pytest.Config, run_seed: int, today: date) -> HarnessSettings:
        chromium = Path(config.getoption("chromium") or os.environ.get("KB_CHROMIUM", DEFAULT_CHROMIUM))
        server, grid = remote_browsers(config)
        # With a browser server, the path is the Chromium of the server's machine, which this one need not have.
        if server is None and grid is None and not chromium.exists():
            raise SettingsError(f"Chromium not found at {chromium}: install Debian's chromium "
                                "(make e2e does) or pass --chromium PATH / set KB_CHROMIUM")
        url = config.getoption("mock_bank_url") or os.environ.get("KB_MOCK_BANK_URL")
        return cls(chromium=chromium, mock_bank_url=url.rstrip("/") if url else None, run_seed=run_seed,
                   today=today, timeout_ms=int(config.getoption("step_timeout_ms")),
                   device=config.getoption("device") or DEFAULT_DEVICE, browser_server=server, selenium_grid=grid)


def remote_browsers(config: pytest.Config) -> tuple[str | None, str | None]:
    """The browser server and the Selenium Grid the run takes its browsers from, if any (option, else env)."""
    server = config.getoption("browser_server", None) or os.environ.get("KB_BROWSER_SERVER") or None
    grid = config.getoption("selenium_grid", None) or os.environ.get("SELENIUM_REMOTE_URL") or None
    return server, grid


def new_run_seed(config: pytest.Config) -> int:
    fixed = config.getoption("faker_seed")
    return int(fixed) if fixed is not None else secrets.randbelow(2**31)


def _korean_now() -> datetime:
    return datetime.now(KST)


def run_today(option: str | None, environ: Mapping[str, str], now: Callable[[], datetime] = _korean_now) -> date:
    """--today, else KB_TODAY, else today's date in Korea, where the bank, its cards and its screens count days.

    `now` is the real time, read only when neither is given.
    """
    if option is not None:
        return parse_today(option, "--today ")
    if environ.get("KB_TODAY"):
        return parse_today(environ["KB_TODAY"], "KB_TODAY=")
    return now().astimezone(KST).date()


def parse_today(text: str, source: str) -> date:
    """`source` is how the value was written before it: '--today ' or 'KB_TODAY='."""
    # date.fromisoformat alone would also take '20270301' and week dates; one spelling keeps replays greppable.
    if not _ISO_DAY.fullmatch(text):
        raise SettingsError(f"{source}{text!r} is not a day written YYYY-MM-DD, e.g. {source}2027-03-01")
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise SettingsError(f"{source}{text} is not a day on the calendar ({error})") from None
    if not FIRST_TODAY <= day <= LAST_TODAY:
        raise SettingsError(f"{source}{text} is outside the days the harness can run on, "
                            f"{FIRST_TODAY} to {LAST_TODAY}")
    return day
