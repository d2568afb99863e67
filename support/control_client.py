"""A client of the mock bank's test-control API, used the way a QA engineer would use a deployed mock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx


@dataclass(frozen=True)
class CaChain:
    root_pem: str
    issuing_pem: str


class ControlClient:
    """Each call raises httpx.HTTPStatusError on a refusal, so a broken arrangement fails loudly."""

    def __init__(self, base_url: str) -> None:
        self._http = httpx.Client(base_url=f"{base_url}/_test", timeout=10.0)

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, json: Any = None) -> Any:
        response = self._http.request(method, path, json=json)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self) -> None:
        self._call("POST", "/reset")

    def register(self, registration: dict[str, Any]) -> str:
        return str(self._call("POST", "/customers", registration)["customer_id"])

    def sms_inbox(self, phone: str) -> list[str]:
        return [message["body"] for message in self._call("GET", f"/phones/{phone}/sms")["messages"]]

    def block_sms(self, phone: str, blocked: bool) -> None:
        self._call("PUT", f"/phones/{phone}/sms-block", {"blocked": blocked})

    def deposits(self, bank: str, number: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/accounts/{bank}/{number}/deposits")["deposits"])

    def ca_chain(self) -> CaChain:
        body = self._call("GET", "/ca")
        return CaChain(body["root_pem"], body["issuing_pem"])

    def certificates(self, customer_id: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/customers/{customer_id}/certificates")["certificates"])

    def session(self, session_id: str) -> dict[str, Any]:
        """{'stage', 'customer_id', 'purpose', 'recorded': names of what the session holds}."""
        return dict(self._call("GET", f"/sessions/{session_id}"))

    def now(self) -> datetime:
        return datetime.fromisoformat(self._call("GET", "/clock")["now"])

    def set_clock(self, at: datetime) -> datetime:
        return datetime.fromisoformat(self._call("PUT", "/clock", {"now": at.isoformat()})["now"])

    def advance_clock(self, seconds: float) -> datetime:
        return datetime.fromisoformat(self._call("POST", "/clock/advance", {"seconds": seconds})["now"])

    def delay_sms(self, phone: str, seconds: int) -> None:
        self._call("PUT", f"/phones/{phone}/sms-delay", {"seconds": seconds})

    def break_screen(self, screen: str, until: str = "restart") -> None:
        """The app fails on this screen until it restarts (FIX-3) or the fault is cleared."""
        self._call("PUT", f"/faults/screens/{screen}", {"until": until})

    def repair_screen(self, screen: str) -> None:
        self._call("DELETE", f"/faults/screens/{screen}")

    def fail_id_reader(self, failures: int = 1) -> None:
        self._call("PUT", "/faults/id-reader", {"failures": failures})

    def faults(self) -> dict[str, Any]:
        return dict(self._call("GET", "/faults"))

    # After issuance (USE-3..5, CHECK-3..5): the app version, later ID cards and accounts, signed transfers.
    def publish_app_version(self, latest: str, minimum: str) -> None:
        """The bank serves app `latest` from now on and refuses logins and signatures from apps below `minimum`."""
        self._call("PUT", "/app-version", {"latest": latest, "minimum": minimum})

    def app_version(self) -> dict[str, str]:
        """{'latest': ..., 'minimum': ...}"""
        return dict(self._call("GET", "/app-version"))

    def add_id_card(self, customer_id: str, card: dict[str, Any]) -> None:
        """The ID registry learns of a card issued later (the registration shape of identities.customer)."""
        self._call("POST", f"/customers/{customer_id}/id-cards", card)

    def add_account(self, customer_id: str, bank: str, number: str) -> None:
        self._call("POST", f"/customers/{customer_id}/accounts", {"bank": bank, "number": number})

    def set_account_status(self, bank: str, number: str, status: str) -> None:
        """'closed' or 'open'."""
        self._call("PUT", f"/accounts/{bank}/{number}/status", {"status": status})

    def signatures(self, customer_id: str) -> list[dict[str, Any]]:
        """Signed transfers: content (canonical JSON), signature (base64 r||s), serial, pem, signed_at."""
        return list(self._call("GET", f"/customers/{customer_id}/signatures")["signatures"])
