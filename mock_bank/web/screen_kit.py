"""What the form screens share: which screen a path belongs to, rendering a step, and turning a refused form
into the same screen shown again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from mock_bank.errors import BankError, InputRejected, Reason, ScreenUnavailable, StepOutOfOrder
from mock_bank.services.faults import Screen
from mock_bank.web.rendering import refusal_message, rules_of, screen

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


def step(request: Request, number: int, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """One of the issuance screens, with its place among the five steps."""
    return screen(request, template, status_code, step_number=number, step_title=STEP_TITLES[number], **context)


@dataclass(frozen=True)
class Refusal:
    """A refused form, for its screen to show again: the words, the status, why, and the form as it was sent
    (None when it could not be read)."""

    message: str
    status_code: int
    reason: Reason
    form: FormData | None


async def guarded(request: Request, action: Callable[[FormData], Awaitable[Response]],
                  render_again: Callable[[Refusal], Response]) -> Response:
    """Run a form action; a refusal shows the same screen again with its message, never a 500."""
    form: FormData | None = None
    try:
        max_upload_bytes = rules_of(request).max_upload_bytes
        declared = request.headers.get("content-length", "")
        # Refused before the body is read: Starlette's part limit does not apply to file parts.
        if declared.isdigit() and int(declared) > max_upload_bytes + FORM_OVERHEAD_BYTES:
            too_large = request.headers.get("content-type", "").startswith("multipart/")
            raise BankError(Reason.PHOTO_TOO_LARGE, "id_photo") if too_large else InputRejected("form")
        try:
            form = await request.form(max_part_size=max_upload_bytes)
        except HTTPException as error:
            # Starlette's answer to a body it cannot parse (bad multipart, too many fields or parts).
            raise InputRejected("form") from error
        return await action(form)
    except (StepOutOfOrder, ScreenUnavailable) as error:
        return screen(request, "refused.html", error.status_code, error=refusal_message(request, error))
    except BankError as error:
        return render_again(Refusal(refusal_message(request, error), error.status_code, error.reason, form))


def field(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None
