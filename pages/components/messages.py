"""The alert and status regions every screen has: where refusals and confirmations are announced."""

from __future__ import annotations

import re

from playwright.sync_api import Page


class Messages:
    def __init__(self, page: Page) -> None:
        self.alert = page.get_by_role("alert", name="오류 안내")
        self.status = page.get_by_role("status", name="진행 안내")
        # The alert region is always in the page, empty and hidden until there is a refusal to announce;
        # waiting on 'an outcome or an alert' must not match the empty region (strict mode counts it).
        self.raised_alert = self.alert.filter(has_text=re.compile(r"\S"))
