"""The test-control API: arrange customers, read inboxes and ledgers, move the clock, inject faults, reset.

Mounted only when the bank is started with --test-control, so a bank run by hand for a demo
cannot be rearranged from outside. Everything arranged here is undone by POST /_test/reset.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cryptography.hazmat.primitives.serialization import Encoding
from fastapi import APIRouter, HTTPException, status
from pydantic import AwareDatetime, BaseModel, Field, field_validator

from mock_bank.bank import Bank
from mock_bank.clock import EARLIEST, LATEST
from mock_bank.errors import InputRejected, StoreConflict
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.faults import Screen, Until
from mock_bank.services.registry import AccountRecord, CustomerRecord, IdCardRecord

ONE_DAY = 24 * 3600


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
    now: AwareDatetime = Field(description="an aware time between 2000-01-01 and 2100-01-01")

    @field_validator("now")
    @classmethod
    def within_range(cls, value: datetime) -> datetime:
        if not EARLIEST <= value < LATEST:
            raise ValueError("the clock can be set between 2000-01-01 and 2100-01-01 only")
        return value


class AdvanceIn(BaseModel):
    seconds: float = Field(ge=0, le=20 * 365 * ONE_DAY)


class BlockIn(BaseModel):
    blocked: bool


class DelayIn(BaseModel):
    seconds: float = Field(ge=0, le=ONE_DAY, description="0 removes the delay")


class ScreenFaultIn(BaseModel):
    until: Until = Field(default=Until.RESTART, description="'restart': cleared when the customer starts issuance "
                                                    "again (POST /issue/start); 'cleared': only by DELETE or reset")


class IdReaderFaultIn(BaseModel):
    failures: int = Field(default=1, ge=0, le=100, description="how many of the next photos fail; 0 removes the fault")


class AppVersionIn(BaseModel):
    latest: str = Field(pattern=r"^\d{1,4}\.\d{1,4}\.\d{1,4}$", description="the app the bank serves, e.g. 7.3.0")
    minimum: str = Field(pattern=r"^\d{1,4}\.\d{1,4}\.\d{1,4}$",
                         description="older apps cannot log in or sign; not newer than latest")


class AccountStatusIn(BaseModel):
    status: str = Field(pattern="^(open|closed)$")


def _phone(value: str) -> str:
    """Faults are keyed by the number as the bank sends to it, so 01012345678 and 010-1234-5678 are one phone."""
    try:
        return inputs.mobile(value)
    except InputRejected as error:
        raise HTTPException(422, "phone must be an 010 mobile number, e.g. 010-1234-5678") from error


def control_router(bank: Bank) -> APIRouter:
    router = APIRouter(prefix="/_test", tags=["test-control"])

    @router.post("/reset", status_code=status.HTTP_204_NO_CONTENT, summary="Forget every customer and undo faults",
                 description="Empties customers, sessions, codes, inboxes, ledgers, certificates and transfers, "
                             "sets the clock back to where it started (10:00 KST on the --today day, or real "
                             "time), clears every fault and serves the default app "
                             "version again. The CA is kept, so its root stays trusted.")
    def reset() -> None:
        bank.reset()

    @router.post("/customers", status_code=status.HTTP_201_CREATED, summary="Register a customer everywhere",
                 description="At the carrier (name, RRN, phone), at the banks (accounts) and in the ID registry.")
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
        except StoreConflict as error:
            raise HTTPException(409, "a customer with this RRN or account already exists") from error

    @router.get("/phones/{phone}/sms", summary="The SMS inbox of a phone",
                description="Messages that reached the phone by the bank's clock: held (blocked) messages and "
                            "delayed ones whose time has not come are left out.")
    def sms_inbox(phone: str) -> dict[str, list[dict[str, str]]]:
        return {"messages": [{"body": message["body"], "sent_at": message["sent_at"],
                              "delivered_at": message["delivered_at"]}
                             for message in bank.store.sms_inbox(_phone(phone), bank.clock.now())]}

    @router.put("/phones/{phone}/sms-block", summary="Block or unblock SMS on a phone (FIX-1)",
                description="While blocked, messages to the phone are held and never shown, even after "
                            "unblocking: the customer must ask for a new code.")
    def block_sms(phone: str, body: BlockIn) -> dict[str, bool]:
        bank.faults.block_sms(_phone(phone), body.blocked)
        return {"blocked": body.blocked}

    @router.put("/phones/{phone}/sms-delay", summary="Delay SMS to a phone by some seconds of bank time",
                description="Messages sent from now on reach the inbox once the bank's clock has passed their "
                            "sending time plus the delay. 0 removes the delay.")
    def delay_sms(phone: str, body: DelayIn) -> dict[str, float]:
        bank.faults.delay_sms(_phone(phone), timedelta(seconds=body.seconds))
        return {"seconds": body.seconds}

    @router.get("/faults", summary="Every fault currently arranged")
    def faults() -> dict[str, object]:
        return bank.faults.snapshot()

    @router.put("/faults/screens/{screen}", summary="Make a screen fail with 503 (FIX-3)",
                description="The screen's page, its form posts and (for 'credentials') /api/issuance/* answer "
                            "503 with '일시적인 오류가 발생했습니다. 앱을 다시 시작한 후 시도해 주세요.'")
    def break_screen(screen: Screen, body: ScreenFaultIn | None = None) -> dict[str, str]:
        until = (body or ScreenFaultIn()).until
        bank.faults.break_screen(screen, until)
        return {"screen": screen.value, "until": until.value}

    @router.delete("/faults/screens/{screen}", status_code=status.HTTP_204_NO_CONTENT,
                   summary="Make a broken screen work again")
    def mend_screen(screen: Screen) -> None:
        bank.faults.mend_screen(screen)

    @router.put("/faults/id-reader", summary="Make the ID reader fail on the next photos (FIX-2)",
                description="The next `failures` photos are reported unreadable whatever they show.")
    def fail_id_reader(body: IdReaderFaultIn) -> dict[str, int]:
        bank.faults.fail_id_reader(body.failures)
        return {"failures": body.failures}

    @router.get("/accounts/{bank_name}/{number}/deposits", summary="Deposits that reached an account")
    def deposits(bank_name: str, number: str) -> dict[str, list[dict[str, object]]]:
        return {"deposits": [dict(deposit) for deposit in bank.store.deposits(bank_name, number.replace("-", ""))]}

    @router.get("/ca", summary="The mock CA's root and issuing certificates (PEM)")
    def ca() -> dict[str, str]:
        return {"root_pem": bank.ca.root_certificate.public_bytes(Encoding.PEM).decode(),
                "issuing_pem": bank.ca.issuing_certificate.public_bytes(Encoding.PEM).decode()}

    @router.get("/customers/{customer_id}/certificates", summary="Certificates issued to a customer",
                description="Oldest first, with status (active, locked, replaced, renewed, moved) and revoked_at.")
    def certificates(customer_id: str) -> dict[str, list[dict[str, object]]]:
        if bank.store.customer(customer_id) is None:
            raise HTTPException(404, "no such customer")
        return {"certificates": [dict(row) for row in bank.store.certificates_of(customer_id)]}

    @router.get("/sessions/{session_id}", summary="Where an issuance session stands",
                description="Its stage, customer and purpose, and the names (not the values) of what it has "
                            "recorded so far; the id is the app's issuance cookie.")
    def session(session_id: str) -> dict[str, object]:
        found = bank.sessions.find(session_id)
        if found is None:
            raise HTTPException(404, "no such session")
        return {"stage": found.stage.value, "customer_id": found.customer_id,
                "purpose": found.data.get("purpose"), "recorded": sorted(found.data)}

    def _customer(customer_id: str) -> str:
        if bank.store.customer(customer_id) is None:
            raise HTTPException(404, "no such customer")
        return customer_id

    @router.post("/customers/{customer_id}/id-cards", status_code=status.HTTP_201_CREATED,
                 summary="Add an ID card issued later to the ID registry (USE-4)",
                 description="The latest card of a kind is the one the bank accepts; a certificate issued on an "
                             "earlier card then asks for re-issue.")
    def add_id_card(customer_id: str, body: IdCardIn) -> dict[str, str]:
        bank.registry.add_id_card(_customer(customer_id), IdCardRecord(**body.model_dump()))
        return {"customer_id": customer_id}

    @router.post("/customers/{customer_id}/accounts", status_code=status.HTTP_201_CREATED,
                 summary="Open another account for a customer (CHECK-5)")
    def add_account(customer_id: str, body: AccountIn) -> dict[str, str]:
        if body.bank not in ACCOUNT_DIGITS:
            raise HTTPException(422, f"unsupported bank {body.bank!r}")
        try:
            bank.registry.add_account(_customer(customer_id),
                                      AccountRecord(body.bank, body.number.replace("-", ""), body.status))
        except StoreConflict as error:
            raise HTTPException(409, "this account already exists") from error
        return {"customer_id": customer_id}

    @router.put("/accounts/{bank_name}/{number}/status", summary="Close or reopen an account (CHECK-5)")
    def set_account_status(bank_name: str, number: str, body: AccountStatusIn) -> dict[str, str]:
        if not bank.store.set_account_status(bank_name, number.replace("-", ""), body.status):
            raise HTTPException(404, "no such account")
        return {"status": body.status}

    @router.get("/customers/{customer_id}/signatures", summary="Transfers the customer signed (USE-2)",
                description="Each with its content (canonical JSON, as signed), the signature (base64 of "
                            "WebCrypto's r||s), the signing certificate's serial and PEM, and when it was signed.")
    def signatures(customer_id: str) -> dict[str, list[dict[str, object]]]:
        return {"signatures": [dict(row) for row in bank.transfers.signed(_customer(customer_id))]}

    @router.get("/app-version", summary="The app version the bank serves, and the oldest it accepts")
    def app_version() -> dict[str, str]:
        release = bank.app_release.snapshot()
        return {"latest": release.latest, "minimum": release.minimum}

    @router.put("/app-version", summary="Release an app version and set the oldest one accepted (USE-3)")
    def publish_app_version(body: AppVersionIn) -> dict[str, str]:
        try:
            release = bank.app_release.publish(body.latest, body.minimum)
        except ValueError as error:
            raise HTTPException(422, str(error)) from error
        return {"latest": release.latest, "minimum": release.minimum}

    @router.get("/clock", summary="The bank's current time")
    def read_clock() -> dict[str, datetime]:
        return {"now": bank.clock.now()}

    @router.put("/clock", summary="Set the bank's time; it keeps running from there")
    def set_clock(body: ClockIn) -> dict[str, datetime]:
        bank.clock.set(body.now)
        return {"now": bank.clock.now()}

    @router.post("/clock/advance", summary="Move the bank's time forward")
    def advance_clock(body: AdvanceIn) -> dict[str, datetime]:
        if bank.clock.now() + timedelta(seconds=body.seconds) >= LATEST:
            raise HTTPException(422, "the clock cannot go past 2100-01-01")
        bank.clock.advance(timedelta(seconds=body.seconds))
        return {"now": bank.clock.now()}

    return router
