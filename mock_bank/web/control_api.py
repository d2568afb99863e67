"""The test-control API: arrange customers, read inboxes and ledgers, move the clock, reset.

Mounted only when the bank is started with --test-control, so a bank run by hand for a demo
cannot be rearranged from outside.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.serialization import Encoding
from fastapi import APIRouter, HTTPException, status
from pydantic import AwareDatetime, BaseModel, Field

from mock_bank.bank import Bank
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.registry import AccountRecord, CustomerRecord, IdCardRecord


class AccountIn(BaseModel):
    bank: str = Field(description="은행 이름, 예: KB국민")
    number: str = Field(max_length=40, description="계좌번호, 하이픈 있어도 없어도 됨")
    status: str = Field("open", pattern="^(open|closed)$")


class IdCardIn(BaseModel):
    kind: str = Field(pattern="^(resident|driver)$")
    name: str = Field(max_length=20)
    rrn: str = Field(pattern=r"^\d{13}$")
    issued_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    office: str | None = Field(None, max_length=60)
    licence_number: str | None = Field(None, max_length=20)
    serial: str | None = Field(None, max_length=12)


class CustomerIn(BaseModel):
    name: str = Field(max_length=20)
    rrn: str = Field(pattern=r"^\d{13}$")
    phone: str = Field(pattern=r"^010-\d{4}-\d{4}$")
    carrier: str
    accounts: list[AccountIn] = Field(default_factory=list, max_length=10)
    id_cards: list[IdCardIn] = Field(default_factory=list, max_length=10)


class ClockIn(BaseModel):
    now: AwareDatetime


class AdvanceIn(BaseModel):
    seconds: float = Field(ge=0, le=20 * 365 * 24 * 3600)


class BlockIn(BaseModel):
    blocked: bool


def control_router(bank: Bank) -> APIRouter:
    router = APIRouter(prefix="/_test", tags=["test-control"])

    @router.post("/reset", status_code=status.HTTP_204_NO_CONTENT, summary="Forget every customer and undo faults")
    def reset() -> None:
        bank.reset()

    @router.post("/customers", status_code=status.HTTP_201_CREATED, summary="Register a customer everywhere")
    def register(body: CustomerIn) -> dict[str, str]:
        if body.carrier not in inputs.CARRIERS:
            raise HTTPException(422, f"unknown carrier {body.carrier!r}; one of {inputs.CARRIERS}")
        for account in body.accounts:
            if account.bank not in ACCOUNT_DIGITS:
                raise HTTPException(422, f"unsupported bank {account.bank!r}")
        record = CustomerRecord(
            body.name, body.rrn, body.phone, body.carrier,
            tuple(AccountRecord(a.bank, a.number.replace("-", ""), a.status) for a in body.accounts),
            tuple(IdCardRecord(**card.model_dump()) for card in body.id_cards))
        try:
            return {"customer_id": bank.registry.register(record)}
        except sqlite3.IntegrityError as error:
            raise HTTPException(409, "a customer with this RRN or account already exists") from error

    @router.get("/phones/{phone}/sms", summary="The SMS inbox of a phone (held messages excluded)")
    def sms_inbox(phone: str) -> dict[str, list[dict[str, str]]]:
        return {"messages": bank.store.sms_inbox(phone)}

    @router.put("/phones/{phone}/sms-block", summary="Block or unblock SMS on a phone (FIX-1)")
    def block_sms(phone: str, body: BlockIn) -> dict[str, bool]:
        bank.sms_gateway.block(phone, body.blocked)
        return {"blocked": body.blocked}

    @router.get("/accounts/{bank_name}/{number}/deposits", summary="Deposits that reached an account")
    def deposits(bank_name: str, number: str) -> dict[str, list[dict[str, object]]]:
        return {"deposits": bank.store.deposits(bank_name, number.replace("-", ""))}

    @router.get("/ca", summary="The mock CA's root and issuing certificates (PEM)")
    def ca() -> dict[str, str]:
        return {"root_pem": bank.ca.root_certificate.public_bytes(Encoding.PEM).decode(),
                "issuing_pem": bank.ca.issuing_certificate.public_bytes(Encoding.PEM).decode()}

    @router.get("/customers/{customer_id}/certificates", summary="Certificates issued to a customer")
    def certificates(customer_id: str) -> dict[str, list[dict[str, object]]]:
        if bank.store.customer(customer_id) is None:
            raise HTTPException(404, "no such customer")
        return {"certificates": bank.store.certificates_of(customer_id)}

    @router.get("/clock", summary="The bank's current time")
    def read_clock() -> dict[str, datetime]:
        return {"now": bank.clock.now()}

    @router.put("/clock", summary="Set the bank's time; it keeps running from there")
    def set_clock(body: ClockIn) -> dict[str, datetime]:
        bank.clock.set(body.now)
        return {"now": bank.clock.now()}

    @router.post("/clock/advance", summary="Move the bank's time forward")
    def advance_clock(body: AdvanceIn) -> dict[str, datetime]:
        bank.clock.advance(timedelta(seconds=body.seconds))
        return {"now": bank.clock.now()}

    return router
