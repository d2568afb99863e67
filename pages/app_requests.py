"""The app's own requests to the bank, sent without drawing its screens: how a test arranges a stage quickly.

The form posts go through the browser context's request client, which sends and keeps the page's cookies,
so the bank sees the same device and the same issuance session the screens would have. What the app does in
JavaScript (the PIN and pattern posts, the key pair, the signed challenge, the sealed storage) is done by the
app's own script in the page (`Device` in device.js): the private key is made by WebCrypto in this browser
and never leaves it, exactly as when the customer taps through the credentials screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode, urlparse

from playwright.sync_api import FilePayload, Page

from support.request_burst import words_on_screen

SEE_OTHER = 303
ISSUANCE_COOKIE = "kb_issue"  # the bank's issuance session, set when issuance starts and when the phone is proven
DEVICE_COOKIE = "kb_device"  # the app's device token, set with its first certificate; the bank binds it to each
FORM_ENCODED = {"Content-Type": "application/x-www-form-urlencoded"}

# The calls credentials.js makes once the keypad and the pattern grid are done, in the same order.
SET_PIN = """pin => Device.postJson("/api/issuance/pin", { pin, confirmation: pin })"""
SET_PATTERN = """pattern => Device.postJson("/api/issuance/pattern", { pattern, confirmation: pattern })"""
REQUEST_CERTIFICATE = """async ({ pin, pattern }) => (await Device.requestCertificate(pin, pattern)).serial"""


class ArrangementRefused(AssertionError):
    """The bank refused a request a shortcut sent: the arrangement, not the scenario's subject, went wrong."""


class AppRequests:
    def __init__(self, page: Page) -> None:
        self._page = page
        self._request = page.request

    def submit_form(self, path: str, fields: Sequence[tuple[str, str]], expect_next: str) -> None:
        """Post a screen's form as the browser would; the bank must answer by sending the app to `expect_next`."""
        response = self._request.post(path, data=urlencode(list(fields)), headers=FORM_ENCODED, max_redirects=0)
        self._require_next(path, response.status, response.headers.get("location"), response.text(), expect_next)

    def upload_photo(self, path: str, field: str, image: bytes, mime_type: str, expect_next: str) -> None:
        """The ID screen's album upload: a file part, as the form's file input sends it."""
        payload = FilePayload(name="id-card.png", mimeType=mime_type, buffer=image)
        response = self._request.post(path, multipart={field: payload}, max_redirects=0)
        self._require_next(path, response.status, response.headers.get("location"), response.text(), expect_next)

    def open(self, path: str) -> None:
        """Show the screen the customer has reached: one page load, as after the bank's last redirect."""
        self._page.goto(path)

    def issuance_session(self) -> str | None:
        """The issuance session's id the bank gave this device, as its cookie holds it."""
        return self._cookie(ISSUANCE_COOKIE)

    def device_token(self) -> str | None:
        """The token by which the bank knows this device holds its certificate (HttpOnly: read from the context)."""
        return self._cookie(DEVICE_COOKIE)

    def _cookie(self, name: str) -> str | None:
        return next((cookie["value"] for cookie in self._page.context.cookies() if cookie["name"] == name), None)

    def current_path(self) -> str:
        return urlparse(self._page.url).path

    def set_pin(self, pin: str) -> None:
        self._page.evaluate(SET_PIN, pin)

    def set_pattern(self, pattern: Sequence[int]) -> None:
        self._page.evaluate(SET_PATTERN, list(pattern))

    def request_certificate(self, pin: str, pattern: Sequence[int]) -> str:
        """The app's last issuance step on this device; returns the serial the bank issued."""
        return str(self._page.evaluate(REQUEST_CERTIFICATE, {"pin": pin, "pattern": list(pattern)}))

    @staticmethod
    def _require_next(path: str, status: int, location: str | None, body: str, expect_next: str) -> None:
        if status == SEE_OTHER and location == expect_next:
            return
        said = words_on_screen(body) or body[:200]
        raise ArrangementRefused(f"POST {path}: the bank answered {status} (to {location!r}, expected "
                                 f"{expect_next!r}): {said or '(no message)'}")
