"""Many requests to the bank at the same instant, as a script or a tampered app would send them.

For checks that a limit holds under a burst, not only under requests in a row. Every request gets its own
thread and waits at one barrier, so they leave together; the count is bounded and the target is the bank's
own URL (on this machine, the loopback). Each reply is kept with the reason and the words the bank gave.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

MAX_BURST = 100
# Every httpx.Client otherwise loads the CA store into a TLS context of its own: about 25 ms of CPU, paid per burst
# and per forged app, some scenarios dozens of times. One context, with httpx's own defaults, serves them all.
TLS = httpx.create_ssl_context()
ALERT_TEXT = re.compile(r'<div id="alert"[^>]*>(.*?)</div>', re.DOTALL)


@dataclass(frozen=True)
class BurstRequest:
    path: str
    json: Any = None
    form: Sequence[tuple[str, str]] | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    status: int
    reason: str | None  # the refusal's reason from an API; None for screens and successes
    said: str  # the refusal's Korean words (an API's message, or a screen's alert)


def words_on_screen(page_html: str) -> str:
    """The text of a screen's alert region, as a customer reads it."""
    found = ALERT_TEXT.search(page_html)
    return html.unescape(found.group(1)).strip() if found else ""


def reply_of(response: httpx.Response) -> Reply:
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict):
            return Reply(response.status_code, body.get("reason"), str(body.get("message", "")))
    return Reply(response.status_code, None, words_on_screen(response.text))


def send_at_once(base_url: str, requests: Sequence[BurstRequest],
                 cookies: Mapping[str, str] | None = None) -> list[Reply]:
    """Send every request at the same moment; replies come back in the order of `requests`."""
    if not 0 < len(requests) <= MAX_BURST:
        raise ValueError(f"a burst is 1 to {MAX_BURST} requests, not {len(requests)}")
    start = threading.Barrier(len(requests))
    limits = httpx.Limits(max_connections=len(requests), max_keepalive_connections=0)
    with httpx.Client(base_url=base_url, cookies=dict(cookies or {}), limits=limits, timeout=30.0,
                      follow_redirects=False, verify=TLS) as client:

        def send(request: BurstRequest) -> Reply:
            start.wait(timeout=30.0)
            if request.form is not None:
                response = client.post(request.path, data=dict(request.form), headers=dict(request.headers))
            else:
                response = client.post(request.path, json=request.json, headers=dict(request.headers))
            return reply_of(response)

        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            return list(pool.map(send, requests))


APP_VERSION_HEADER = "X-App-Version"


def current_app(latest_version: str) -> dict[str, str]:
    """The header the bank's current app sends with every certificate request (USE-3)."""
    return {APP_VERSION_HEADER: latest_version}
