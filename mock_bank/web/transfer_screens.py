"""이체 after login: the form, the 이체 확인 screen where the customer signs (USE-2), and the result."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from mock_bank.errors import InputRejected, LoginRequired
from mock_bank.records import CustomerRow
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.signing import Transfer
from mock_bank.web.rendering import LOGIN_COOKIE, screen
from mock_bank.web.screen_kit import SEE_OTHER, ScreenKit, field

AMOUNT_DIGITS = 12


def masked_name(name: str) -> str:
    """'홍길동' → '홍*동', '김민' → '김*': the recipient recognisable, not spelled out."""
    return name[0] + "*" if len(name) < 3 else name[0] + "*" * (len(name) - 2) + name[-1]


def masked_account(digits: str) -> str:
    """The first three and the last three digits, as the confirmation of a transfer shows them."""
    return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]


def amount(value: str | None) -> int:
    """Won, typed with or without thousands separators ('50,000')."""
    cleaned = inputs.text(value, "amount", AMOUNT_DIGITS + 4).replace(",", "")
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) > AMOUNT_DIGITS:
        raise InputRejected("amount")
    return int(cleaned)


def transfer_router(kit: ScreenKit) -> APIRouter:
    router = APIRouter()
    bank = kit.bank

    def customer_of(request: Request) -> CustomerRow | None:
        return bank.login.holder(request.cookies.get(LOGIN_COOKIE))

    def form_screen(request: Request, error: str | None = None, status_code: int = 200,
                    form: dict[str, Any] | None = None) -> Response:
        return screen(request, "transfer.html", status_code, banks=list(ACCOUNT_DIGITS), form=form or {},
                      error=error)

    def shown(request: Request, template: str, transfer: Transfer) -> Response:
        return screen(request, template, transfer=transfer, masked_name=masked_name(transfer.to_name),
                      masked_account=masked_account(transfer.to_digits))

    @router.get("/transfer", response_class=HTMLResponse)
    def transfer_form(request: Request) -> Response:
        if customer_of(request) is None:
            return RedirectResponse("/", SEE_OTHER)
        return form_screen(request)

    @router.post("/transfer")
    async def create_transfer(request: Request) -> Response:
        entered: dict[str, Any] = {}

        async def action(form: FormData) -> Response:
            customer = customer_of(request)
            if customer is None:
                raise LoginRequired()
            entered.update({key: field(form, key) for key in ("bank", "account_number", "amount")})
            if entered["bank"] not in ACCOUNT_DIGITS:
                raise InputRejected("bank")
            transfer = bank.transfers.create(customer["id"], entered["bank"],
                                             inputs.account_digits(entered["account_number"]),
                                             amount(entered["amount"]))
            return RedirectResponse(f"/transfer/{transfer.id}", SEE_OTHER)
        return await kit.guarded(request, lambda message, code: form_screen(request, message, code, entered), action)

    def own_transfer(request: Request, transfer_id: str) -> Transfer | None:
        """The signed-in customer's transfer; None when nobody is signed in (the screens then go to the start)."""
        customer = customer_of(request)
        return bank.transfers.find(transfer_id, customer["id"]) if customer is not None else None

    @router.get("/transfer/{transfer_id}", response_class=HTMLResponse)
    def confirm(request: Request, transfer_id: str) -> Response:
        transfer = own_transfer(request, transfer_id)
        if transfer is None:
            return RedirectResponse("/", SEE_OTHER)
        if transfer.signed_at is not None:
            return RedirectResponse(f"/transfer/{transfer.id}/done", SEE_OTHER)
        return shown(request, "transfer_confirm.html", transfer)

    @router.get("/transfer/{transfer_id}/done", response_class=HTMLResponse)
    def done(request: Request, transfer_id: str) -> Response:
        transfer = own_transfer(request, transfer_id)
        if transfer is None:
            return RedirectResponse("/", SEE_OTHER)
        if transfer.signed_at is None:
            return RedirectResponse(f"/transfer/{transfer.id}", SEE_OTHER)
        return shown(request, "transfer_done.html", transfer)

    return router
