"""The alert and status regions every screen has: where refusals and confirmations are announced."""

from __future__ import annotations

from playwright.sync_api import Page


class Messages:
    def __init__(self, page: Page) -> None:
        self.alert = page.get_by_role("alert", name="오류 안내")
        self.status = page.get_by_role("status", name="진행 안내")
