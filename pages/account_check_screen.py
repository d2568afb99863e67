"""계좌 인증: bank, account number and the 1원 입금 인증 method; then the code from the depositor name."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.components.messages import Messages


class AccountCheckScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.heading = page.get_by_role("heading", name="계좌 인증")
        self.bank = page.get_by_label("은행", exact=True)
        self.account_number = page.get_by_label("계좌번호")
        self.code = page.get_by_label("입금자명 숫자 4자리")
        self._send = page.get_by_role("button", name="1원 보내기")
        self._confirm = page.get_by_role("button", name="확인")

    def method(self, name: str) -> Locator:
        return self._page.get_by_role("radio", name=name)

    def request_deposit(self, bank: str, account_number: str, method: str) -> None:
        self.bank.select_option(bank)
        self.account_number.fill(account_number)
        self.method(method).check()
        self._send.click()
        self._page.wait_for_load_state()

    def enter_code(self, code: str) -> None:
        self.code.fill(code)
        self._confirm.click()
        self._page.wait_for_load_state()
