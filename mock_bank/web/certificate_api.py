"""JSON endpoints for using the certificate after issuance: login, 전자서명, 갱신 and 비밀번호 변경.

Every one first checks the app version the device reports in X-App-Version (USE-3), then the certificate;
a refusal is {reason, field, message} with `remedy` when the app has a way out to offer, as in
device_api.py. Bodies that fail validation get 422 in the same shape (RefusingRoute).
"""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, StrictStr

from mock_bank.bank import Bank
from mock_bank.errors import LoginRequired
from mock_bank.records import CustomerRow
from mock_bank.services.issuance import Challenge
from mock_bank.web.dependencies import BankDep, after_valid_body, signed_in_customer
from mock_bank.web.device_api import RefusingRoute, decode_base64
from mock_bank.web.rendering import DEVICE_COOKIE, LOGIN_COOKIE, set_private_cookie

APP_VERSION_HEADER = "X-App-Version"


class SerialRequest(BaseModel):
    serial: StrictStr = Field(max_length=64)


class PinRequest(SerialRequest):
    pin: StrictStr = Field(max_length=64)


class SignInRequest(SerialRequest):
    challenge_id: StrictStr = Field(max_length=64)
    signature: StrictStr = Field(max_length=256)


class SignatureRequest(SerialRequest):
    signature: StrictStr = Field(max_length=256)


class RenewalRequest(SerialRequest):
    challenge_id: StrictStr = Field(max_length=64)
    old_signature: StrictStr = Field(max_length=256)
    public_key: StrictStr = Field(max_length=1024)
    new_signature: StrictStr = Field(max_length=256)


class PinChangeRequest(SerialRequest):
    current_pin: StrictStr = Field(max_length=64)
    new_pin: StrictStr = Field(max_length=64)
    confirmation: StrictStr = Field(max_length=64)


def challenge_json(challenge: Challenge) -> JSONResponse:
    return JSONResponse({"challenge_id": challenge.id, "nonce": base64.b64encode(challenge.nonce).decode()})


# Refusals are raised as BankError; the app's handler answers them in the refusal shape.
router = APIRouter(prefix="/api", route_class=RefusingRoute)


def require_recent_app(bank: Bank, request: Request) -> None:
    """The app the device reports in X-App-Version is not older than the oldest the bank accepts (USE-3)."""
    bank.app_release.require(request.headers.get(APP_VERSION_HEADER))


# The gates, run once the body is valid (after_valid_body); the app version comes first in both.
def from_holding_app(bank: Bank, request: Request, body: SerialRequest) -> None:
    """A recent app on the device holding the certificate. After login the login itself vouches for the device:
    transfers check the login and the app version (signed_in_app)."""
    require_recent_app(bank, request)
    bank.devices.require_holder(body.serial, request.cookies.get(DEVICE_COOKIE))


def signed_in_app(bank: Bank, request: Request, body: SerialRequest) -> CustomerRow:
    """A recent app, and the customer it is signed in as."""
    require_recent_app(bank, request)
    customer = signed_in_customer(request, bank)
    if customer is None:
        raise LoginRequired()
    return customer


@router.post("/login/challenge", dependencies=[after_valid_body(SerialRequest, from_holding_app)])
def login_challenge(body: SerialRequest, bank: BankDep) -> Response:
    """The pattern login: the pattern stays on the device, so the challenge comes at once."""
    return challenge_json(bank.login.challenge(body.serial))


@router.post("/login/pin", dependencies=[after_valid_body(PinRequest, from_holding_app)])
def login_pin(body: PinRequest, bank: BankDep) -> Response:
    """The PIN login: the bank checks and counts the PIN before it hands out the challenge."""
    return challenge_json(bank.login.pin_challenge(body.serial, body.pin))


@router.post("/login/sign-in", dependencies=[after_valid_body(SignInRequest, from_holding_app)])
def sign_in(body: SignInRequest, request: Request, bank: BankDep) -> Response:
    token = bank.login.sign_in(body.serial, body.challenge_id, decode_base64(body.signature, "signature"))
    response = JSONResponse({"ok": True})
    set_private_cookie(request, response, LOGIN_COOKIE, token)
    return response


@router.post("/transfers/{transfer_id}/pin")
def transfer_pin(transfer_id: str, body: PinRequest, bank: BankDep,
                 customer: Annotated[CustomerRow, after_valid_body(PinRequest, signed_in_app)]) -> Response:
    content = bank.transfers.check_pin(transfer_id, customer["id"], body.serial, body.pin)
    return JSONResponse({"content": content})


@router.post("/transfers/{transfer_id}/signature")
def transfer_signature(transfer_id: str, body: SignatureRequest, bank: BankDep,
                       customer: Annotated[CustomerRow, after_valid_body(SignatureRequest, signed_in_app)]
                       ) -> Response:
    signed = bank.transfers.sign(transfer_id, customer["id"], body.serial, decode_base64(body.signature, "signature"))
    return JSONResponse({"ok": True, "serial": signed.serial})


@router.post("/renewal/challenge", dependencies=[after_valid_body(PinRequest, from_holding_app)])
def renewal_challenge(body: PinRequest, bank: BankDep) -> Response:
    return challenge_json(bank.renewal.challenge(body.serial, body.pin))


@router.post("/renewal/certificate", dependencies=[after_valid_body(RenewalRequest, from_holding_app)])
def renew(body: RenewalRequest, bank: BankDep) -> Response:
    renewed = bank.renewal.renew(body.serial, body.challenge_id, decode_base64(body.old_signature, "old_signature"),
                                 decode_base64(body.public_key, "public_key"),
                                 decode_base64(body.new_signature, "new_signature"))
    return JSONResponse({"serial": renewed.serial, "pem": renewed.pem}, status_code=201)


@router.post("/certificate/pin-change", dependencies=[after_valid_body(PinChangeRequest, from_holding_app)])
def change_pin(body: PinChangeRequest, bank: BankDep) -> Response:
    bank.certificates.change_pin(body.serial, body.current_pin, body.new_pin, body.confirmation)
    return JSONResponse({"ok": True})
