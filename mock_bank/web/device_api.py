"""JSON endpoints the app's JavaScript calls during issuance: PIN, pattern, key and certificate.

Using the certificate afterwards (login, signing, renewal, PIN change) is in certificate_api.py.

Every answer other than success is {reason, field, message} with a 4xx (or 503 for a broken screen), also
when the body is not JSON or has the wrong shape: the app shows `message`, tests check `reason`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, StrictInt, StrictStr

from mock_bank.bank import Bank
from mock_bank.errors import InputRejected
from mock_bank.services.devices import DEVICE_TOKEN_LIMIT, device_hash, new_device_token
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.web.dependencies import BankDep, after_valid_body, finished, issuance_session
from mock_bank.web.rendering import DEVICE_COOKIE, DEVICE_COOKIE_SECONDS, refusal_json, set_private_cookie


# Strict types: a PIN sent as the number 123456 or a pattern point sent as true is a malformed request,
# not something to coerce into shape.
class PinRequest(BaseModel):
    pin: StrictStr = Field(max_length=64)
    confirmation: StrictStr = Field(max_length=64)


class PatternRequest(BaseModel):
    pattern: list[StrictInt] = Field(max_length=9)
    confirmation: list[StrictInt] = Field(max_length=9)


class CertificateRequest(BaseModel):
    challenge_id: StrictStr = Field(max_length=64)
    public_key: StrictStr = Field(max_length=1024)
    signature: StrictStr = Field(max_length=256)


def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 in the bank's own shape: the first offending body field, and Korean words for it."""
    # A location is ("body", field, ...) for a bad field, ("body", offset) for JSON that does not parse.
    fields = [part for problem in error.errors() for part in problem.get("loc", ())[1:2] if isinstance(part, str)]
    return refusal_json(request, InputRejected(fields[0] if fields else "body"))


class RefusingRoute(APIRoute):
    """A body that fails validation (not JSON, wrong types, too long) gets 422 in the bank's refusal shape."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def refusing_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as error:
                return invalid_request(request, error)

        return refusing_handler


def decode_base64(text: str, field: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InputRejected(field) from error


router = APIRouter(prefix="/api", route_class=RefusingRoute)


def issuing(finished: Stage) -> Callable[[Bank, Request, BaseModel], IssuanceSession]:
    """A gate for after_valid_body: the issuance session, once the credentials screen works and `finished` is done."""

    def session(bank: Bank, request: Request, body: BaseModel) -> IssuanceSession:
        return issuance_session(request, finished)

    return session


# A refusal (BankError) becomes the JSON refusal in the app's exception handler, as for every /api/ route.
@router.post("/issuance/pin")
def set_pin(body: PinRequest, bank: BankDep,
            session: Annotated[IssuanceSession, after_valid_body(PinRequest, issuing(Stage.ID_VERIFIED))]) -> Response:
    bank.credentials.set_pin(session, body.pin, body.confirmation)
    return JSONResponse({"ok": True})


@router.post("/issuance/pattern")
def set_pattern(body: PatternRequest, bank: BankDep,
                session: Annotated[IssuanceSession, after_valid_body(PatternRequest, issuing(Stage.PIN_SET))]
                ) -> Response:
    bank.credentials.set_pattern(session, body.pattern, body.confirmation)
    return JSONResponse({"ok": True})


@router.post("/issuance/challenge")
def issuance_challenge(bank: BankDep, session: Annotated[IssuanceSession, finished(Stage.PATTERN_SET)]) -> Response:
    challenge = bank.issuance.challenge(session)
    return JSONResponse({"challenge_id": challenge.id, "nonce": base64.b64encode(challenge.nonce).decode()})


@router.post("/issuance/certificate")
def issue_certificate(
        request: Request, body: CertificateRequest, bank: BankDep,
        session: Annotated[IssuanceSession, after_valid_body(CertificateRequest, issuing(Stage.PATTERN_SET))],
) -> Response:
    # A device that already holds a token keeps it; an app's first certificate brings it one.
    token = request.cookies.get(DEVICE_COOKIE) or ""
    if not token or len(token) > DEVICE_TOKEN_LIMIT:
        token = new_device_token()
    issued = bank.issuance.issue(session, body.challenge_id, decode_base64(body.public_key, "public_key"),
                                 decode_base64(body.signature, "signature"), device_hash(token))
    response = JSONResponse({"serial": issued.serial, "pem": issued.pem}, status_code=201)
    set_private_cookie(request, response, DEVICE_COOKIE, token, DEVICE_COOKIE_SECONDS)
    return response
