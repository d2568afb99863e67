"""앱 정보: the version installed on this device, the latest one the bank serves, and the update button."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


class AppInfo:
    def __init__(self, page: Page) -> None:
        self._page = page
        self._region = region = page.get_by_role("region", name="앱 정보")
        self.installed = region.get_by_label("현재 버전", exact=True)
        self.latest = region.get_by_label("최신 버전", exact=True)
        self.state = region.get_by_role("status", name="앱 버전 상태")
        self._update = region.get_by_role("button", name="앱 업데이트", exact=True)

    def field(self, label: str) -> Locator:
        """현재 버전 or 최신 버전."""
        return self._region.get_by_label(label, exact=True)

    def update(self) -> None:
        with self._page.expect_event("load"):
            self._update.click()
