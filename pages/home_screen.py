"""The signed-in home screen."""

from __future__ import annotations

from playwright.sync_api import Page


class HomeScreen:
    def __init__(self, page: Page) -> None:
        self.welcome = page.get_by_role("heading", level=2)
