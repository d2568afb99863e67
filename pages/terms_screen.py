"""약관 동의: every required term must be ticked; '약관 전체 동의' ticks them all."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.components.messages import Messages


class TermsScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.agree_all_button = page.get_by_role("button", name="약관 전체 동의")
        self.terms = page.get_by_role("checkbox")
        self.unticked_terms = page.get_by_role("checkbox", checked=False)
        self._next = page.get_by_role("button", name="다음")

    def term(self, title: str) -> Locator:
        return self._page.get_by_role("checkbox", name=title)

    def agree_to_all(self) -> None:
        self.agree_all_button.click()

    def agree_to(self, title: str) -> None:
        self.term(title).check()

    def agree_to_all_but(self, title: str) -> None:
        self.agree_to_all()
        self.term(title).uncheck()

    def proceed(self) -> None:
        self._next.click()
        self._page.wait_for_load_state()
