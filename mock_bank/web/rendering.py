"""Templates and the one way a refusal becomes a screen or a JSON answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from mock_bank.errors import BankError
from mock_bank.messages import REMEDIES, explain
from mock_bank.web.request_log import log_refusal

SESSION_COOKIE = "kb_issue"
LOGIN_COOKIE = "kb_login"

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def screen(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    # Every page carries the app version the bank serves now; the device compares it with its own.
    latest = request.app.state.bank.app_release.latest
    return templates.TemplateResponse(request, template, {"app_version": latest, **context},
                                      status_code=status_code)


def refusal_json(error: BankError) -> JSONResponse:
    """{reason, field, message}, and `remedy` when the app has a way out to offer (see messages.REMEDIES)."""
    message = explain(error.reason, error.field, error.params)
    log_refusal(error, message)
    body: dict[str, Any] = {"reason": error.reason.value, "field": error.field, "message": message}
    if error.reason in REMEDIES:
        body["remedy"] = REMEDIES[error.reason]
    return JSONResponse(body, status_code=error.status_code)


def refusal_message(error: BankError) -> str:
    message = explain(error.reason, error.field, error.params)
    log_refusal(error, message)
    return message
