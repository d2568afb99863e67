"""What every issuance screen shares: finding the session, rendering a step, and turning refusals into screens."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from mock_bank.bank import Bank
from mock_bank.errors import BankError, InputRejected, Reason, ScreenUnavailable, StepOutOfOrder
from mock_bank.services.faults import Screen
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.web.rendering import SESSION_COOKIE, refusal_message, screen

STEP_TITLES = {1: "약관 동의", 2: "휴대폰 인증", 3: "계좌 인증", 4: "신분증 인증", 5: "비밀번호 설정"}
SEE_OTHER = 303
FORM_OVERHEAD_BYTES = 64 * 1024  # multipart boundaries and the other fields beside an upload

# Which screen a request belongs to, by the start of its path, so that a screen broken through test
# control fails for its page and its form posts alike, including screens whose routes live elsewhere.
SCREEN_PATHS: tuple[tuple[str, Screen], ...] = (
    ("/issue/terms", Screen.TERMS),
    ("/issue/phone", Screen.PHONE),
    ("/issue/account", Screen.ACCOUNT),
    ("/issue/id", Screen.ID),
    ("/issue/credentials", Screen.CREDENTIALS),
    ("/api/issuance/", Screen.CREDENTIALS),
)


def screen_at(path: str) -> Screen | None:
    return next((name for prefix, name in SCREEN_PATHS if path.startswith(prefix)), None)


class ScreenKit:
    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def session_for(self, request: Request, finished: Stage) -> IssuanceSession:
        """The request's session, once the screen is working and the steps before it are done."""
        current = screen_at(request.url.path)
        if current is not None:
            self.bank.faults.check_screen(current)
        return self.bank.sessions.require(request.cookies.get(SESSION_COOKIE), finished)

    def step(self, request: Request, number: int, template: str, status_code: int = 200,
             **context: Any) -> HTMLResponse:
        return screen(request, template, status_code, step_number=number, step_title=STEP_TITLES[number],
                      **context)

    async def guarded(self, request: Request, render_again: Callable[[str, int], Response],
                      action: Callable[[FormData], Awaitable[Response]]) -> Response:
        """Run a form action; a refusal shows the same screen again with its message, never a 500."""
        try:
            declared = request.headers.get("content-length", "")
            # Refused before the body is read: Starlette's part limit does not apply to file parts.
            if declared.isdigit() and int(declared) > self.bank.rules.max_upload_bytes + FORM_OVERHEAD_BYTES:
                too_large = request.headers.get("content-type", "").startswith("multipart/")
                raise BankError(Reason.PHOTO_TOO_LARGE, "id_photo") if too_large else InputRejected("form")
            try:
                form = await request.form(max_part_size=self.bank.rules.max_upload_bytes)
            except HTTPException as error:
                # Starlette's answer to a body it cannot parse (bad multipart, too many fields or parts).
                raise InputRejected("form") from error
            return await action(form)
        except (StepOutOfOrder, ScreenUnavailable) as error:
            return screen(request, "refused.html", error.status_code, error=refusal_message(request, error))
        except BankError as error:
            return render_again(refusal_message(request, error), error.status_code)


def field(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None
