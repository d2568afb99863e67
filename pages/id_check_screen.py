"""신분증 인증: the card photo goes up, its details come back for the customer to confirm."""

from __future__ import annotations

from playwright.sync_api import FilePayload, Page

from pages.components.messages import Messages


class IdCheckScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.heading = page.get_by_role("heading", name="신분증 인증")
        self.details_heading = page.get_by_role("heading", name="신분증 정보 확인")
        self.read_name = page.get_by_label("이름", exact=True)
        self.read_kind = page.get_by_label("신분증 종류", exact=True)
        self._photo = page.get_by_label("신분증 사진")
        self._upload = page.get_by_role("button", name="사진 올리기")
        self._confirm = page.get_by_role("button", name="정보가 맞습니다")

    def upload_photo(self, image: bytes, file_name: str = "id-card.png") -> None:
        """The album path: the same picture a camera would give, chosen as a file."""
        self._photo.set_input_files(files=FilePayload(name=file_name, mimeType="image/png", buffer=image))
        self._upload.click()
        self._page.wait_for_load_state()

    def confirm_details(self) -> None:
        self._confirm.click()
        self._page.wait_for_load_state()
