"""이체 after login: the form, the 이체 확인 screen where the customer signs (USE-2), and the result."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from mock_bank.errors import InputRejected, LoginRequired, Reason
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.signing import Transfer
from mock_bank.web.dependencies import BankDep, SignedIn, signed_in_customer
from mock_bank.web.rendering import screen
from mock_bank.web.screen_kit import SEE_OTHER, Refusal, field, guarded

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


router = APIRouter()


def transfer_fields(form: FormData) -> dict[str, str | None]:
    return {key: field(form, key) for key in ("bank", "account_number", "amount")}


def form_screen(request: Request, error: str | None = None, status_code: int = 200,
                typed: dict[str, str | None] | None = None) -> Response:
    return screen(request, "transfer.html", status_code, banks=list(ACCOUNT_DIGITS), form=typed or {}, error=error)


def form_again(request: Request, refusal: Refusal) -> Response:
    # Nothing typed is shown back without a login: it was typed for a customer who is no longer signed in.
    signed_out = refusal.reason in (Reason.LOGIN_REQUIRED, Reason.LOGIN_EXPIRED)
    typed = transfer_fields(refusal.form) if refusal.form is not None and not signed_out else None
    return form_screen(request, refusal.message, refusal.status_code, typed)


def shown(request: Request, template: str, transfer: Transfer) -> Response:
    return screen(request, template, transfer=transfer, masked_name=masked_name(transfer.to_name),
                  masked_account=masked_account(transfer.to_digits))


@router.get("/transfer", response_class=HTMLResponse)
def transfer_form(request: Request, customer: SignedIn) -> Response:
    if customer is None:
        return RedirectResponse("/", SEE_OTHER)
    return form_screen(request)


@router.post("/transfer")
async def create_transfer(request: Request, bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        # Asked only once the form is read, as every screen checks its form first.
        customer = signed_in_customer(request, bank)
        if customer is None:
            raise LoginRequired()
        typed = transfer_fields(form)
        if typed["bank"] not in ACCOUNT_DIGITS:
            raise InputRejected("bank")
        transfer = bank.transfers.create(customer["id"], typed["bank"], inputs.account_digits(typed["account_number"]),
                                         amount(typed["amount"]))
        return RedirectResponse(f"/transfer/{transfer.id}", SEE_OTHER)
    return await guarded(request, action, lambda refusal: form_again(request, refusal))


def own_transfer(bank: BankDep, customer: SignedIn, transfer_id: str) -> Transfer | None:
    """The signed-in customer's transfer; None when nobody is signed in (the screens then go to the start)."""
    return bank.transfers.find(transfer_id, customer["id"]) if customer is not None else None


OwnTransfer = Annotated[Transfer | None, Depends(own_transfer)]


@router.get("/transfer/{transfer_id}", response_class=HTMLResponse)
def confirm(request: Request, transfer: OwnTransfer) -> Response:
    if transfer is None:
        return RedirectResponse("/", SEE_OTHER)
    if transfer.signed_at is not None:
        return RedirectResponse(f"/transfer/{transfer.id}/done", SEE_OTHER)
    return shown(request, "transfer_confirm.html", transfer)


@router.get("/transfer/{transfer_id}/done", response_class=HTMLResponse)
def done(request: Request, transfer: OwnTransfer) -> Response:
    if transfer is None:
        return RedirectResponse("/", SEE_OTHER)
    if transfer.signed_at is None:
        return RedirectResponse(f"/transfer/{transfer.id}", SEE_OTHER)
    return shown(request, "transfer_done.html", transfer)
