"""인증서 갱신: the PIN, and the device makes a new key that the current one vouches for."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.components.keypad import SecureKeypad
from pages.components.messages import Messages


class RenewalScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.keypad = SecureKeypad(page, "인증서 비밀번호")
        # Renewal ends on the management screen of the new certificate, or with a refusal here (not busy).
        renewal_idle = page.get_by_role("region", name="인증서 비밀번호를 입력하면 인증서를 갱신합니다").and_(
            page.locator("[aria-busy=false]"))
        self._settled = page.get_by_role("status", name="진행 안내").filter(has_text="갱신되었습니다").or_(renewal_idle)

    def renew(self, pin: str) -> None:
        self.keypad.enter(pin)
        self._settled.wait_for()
