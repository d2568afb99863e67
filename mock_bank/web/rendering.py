"""Templates and the one way a refusal becomes a screen or a JSON answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from mock_bank.errors import BankError
from mock_bank.messages import explain

APP_VERSION = "7.2.0"
SESSION_COOKIE = "kb_issue"
LOGIN_COOKIE = "kb_login"

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def screen(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"app_version": APP_VERSION, **context},
                                      status_code=status_code)


def refusal_json(error: BankError) -> JSONResponse:
    return JSONResponse({"reason": error.reason.value, "field": error.field,
                         "message": explain(error.reason, error.field)}, status_code=error.status_code)


def refusal_message(error: BankError) -> str:
    return explain(error.reason, error.field)
