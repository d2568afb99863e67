"""휴대폰 인증: carrier, name, the first 7 RRN digits and the number; then the SMS code (guide step 3)."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.components.messages import Messages


class PhoneCheckScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.heading = page.get_by_role("heading", name="휴대폰 인증")
        self.carrier = page.get_by_label("통신사")
        self.name = page.get_by_label("이름")
        self.rrn_birth = page.get_by_label("주민등록번호 앞 6자리")
        self.rrn_gender = page.get_by_label("주민등록번호 뒤 첫 자리")
        self.phone = page.get_by_label("휴대폰 번호")
        self.code = page.get_by_label("인증번호", exact=True)
        self.time_left = page.get_by_role("timer", name="남은 시간")
        self._request_code = page.get_by_role("button", name="인증번호 요청")
        self._confirm = page.get_by_role("button", name="확인")

    def request_code(self, carrier: str, name: str, rrn_front7: str, phone: str) -> None:
        self.carrier.select_option(carrier)
        self.name.fill(name)
        self.rrn_birth.fill(rrn_front7[:6])
        self.rrn_gender.fill(rrn_front7[6:])
        self.phone.fill(phone)
        self._request_code.click()
        self._page.wait_for_load_state()

    def enter_code(self, code: str) -> None:
        self.code.fill(code)
        self._confirm.click()
        self._page.wait_for_load_state()
