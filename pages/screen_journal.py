"""Every screen the app loads, as the device received it: the fields each one asked the customer for."""

from __future__ import annotations

from html.parser import HTMLParser

from playwright.sync_api import Page, Route


class _FieldLabels(HTMLParser):
    """Collects the text of <label> elements and aria-labels: what a screen asks the customer to give."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self._in_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_label = self._in_label or tag == "label"
        label = dict(attrs).get("aria-label")
        if label and tag in ("input", "div", "select", "textarea"):
            self.labels.append(label)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._in_label = False

    def handle_data(self, data: str) -> None:
        if self._in_label and data.strip():
            self.labels.append(data.strip())


class ScreenJournal:
    """Records documents as they pass (route + fetch), so nothing depends on a screen still being open."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self.fields_asked: dict[str, list[str]] = {}

    def start(self) -> None:
        self._page.route("**/*", self._record)

    def _record(self, route: Route) -> None:
        if route.request.resource_type != "document":
            route.fallback()
            return
        # Redirects go back to the browser as they came, so it navigates (and records) the next screen itself.
        response = route.fetch(max_redirects=0)
        parser = _FieldLabels()
        parser.feed(response.text())
        self.fields_asked[route.request.url] = parser.labels
        route.fulfill(response=response)
