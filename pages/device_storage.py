"""What the phone itself keeps: the certificate and its key material, read from the app's storage."""

from __future__ import annotations

import base64
from typing import Any

from playwright.sync_api import Page

STORAGE_KEY = "kbstar.certificate"


class DeviceStorage:
    def __init__(self, page: Page) -> None:
        self._page = page

    def _record(self) -> dict[str, Any] | None:
        record: dict[str, Any] | None = self._page.evaluate(
            "key => JSON.parse(localStorage.getItem(key) || 'null')", STORAGE_KEY)
        return record

    def public_key_der(self) -> bytes:
        record = self._record()
        if record is None:
            raise LookupError("this device holds no certificate")
        return base64.b64decode(record["publicKey"])

    def certificate_pem(self) -> str | None:
        record = self._record()
        return None if record is None else str(record["pem"])

    def stored_values(self) -> list[str]:
        """Every text the app keeps for its certificate, however deep in its record."""
        found: list[str] = []

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for inner in value.values():
                    walk(inner)
            elif isinstance(value, list):
                for inner in value:
                    walk(inner)
            elif isinstance(value, str):
                found.append(value)

        walk(self._record())
        return found
