"""Pages of another site that use the bank's: one shows a bank screen in a frame (clickjacking), one posts a
form to the bank as soon as it opens (cross-site request forgery).

The page comes from fixtures/other_site.py; the browser asks the bank for the framed screen itself.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlparse

from playwright.sync_api import Page


class OtherSite:
    def __init__(self, page: Page, site_url: str) -> None:
        self._page = page
        self._site_url = site_url
        self._framed = page.locator("body[data-framed=loaded]")

    def open_framing(self, address: str) -> None:
        """Open the other site's page with `address` in a frame, and wait until the frame has loaded."""
        self._page.goto(f"{self._site_url}/frame?src={quote(address, safe='')}")
        self._framed.wait_for(state="attached")

    def framed_address(self) -> str:
        """Where the frame ended up: the bank's screen, or the browser's own error page when it refused."""
        frames = [frame for frame in self._page.frames if frame != self._page.main_frame]
        if len(frames) != 1:
            raise LookupError(f"the other site's page has {len(frames)} frames, not one")
        return frames[0].url

    def post_form(self, action: str, fields: dict[str, str]) -> None:
        """Open the other site's page that posts `fields` to `action`, and wait for the answer to be shown."""
        self._page.goto(f"{self._site_url}/post?{urlencode({'action': action, **fields})}")
        bank = urlparse(action)
        self._page.wait_for_url(lambda url: urlparse(url).netloc == bank.netloc)
