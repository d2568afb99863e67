"""발급 완료: the new certificate's holder, serial number and validity."""

from __future__ import annotations

from playwright.sync_api import Page


class CompletionScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.heading = page.get_by_role("heading", name="KB국민인증서 발급이 완료되었습니다")
        self.holder = page.get_by_label("소유자", exact=True)
        self.serial = page.get_by_label("일련번호", exact=True)
        self.validity = page.get_by_label("유효기간", exact=True)
        self._to_login = page.get_by_role("link", name="로그인하러 가기")

    def wait_until_shown(self) -> None:
        self.heading.wait_for()

    def go_to_login(self) -> None:
        self._to_login.click()
        self._page.wait_for_url("**/")
