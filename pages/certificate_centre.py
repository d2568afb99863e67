"""인증센터: the certificate tabs, and 'KB국민인증서' → '인증서 발급하기' (guide step 2)."""

from __future__ import annotations

from playwright.sync_api import Page


class CertificateCentre:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.kb_certificate_tab = page.get_by_role("tab", name="KB국민인증서")
        self.issue_button = page.get_by_role("button", name="인증서 발급하기")

    def start_issuance(self) -> None:
        self.kb_certificate_tab.click()
        self.issue_button.click()
        self._page.wait_for_url("**/issue/terms")
