"""Requests sent again from the same device, as a tampered app or a replayed capture would send them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import FilePayload, Page


@dataclass(frozen=True)
class BankAnswer:
    status: int
    text: str


class ReplayedRequests:
    """Uses the page's own cookies, so the bank sees the customer's session, not a stranger's."""

    def __init__(self, page: Page) -> None:
        self._request = page.request

    def post_form(self, path: str, fields: dict[str, str]) -> BankAnswer:
        response = self._request.post(path, form=dict[str, str | float | bool](fields), max_redirects=0)
        return BankAnswer(response.status, response.text())

    def post_file(self, path: str, field: str, name: str, content: bytes, mime_type: str) -> BankAnswer:
        file = FilePayload(name=name, mimeType=mime_type, buffer=content)
        response = self._request.post(path, multipart={field: file}, max_redirects=0)
        return BankAnswer(response.status, response.text())

    def post_json(self, path: str, body: dict[str, Any]) -> BankAnswer:
        response = self._request.post(path, data=body)
        return BankAnswer(response.status, response.text())
