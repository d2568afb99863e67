"""Templates and the one way a refusal becomes a screen or a JSON answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from mock_bank.errors import BankError
from mock_bank.messages import REMEDIES, explain
from mock_bank.settings import RuleSettings
from mock_bank.web.request_log import log_refusal

SESSION_COOKIE = "kb_issue"
LOGIN_COOKIE = "kb_login"
# The app's device token (services/devices.py): set with the first certificate, kept for the later ones.
DEVICE_COOKIE = "kb_device"

# Browsers keep no cookie longer than 400 days; the device token asks for all of it.
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def screen(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    # Every page carries the app version the bank serves now; the device compares it with its own.
    latest = request.app.state.bank.app_release.latest
    return templates.TemplateResponse(request, template, {"app_version": latest, **context},
                                      status_code=status_code)


def set_private_cookie(request: Request, response: Response, name: str, value: str,
                       max_age: int | None = None) -> None:
    """HttpOnly and SameSite=Strict always; Secure whenever the bank is served over HTTPS, as in front of
    real customers (on http://127.0.0.1 a Secure cookie would never be sent back by an HTTP client)."""
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


def rules_of(request: Request) -> RuleSettings:
    """The rules of the bank serving this request: its messages are worded with them."""
    rules: RuleSettings = request.app.state.bank.rules
    return rules


def refusal_json(request: Request, error: BankError) -> JSONResponse:
    """{reason, field, message}, and `remedy` when the app has a way out to offer (see messages.REMEDIES)."""
    message = explain(error.reason, error.field, error.params, rules=rules_of(request))
    log_refusal(error, message)
    body: dict[str, Any] = {"reason": error.reason.value, "field": error.field, "message": message}
    if error.reason in REMEDIES:
        body["remedy"] = REMEDIES[error.reason]
    return JSONResponse(body, status_code=error.status_code)


def refusal_message(request: Request, error: BankError) -> str:
    message = explain(error.reason, error.field, error.params, rules=rules_of(request))
    log_refusal(error, message)
    return message
