"""신분증 인증: the card photographed with the camera (or chosen from the album), its details confirmed."""

from __future__ import annotations

import base64

from playwright.sync_api import FilePayload, Page

from pages.components.messages import Messages

# The photo the app put into its form, read back as the bank will receive it.
READ_CHOSEN_PHOTO = """async input => {
  const bytes = new Uint8Array(await input.files[0].arrayBuffer());
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


class IdCheckScreen:
    def __init__(self, page: Page) -> None:
        self._page = page
        self.messages = Messages(page)
        self.heading = page.get_by_role("heading", name="신분증 인증")
        self.details_heading = page.get_by_role("heading", name="신분증 정보 확인")
        self.read_name = page.get_by_label("이름", exact=True)
        self.read_kind = page.get_by_label("신분증 종류", exact=True)
        self.camera_preview = page.get_by_label("카메라 미리보기")
        self.captured_photo = page.get_by_role("img", name="촬영한 신분증 사진", exact=True)
        self._open_camera = page.get_by_role("button", name="신분증 촬영", exact=True)
        # The app enables the shutter once the preview shows a frame: finding it enabled is waiting for the camera.
        self._shutter = page.get_by_role("button", name="촬영하기", exact=True, disabled=False)
        self._send_captured = page.get_by_role("button", name="이 사진으로 인증", exact=True)
        self._captured_file = page.get_by_label("촬영한 신분증 사진 파일", exact=True)
        self._photo = page.get_by_label("신분증 사진", exact=True)
        self._upload = page.get_by_role("button", name="사진 올리기")
        self._confirm = page.get_by_role("button", name="정보가 맞습니다")

    def open_camera(self) -> None:
        """Press '신분증 촬영' and wait for the preview to show a frame."""
        self._open_camera.click()
        self._shutter.wait_for()

    def photograph_card(self) -> bytes:
        """Take the ID photo with the camera and send it; returns the JPEG that was sent."""
        self.open_camera()
        self._shutter.click()
        self._send_captured.wait_for()
        sent = base64.b64decode(self._captured_file.evaluate(READ_CHOSEN_PHOTO))
        self._send_captured.click()
        self._page.wait_for_load_state()
        return sent

    def upload_photo(self, image: bytes, file_name: str = "id-card.png") -> None:
        """The album path: a picture of the card chosen as a file."""
        self._photo.set_input_files(files=FilePayload(name=file_name, mimeType="image/png", buffer=image))
        self._upload.click()
        self._page.wait_for_load_state()

    def confirm_details(self) -> None:
        self._confirm.click()
        self._page.wait_for_load_state()
