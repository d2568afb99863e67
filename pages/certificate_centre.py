"""인증센터: the certificate tabs, and 'KB국민인증서' → '인증서 발급하기' (guide step 2), 인증서 관리, 기기 등록."""

from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import Page

from pages.components.app_info import AppInfo
from pages.components.messages import Messages


class CertificateCentre:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.app_info = AppInfo(page)
        self.kb_certificate_tab = page.get_by_role("tab", name="KB국민인증서")
        self.issue_button = page.get_by_role("button", name="인증서 발급하기")
        self.manage_link = page.get_by_role("link", name="인증서 관리", exact=True)
        self.no_certificate_note = page.get_by_text("이 기기에 저장된 KB국민인증서가 없습니다.")
        self._register_device = page.get_by_role("button", name="기기 등록", exact=True)
        self._import = page.get_by_role("button", name="인증서 가져오기", exact=True)

    def open(self) -> None:
        """The 인증센터 opened directly, as the app's menu does after login."""
        self._page.goto("/certificate-centre")
        self.kb_certificate_tab.wait_for()

    def start_issuance(self) -> None:
        self.kb_certificate_tab.click()
        self.issue_button.click()
        self._page.wait_for_url("**/issue/terms")

    def open_management(self) -> None:
        """'KB국민인증서' → '인증서 관리': shown only on the device that holds a certificate."""
        self.kb_certificate_tab.click()
        self.manage_link.click()
        self._page.wait_for_url("**/certificate-centre/manage?**")

    def open_management_of(self, serial: str) -> None:
        """The management screen's address typed in with someone's serial, as an attacker would; no link leads there."""
        self._page.goto(f"/certificate-centre/manage?{urlencode({'serial': serial})}")

    def register_device(self) -> None:
        """기기 등록: issuance from the start on this device, for a certificate that lived on another one."""
        self.kb_certificate_tab.click()
        self._register_device.click()
        self._page.wait_for_url("**/issue/terms")

    def try_import(self) -> None:
        """'인증서 가져오기', as one would for a 공동인증서; the answer is a message on this screen."""
        self.kb_certificate_tab.click()
        self._import.click()
        self.messages.alert.wait_for()

    def look_at_kb_certificate(self) -> None:
        self.kb_certificate_tab.click()
