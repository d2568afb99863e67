"""비밀번호 변경: the current PIN, then the new one twice, on the secure keypad."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.components.keypad import SecureKeypad
from pages.components.messages import Messages


class PinChangeScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.keypad = SecureKeypad(page, "인증서 비밀번호")
        self._current = page.get_by_role("heading", name="현재 인증서 비밀번호를 입력해 주세요")
        self._new = page.get_by_role("heading", name="새 인증서 비밀번호 6자리를 입력해 주세요")
        self._again = page.get_by_role("heading", name="확인을 위해 새 비밀번호를 한 번 더 입력해 주세요")
        changing_idle = page.get_by_role("region", name="현재 인증서 비밀번호를 입력해 주세요").and_(
            page.locator("[aria-busy=false]"))
        self._settled = page.get_by_role("status", name="진행 안내").filter(has_text="변경되었습니다").or_(
            changing_idle)

    def change_pin(self, current: str, new: str, confirmation: str) -> None:
        """Ends on the management screen with its notice, or back at the first prompt with a refusal."""
        self._current.wait_for()
        self.keypad.enter(current)
        self._new.wait_for()
        self.keypad.enter(new)
        self._again.wait_for()
        self.keypad.enter(confirmation)
        self._settled.wait_for()
