"""JSON endpoints the app's JavaScript calls for what only the device can do: keys, PIN, pattern, login."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from mock_bank.bank import Bank
from mock_bank.errors import BankError, InputRejected
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.web.rendering import LOGIN_COOKIE, SESSION_COOKIE, refusal_json


class PinRequest(BaseModel):
    pin: str = Field(max_length=64)
    confirmation: str = Field(max_length=64)


class PatternRequest(BaseModel):
    pattern: list[int] = Field(max_length=9)
    confirmation: list[int] = Field(max_length=9)


class CertificateRequest(BaseModel):
    challenge_id: str = Field(max_length=64)
    public_key: str = Field(max_length=1024)
    signature: str = Field(max_length=256)


class LoginChallengeRequest(BaseModel):
    serial: str = Field(max_length=64)


class SignInRequest(BaseModel):
    serial: str = Field(max_length=64)
    challenge_id: str = Field(max_length=64)
    signature: str = Field(max_length=256)


def _decode(text: str, field: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InputRejected(field) from error


def device_router(bank: Bank) -> APIRouter:
    router = APIRouter(prefix="/api")

    def issuing(request: Request, finished: Stage) -> IssuanceSession:
        return bank.sessions.require(request.cookies.get(SESSION_COOKIE), finished)

    @router.post("/issuance/pin")
    def set_pin(body: PinRequest, request: Request) -> Response:
        try:
            bank.credentials.set_pin(issuing(request, Stage.ID_VERIFIED),
                                     body.pin, body.confirmation)
        except BankError as error:
            return refusal_json(error)
        return JSONResponse({"ok": True})

    @router.post("/issuance/pattern")
    def set_pattern(body: PatternRequest, request: Request) -> Response:
        try:
            bank.credentials.set_pattern(issuing(request, Stage.PIN_SET),
                                         body.pattern, body.confirmation)
        except BankError as error:
            return refusal_json(error)
        return JSONResponse({"ok": True})

    @router.post("/issuance/challenge")
    def issuance_challenge(request: Request) -> Response:
        try:
            challenge = bank.issuance.challenge(
                issuing(request, Stage.PATTERN_SET))
        except BankError as error:
            return refusal_json(error)
        return JSONResponse({"challenge_id": challenge.id, "nonce": base64.b64encode(challenge.nonce).decode()})

    @router.post("/issuance/certificate")
    def issue_certificate(body: CertificateRequest, request: Request) -> Response:
        try:
            issued = bank.issuance.issue(
                issuing(request, Stage.PATTERN_SET),
                body.challenge_id, _decode(body.public_key, "public_key"), _decode(body.signature, "signature"))
        except BankError as error:
            return refusal_json(error)
        return JSONResponse({"serial": issued.serial, "pem": issued.pem}, status_code=201)

    @router.post("/login/challenge")
    def login_challenge(body: LoginChallengeRequest) -> Response:
        try:
            challenge = bank.login.challenge(body.serial)
        except BankError as error:
            return refusal_json(error)
        return JSONResponse({"challenge_id": challenge.id, "nonce": base64.b64encode(challenge.nonce).decode()})

    @router.post("/login/sign-in")
    def sign_in(body: SignInRequest) -> Response:
        try:
            token = bank.login.sign_in(body.serial, body.challenge_id, _decode(body.signature, "signature"))
        except BankError as error:
            return refusal_json(error)
        response = JSONResponse({"ok": True})
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict")
        return response

    return router
