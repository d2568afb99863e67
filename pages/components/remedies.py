"""The way out the app offers next to a refusal: re-issue, register this device, or update the app."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


class Remedies:
    def __init__(self, page: Page) -> None:
        self._page = page
        self._ways = ways = page.get_by_role("group", name="해결 방법")
        self.reissue_button = ways.get_by_role("button", name="인증서 재발급하기", exact=True)
        self.register_device_button = ways.get_by_role("button", name="이 기기에서 기기 등록하기", exact=True)
        self.update_button = ways.get_by_role("button", name="앱 업데이트", exact=True)

    def button(self, name: str) -> Locator:
        return self._ways.get_by_role("button", name=name, exact=True)

    def reissue(self) -> None:
        """Start 재발급 from the refusal; the issuance steps begin with the terms."""
        self.reissue_button.click()
        self._page.wait_for_url("**/issue/terms")

    def register_device(self) -> None:
        self.register_device_button.click()
        self._page.wait_for_url("**/issue/terms")

    def update_app(self) -> None:
        """Install the latest app: the screen reloads as the new version."""
        with self._page.expect_event("load"):
            self.update_button.click()
