"""The Chromium the scenarios drive runs with Playwright's own switched-off features and ours (support/settings.py).

Chromium keeps only the last --disable-features on its command line, and Playwright puts its own list before the
arguments it is given. The browser process's command line (its pid from Chromium's SystemInfo) shows both lists.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from support.settings import DISABLED_FEATURES

SWITCH = "--disable-features="


def disabled_feature_lists(browser: Browser) -> list[set[str]]:
    """Every --disable-features on the running browser's command line, in order."""
    session = browser.new_browser_cdp_session()
    processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    session.detach()
    pid = next(process["id"] for process in processes if process["type"] == "browser")
    arguments = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    return [set(argument.removeprefix(SWITCH).split(",")) for argument in arguments if argument.startswith(SWITCH)]


def test_the_last_disable_features_keeps_playwrights_list_and_adds_ours(browser: Browser) -> None:
    lists = disabled_feature_lists(browser)
    assert len(lists) >= 2, f"expected Playwright's list and ours, found {lists}"
    playwrights, effective = set().union(*lists[:-1]), lists[-1]
    assert playwrights <= effective, f"Playwright's features left on: {sorted(playwrights - effective)}"
    assert "RenderDocument" in effective
    assert set(DISABLED_FEATURES) == effective
