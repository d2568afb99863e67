"""The signed-in home screen."""

from __future__ import annotations

from playwright.sync_api import Page


class HomeScreen:
    def __init__(self, page: Page) -> None:
        self.welcome = page.get_by_role("heading", level=2)
        self._greeting = page.get_by_role("heading", name="님, 환영합니다")

    def wait_until_shown(self) -> None:
        self._greeting.wait_for()
