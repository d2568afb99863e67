"""인증서 관리: the certificate this device holds, its validity and status, its ID card and account, the ways to
renew, re-issue or change the PIN, and the notices the guide's checklist asks customers to know."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.components.app_info import AppInfo
from pages.components.messages import Messages


class ManagementScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.app_info = AppInfo(page)
        self.heading = page.get_by_role("heading", name="KB국민인증서", exact=True)
        self._renew = page.get_by_role("link", name="인증서 갱신", exact=True)
        self._change_pin = page.get_by_role("link", name="비밀번호 변경", exact=True)
        self._reissue = page.get_by_role("button", name="인증서 재발급", exact=True)
        self.renew_link = self._renew

    def fact(self, label: str) -> Locator:
        """One line of the certificate's facts: 소유자, 일련번호, 유효기간, 남은 기간, 상태, 신분증, 인증 계좌."""
        return self._page.get_by_label(label, exact=True)

    def notice(self, title: str) -> Locator:
        """A notice by its title: 이용 유의사항, 인증서 사용 시 주의사항, 안전한 비밀번호 관리, 재발급 절차."""
        return self._page.get_by_role("region", name=title, exact=True)

    def wait_until_shown(self) -> None:
        self.heading.wait_for()

    def reload(self) -> None:
        """Look again: the screen is drawn from the bank's clock and records when it loads."""
        self._page.reload()
        self.heading.wait_for()

    def open_renewal(self) -> None:
        self._renew.click()
        self._page.wait_for_url("**/certificate-centre/renew?**")

    def open_pin_change(self) -> None:
        self._change_pin.click()
        self._page.wait_for_url("**/certificate-centre/pin?**")

    def start_reissue(self) -> None:
        self._reissue.click()
        self._page.wait_for_url("**/issue/terms")
