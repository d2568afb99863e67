"""The on-screen secure keypad; its digits are shuffled, so keys are found by name, never by place."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


class SecureKeypad:
    def __init__(self, page: Page, purpose: str) -> None:
        self.root = page.get_by_role("group", name=f"{purpose} 보안 키패드")
        self.progress = page.get_by_role("status", name=f"{purpose} 입력 상태")

    def key(self, digit: str) -> Locator:
        return self.root.get_by_role("button", name=digit, exact=True)

    def enter(self, digits: str) -> None:
        for digit in digits:
            self.key(digit).click()
