"""One log line per request and per refusal: the bank's side of a scenario, shown in a failing step's report.

Paths only, never query strings or bodies: those carry the customer's numbers, and the log is read into reports.
Test control's paths name phones and accounts (`/_test/phones/010-1234-5678/sms`): every long run of digits
in a path is written with only its last three digits.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.responses import Response

from mock_bank.errors import BankError

log = logging.getLogger("mock_bank.requests")
STATIC_PREFIX = "/static/"
LONG_NUMBER = re.compile(r"\d[\d-]{6,}\d")  # phone, account, RRN: eight or more characters of digits


def masked_path(path: str) -> str:
    """'/_test/phones/010-1234-5678/sms' -> '/_test/phones/*********678/sms'."""
    return LONG_NUMBER.sub(lambda number: "*" * (len(number.group()) - 3) + number.group()[-3:], path)


def log_requests(app: FastAPI) -> None:
    @app.middleware("http")
    async def log_request(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if not request.url.path.startswith(STATIC_PREFIX):  # scripts and styles would drown the screens
            log.info("%s %s → %d (%.0f ms)", request.method, masked_path(request.url.path), response.status_code,
                     elapsed_ms)
        return response


def log_refusal(error: BankError, message: str) -> None:
    """Why the bank said no, in its reason code and the Korean words the customer saw."""
    field = f" [{error.field}]" if error.field else ""
    log.info("거절 %s%s: %s", error.reason.value, field, message)
