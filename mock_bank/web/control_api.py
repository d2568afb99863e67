"""The test-control API: arrange customers, read inboxes and ledgers, move the clock, inject faults, reset.

Mounted only when the bank is started with --test-control, so a bank run by hand for a demo
cannot be rearranged from outside. Everything arranged here is undone by POST /_test/reset.
One router per noun; its words are for testers, in English, and its bodies are in control_models.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cryptography.hazmat.primitives.serialization import Encoding
from fastapi import APIRouter, HTTPException, status

from mock_bank.bank import Bank
from mock_bank.clock import LATEST
from mock_bank.errors import InputRejected, StoreConflict
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.faults import Screen
from mock_bank.services.registry import AccountRecord, CustomerRecord, IdCardRecord
from mock_bank.web.control_models import (
    AccountIn,
    AccountStatusIn,
    AdvanceIn,
    AppVersionIn,
    BlockIn,
    ClockIn,
    CustomerIn,
    DelayIn,
    IdCardIn,
    IdReaderFaultIn,
    ScreenFaultIn,
)
from mock_bank.web.dependencies import BankDep


def _control_router() -> APIRouter:
    return APIRouter(prefix="/_test", tags=["test-control"])


bank_router = _control_router()
customers_router = _control_router()
phones_router = _control_router()
accounts_router = _control_router()
faults_router = _control_router()
clock_router = _control_router()
ROUTERS = (bank_router, customers_router, phones_router, accounts_router, faults_router, clock_router)


def _phone(value: str) -> str:
    """Faults are keyed by the number as the bank sends to it, so 01012345678 and 010-1234-5678 are one phone."""
    try:
        return inputs.mobile(value)
    except InputRejected as error:
        raise HTTPException(422, "phone must be an 010 mobile number, e.g. 010-1234-5678") from error


def _customer(bank: Bank, customer_id: str) -> str:
    # Called in the handlers rather than declared as a dependency: FastAPI would run a dependency before it
    # reports a malformed body, and test control has always answered the body (422) before the customer (404).
    if not bank.registry.has_customer(customer_id):
        raise HTTPException(404, "no such customer")
    return customer_id


def _supported(bank_name: str) -> None:
    if bank_name not in ACCOUNT_DIGITS:
        raise HTTPException(422, f"unsupported bank {bank_name!r}")


# The bank as a whole: reset, its CA, its sessions and the app it serves.
@bank_router.post("/reset", status_code=status.HTTP_204_NO_CONTENT, summary="Forget every customer and undo faults",
                  description="Empties customers, sessions, codes, inboxes, ledgers, certificates and transfers, "
                              "sets the clock back to where it started (10:00 KST on the --today day, or real "
                              "time), clears every fault and serves the default app "
                              "version again. The CA is kept, so its root stays trusted.")
def reset(bank: BankDep) -> None:
    bank.reset()


@bank_router.get("/ca", summary="The mock CA's root and issuing certificates (PEM)")
def ca(bank: BankDep) -> dict[str, str]:
    return {"root_pem": bank.ca.root_certificate.public_bytes(Encoding.PEM).decode(),
            "issuing_pem": bank.ca.issuing_certificate.public_bytes(Encoding.PEM).decode()}


@bank_router.get("/sessions/{session_id}", summary="Where an issuance session stands",
                 description="Its stage, customer and purpose, and the names (not the values) of what it has "
                             "recorded so far; the id is the app's issuance cookie.")
def session(session_id: str, bank: BankDep) -> dict[str, object]:
    found = bank.sessions.find(session_id)
    if found is None:
        raise HTTPException(404, "no such session")
    return {"stage": found.stage.value, "customer_id": found.customer_id,
            "purpose": found.data.get("purpose"), "recorded": sorted(found.data)}


@bank_router.get("/app-version", summary="The app version the bank serves, and the oldest it accepts")
def app_version(bank: BankDep) -> dict[str, str]:
    release = bank.app_release.snapshot()
    return {"latest": release.latest, "minimum": release.minimum}


@bank_router.put("/app-version", summary="Release an app version and set the oldest one accepted (USE-3)")
def publish_app_version(body: AppVersionIn, bank: BankDep) -> dict[str, str]:
    try:
        release = bank.app_release.publish(body.latest, body.minimum)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    return {"latest": release.latest, "minimum": release.minimum}


# Customers, at the carrier, the banks and the ID registry; what they were issued and signed.
@customers_router.post("/customers", status_code=status.HTTP_201_CREATED, summary="Register a customer everywhere",
                       description="At the carrier (name, RRN, phone), at the banks (accounts) and in the ID "
                                   "registry.")
def register(body: CustomerIn, bank: BankDep) -> dict[str, str]:
    if body.carrier not in inputs.CARRIERS:
        raise HTTPException(422, f"unknown carrier {body.carrier!r}; one of {inputs.CARRIERS}")
    for account in body.accounts:
        _supported(account.bank)
    record = CustomerRecord(
        body.name, body.rrn, body.phone, body.carrier,
        tuple(AccountRecord(a.bank, a.number.replace("-", ""), a.status) for a in body.accounts),
        tuple(IdCardRecord(**card.model_dump()) for card in body.id_cards))
    try:
        return {"customer_id": bank.registry.register(record)}
    except StoreConflict as error:
        raise HTTPException(409, "a customer with this RRN or account already exists") from error


@customers_router.post("/customers/{customer_id}/id-cards", status_code=status.HTTP_201_CREATED,
                       summary="Add an ID card issued later to the ID registry (USE-4)",
                       description="The latest card of a kind is the one the bank accepts; a certificate issued on "
                                   "an earlier card then asks for re-issue.")
def add_id_card(customer_id: str, body: IdCardIn, bank: BankDep) -> dict[str, str]:
    bank.registry.add_id_card(_customer(bank, customer_id), IdCardRecord(**body.model_dump()))
    return {"customer_id": customer_id}


@customers_router.post("/customers/{customer_id}/accounts", status_code=status.HTTP_201_CREATED,
                       summary="Open another account for a customer (CHECK-5)")
def add_account(customer_id: str, body: AccountIn, bank: BankDep) -> dict[str, str]:
    _supported(body.bank)
    try:
        bank.registry.add_account(_customer(bank, customer_id),
                                  AccountRecord(body.bank, body.number.replace("-", ""), body.status))
    except StoreConflict as error:
        raise HTTPException(409, "this account already exists") from error
    return {"customer_id": customer_id}


@customers_router.get("/customers/{customer_id}/certificates", summary="Certificates issued to a customer",
                      description="Oldest first, with status (active, locked, replaced, renewed, moved) and "
                                  "revoked_at.")
def certificates(customer_id: str, bank: BankDep) -> dict[str, list[dict[str, object]]]:
    return {"certificates": [dict(row) for row in bank.certificates.of_customer(_customer(bank, customer_id))]}


@customers_router.get("/customers/{customer_id}/signatures", summary="Transfers the customer signed (USE-2)",
                      description="Each with its content (canonical JSON, as signed), the signature (base64 of "
                                  "WebCrypto's r||s), the signing certificate's serial and PEM, and when it was "
                                  "signed.")
def signatures(customer_id: str, bank: BankDep) -> dict[str, list[dict[str, object]]]:
    return {"signatures": [dict(row) for row in bank.transfers.signed(_customer(bank, customer_id))]}


# Phones: what reached them, and the SMS faults (FIX-1).
@phones_router.get("/phones/{phone}/sms", summary="The SMS inbox of a phone",
                   description="Messages that reached the phone by the bank's clock: held (blocked) messages and "
                               "delayed ones whose time has not come are left out.")
def sms_inbox(phone: str, bank: BankDep) -> dict[str, list[dict[str, str]]]:
    inbox = bank.sms_gateway.inbox(_phone(phone))
    return {"messages": [{"body": message["body"], "sent_at": message["sent_at"],
                          "delivered_at": message["delivered_at"]} for message in inbox]}


@phones_router.put("/phones/{phone}/sms-block", summary="Block or unblock SMS on a phone (FIX-1)",
                   description="While blocked, messages to the phone are held and never shown, even after "
                               "unblocking: the customer must ask for a new code.")
def block_sms(phone: str, body: BlockIn, bank: BankDep) -> dict[str, bool]:
    bank.faults.block_sms(_phone(phone), body.blocked)
    return {"blocked": body.blocked}


@phones_router.put("/phones/{phone}/sms-delay", summary="Delay SMS to a phone by some seconds of bank time",
                   description="Messages sent from now on reach the inbox once the bank's clock has passed their "
                               "sending time plus the delay. 0 removes the delay.")
def delay_sms(phone: str, body: DelayIn, bank: BankDep) -> dict[str, float]:
    bank.faults.delay_sms(_phone(phone), timedelta(seconds=body.seconds))
    return {"seconds": body.seconds}


# Accounts: the deposits that reached them, and whether they are open (CHECK-5).
@accounts_router.get("/accounts/{bank_name}/{number}/deposits", summary="Deposits that reached an account")
def deposits(bank_name: str, number: str, bank: BankDep) -> dict[str, list[dict[str, object]]]:
    return {"deposits": [dict(row) for row in bank.account_check.deposits(bank_name, number.replace("-", ""))]}


@accounts_router.put("/accounts/{bank_name}/{number}/status", summary="Close or reopen an account (CHECK-5)")
def set_account_status(bank_name: str, number: str, body: AccountStatusIn, bank: BankDep) -> dict[str, str]:
    if not bank.registry.set_account_status(bank_name, number.replace("-", ""), body.status):
        raise HTTPException(404, "no such account")
    return {"status": body.status}


# Faults arranged for the guide's FIX items.
@faults_router.get("/faults", summary="Every fault currently arranged")
def faults(bank: BankDep) -> dict[str, object]:
    return bank.faults.snapshot()


@faults_router.put("/faults/screens/{screen}", summary="Make a screen fail with 503 (FIX-3)",
                   description="The screen's page, its form posts and (for 'credentials') /api/issuance/* answer "
                               "503 with '일시적인 오류가 발생했습니다. 앱을 다시 시작한 후 시도해 주세요.'")
def break_screen(screen: Screen, bank: BankDep, body: ScreenFaultIn | None = None) -> dict[str, str]:
    until = (body or ScreenFaultIn()).until
    bank.faults.break_screen(screen, until)
    return {"screen": screen.value, "until": until.value}


@faults_router.delete("/faults/screens/{screen}", status_code=status.HTTP_204_NO_CONTENT,
                      summary="Make a broken screen work again")
def mend_screen(screen: Screen, bank: BankDep) -> None:
    bank.faults.mend_screen(screen)


@faults_router.put("/faults/id-reader", summary="Make the ID reader fail on the next photos (FIX-2)",
                   description="The next `failures` photos are reported unreadable whatever they show.")
def fail_id_reader(body: IdReaderFaultIn, bank: BankDep) -> dict[str, int]:
    bank.faults.fail_id_reader(body.failures)
    return {"failures": body.failures}


# The bank's clock, which every time limit reads.
@clock_router.get("/clock", summary="The bank's current time")
def read_clock(bank: BankDep) -> dict[str, datetime]:
    return {"now": bank.clock.now()}


@clock_router.put("/clock", summary="Set the bank's time; it keeps running from there")
def set_clock(body: ClockIn, bank: BankDep) -> dict[str, datetime]:
    bank.clock.set(body.now)
    return {"now": bank.clock.now()}


@clock_router.post("/clock/advance", summary="Move the bank's time forward")
def advance_clock(body: AdvanceIn, bank: BankDep) -> dict[str, datetime]:
    if bank.clock.now() + timedelta(seconds=body.seconds) >= LATEST:
        raise HTTPException(422, "the clock cannot go past 2100-01-01")
    bank.clock.advance(timedelta(seconds=body.seconds))
    return {"now": bank.clock.now()}
