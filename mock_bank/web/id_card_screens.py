"""신분증 인증 screens: the card photo goes up (from the camera or the album), its details come back for confirmation.

Both paths post the same form field, so the bank judges a camera frame and an album picture alike.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from mock_bank.errors import BankError, InputRejected, Reason
from mock_bank.services.id_reader import PhotoTooLarge
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.web.dependencies import BankDep, finished, issuance_session
from mock_bank.web.screen_kit import SEE_OTHER, Refusal, guarded, step

router = APIRouter()


# 신분증 인증
def id_screen(request: Request, session: IssuanceSession, error: str | None = None,
              status_code: int = 200) -> Response:
    return step(request, 4, "id_card.html", status_code, card=session.data.get("card"), error=error)


def id_again(request: Request, refusal: Refusal) -> Response:
    # The session as stored, read again: the refused action may have changed the one it was given.
    return id_screen(request, issuance_session(request, Stage.ACCOUNT_VERIFIED), refusal.message, refusal.status_code)


@router.get("/issue/id", response_class=HTMLResponse)
def id_card(request: Request, session: Annotated[IssuanceSession, finished(Stage.ACCOUNT_VERIFIED)]) -> Response:
    return id_screen(request, session)


@router.post("/issue/id/photo")
async def upload_id_photo(request: Request, session: Annotated[IssuanceSession, finished(Stage.ACCOUNT_VERIFIED)],
                          bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        photo = form.get("id_photo")
        if not isinstance(photo, UploadFile) or not photo.size:
            raise InputRejected("id_photo")
        if bank.faults.take_id_reader_failure():  # arranged through test control (FIX-2)
            raise BankError(Reason.ID_UNREADABLE, "id_photo")
        if photo.size > bank.rules.max_upload_bytes:
            raise PhotoTooLarge()
        # Decoding and measuring a photo takes a while: off the event loop, so other requests go on.
        await run_in_threadpool(bank.id_check.read, session, await photo.read())
        return RedirectResponse("/issue/id", SEE_OTHER)
    return await guarded(request, action, lambda refusal: id_again(request, refusal))


@router.post("/issue/id/confirm")
async def confirm_id(request: Request, session: Annotated[IssuanceSession, finished(Stage.ACCOUNT_VERIFIED)],
                     bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        bank.id_check.confirm(session)
        return RedirectResponse("/issue/credentials", SEE_OTHER)
    return await guarded(request, action, lambda refusal: id_again(request, refusal))
