"""The on-screen secure keypad; its digits are shuffled, so keys are found by name, never by place."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.components.touch_targets import button_centres


class KeypadCovered(LookupError):
    """A key of the keypad is off screen or under something else: a tap there would not reach it."""


class SecureKeypad:
    def __init__(self, page: Page, purpose: str) -> None:
        self._page = page
        self.root = page.get_by_role("group", name=f"{purpose} 보안 키패드")
        self.progress = page.get_by_role("status", name=f"{purpose} 입력 상태")

    def key(self, digit: str) -> Locator:
        return self.root.get_by_role("button", name=digit, exact=True)

    def enter(self, digits: str) -> None:
        """Tap the digits in turn. The keys stay where they are while one entry lasts (the app shuffles them
        only when it draws the keypad), so where every key is gets read once, in one call, and each digit is
        tapped there: Playwright's click checked every key again, 48 ms a tap, and a lookup by role and name
        costs 10-15 ms a key."""
        if not digits:
            return
        self.key(digits[0]).wait_for()  # the app's script has drawn the keys
        centres = button_centres(self.root)
        for digit in digits:
            where = centres.get(digit)
            if where is None:
                raise KeypadCovered(f"the key {digit} is not on the keypad, off screen, or something covers it")
            self._page.mouse.click(where[0], where[1])
