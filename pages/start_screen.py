"""The app's first screen: pattern login, with the 인증센터 tab beside it (guide step 1)."""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Page

from pages.components.keypad import SecureKeypad
from pages.components.messages import Messages
from pages.components.pattern_grid import PatternGrid
from pages.components.remedies import Remedies


class StartScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.pattern = PatternGrid(page)
        self.pin_keypad = SecureKeypad(page, "인증서 비밀번호")
        self.messages = Messages(page)
        self.remedies = Remedies(page)
        self.login_heading = page.get_by_role("heading", name="KB국민인증서 로그인")
        self.certificate_centre_tab = page.get_by_role("tab", name="인증센터")
        self._use_pin = page.get_by_role("button", name="인증서 비밀번호로 로그인")
        # The app marks the login busy from the moment a PIN or pattern is complete until it has an answer, so
        # a sign-in has settled once the home screen shows or the login is no longer busy (then with a refusal).
        login_idle = page.get_by_role("region", name="KB국민인증서 로그인").and_(page.locator("[aria-busy=false]"))
        self._sign_in_settled = page.get_by_role("heading", name="님, 환영합니다").or_(login_idle)

    def launch(self) -> None:
        """Opening the app is a fresh page load of its start screen."""
        self._page.goto("/")
        self.login_heading.wait_for()

    def restart_app(self) -> Page:
        """Close the app and start it again on the same device: a new page, same cookies and storage."""
        restarted = self._page.context.new_page()
        self._page.close()
        StartScreen(restarted).launch()
        return restarted

    def open_certificate_centre(self) -> None:
        self.certificate_centre_tab.click()
        self._page.wait_for_url("**/certificate-centre")

    def sign_in_with_pattern(self, points: Sequence[int]) -> None:
        self.pattern.draw(points)
        self._sign_in_settled.wait_for()

    def sign_in_with_pin(self, pin: str) -> None:
        self._use_pin.click()
        self.pin_keypad.enter(pin)
        self._sign_in_settled.wait_for()
