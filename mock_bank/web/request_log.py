"""One log line per request and per refusal: the bank's side of a scenario, shown in a failing step's report.

Paths only, never query strings or bodies: those carry the customer's numbers, and the log is read into reports.
Test control's paths name phones and accounts (`/_test/phones/010-1234-5678/sms`): every long run of digits
in a path is written with only its last three digits.
"""

from __future__ import annotations

import logging
import re
import time

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_bank.errors import BankError

log = logging.getLogger("mock_bank.requests")
STATIC_PREFIX = "/static/"
LONG_NUMBER = re.compile(r"\d[\d-]{6,}\d")  # phone, account, RRN: eight or more characters of digits


def masked_path(path: str) -> str:
    """'/_test/phones/010-1234-5678/sms' -> '/_test/phones/*********678/sms'."""
    return LONG_NUMBER.sub(lambda number: "*" * (len(number.group()) - 3) + number.group()[-3:], path)


class RequestLog:
    """Plain ASGI (see security_headers.SecurityHeaders): the line is written once the answer has gone."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(STATIC_PREFIX):  # scripts and styles would drown
            await self.app(scope, receive, send)                                # the screens
            return
        started = time.perf_counter()
        status = 0

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, send_noting_status)
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.info("%s %s → %d (%.0f ms)", scope["method"], masked_path(scope["path"]), status, elapsed_ms)


def log_requests(app: FastAPI) -> None:
    app.add_middleware(RequestLog)


def log_refusal(error: BankError, message: str) -> None:
    """Why the bank said no, in its reason code and the Korean words the customer saw."""
    field = f" [{error.field}]" if error.field else ""
    log.info("거절 %s%s: %s", error.reason.value, field, message)
