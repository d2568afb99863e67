"""비밀번호 및 패턴 설정: the 6-digit PIN and the pattern, each entered twice; then issuance starts."""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Page

from pages.components.keypad import SecureKeypad
from pages.components.messages import Messages
from pages.components.pattern_grid import PatternGrid


class CredentialsScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.keypad = SecureKeypad(page, "인증서 비밀번호")
        self.pin_heading = page.get_by_role("heading", name="비밀번호")
        self.pattern_heading = page.get_by_role("heading", name="패턴")
        self.pattern = PatternGrid(page)
        # Setting the pattern either issues the certificate (the completion screen) or is refused here.
        self._issuance_outcome = page.get_by_role("heading", name="발급이 완료되었습니다").or_(
            self.messages.raised_alert)
        # The bank checks the PIN pair: the pattern phase follows, or a refusal stays on the PIN phase.
        self._pin_outcome = self.pattern_heading.or_(self.messages.raised_alert)

    def set_pin(self, pin: str, confirmation: str) -> None:
        self.keypad.enter(pin)
        self._page.get_by_role("heading", name="확인을 위해 비밀번호를 한 번 더 입력해 주세요").wait_for()
        self.keypad.enter(confirmation)
        # Without this the step ended (and its screenshot was taken) before the bank had answered.
        self._pin_outcome.wait_for()

    def set_pattern(self, points: Sequence[int], confirmation: Sequence[int]) -> None:
        self.pattern.draw(points)
        self._page.get_by_role("heading", name="확인을 위해 같은 패턴을 한 번 더 그려 주세요").wait_for()
        self.pattern.draw(confirmation)
        self._issuance_outcome.wait_for()
