"""The issuance screens a customer walks through, in the guide's order; each POST refuses a skipped step.

The ID card step is in id_card_screens.py, the PIN and pattern in device_api.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from mock_bank.errors import BankError, InputRejected, Reason, StepOutOfOrder
from mock_bank.records import PhoneForm
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.phone_check import PhoneOwner
from mock_bank.services.sessions import IssuanceSession, Purpose, Stage
from mock_bank.web.dependencies import BankDep, bank_of, finished, issuance_session
from mock_bank.web.rendering import SESSION_COOKIE, refusal_message, screen, set_private_cookie
from mock_bank.web.screen_kit import SEE_OTHER, Refusal, field, guarded, step

TERMS = (
    {"key": "e_finance", "title": "전자금융거래 기본약관", "required": True},
    {"key": "certificate", "title": "KB국민인증서 이용약관", "required": True},
    {"key": "privacy", "title": "개인정보 수집·이용 동의", "required": True},
    {"key": "unique_id", "title": "고유식별정보 처리 동의", "required": True},
    {"key": "marketing", "title": "마케팅 정보 수신 동의", "required": False},
)

router = APIRouter()


def with_session(request: Request, response: Response, session_id: str) -> Response:
    """The issuance cookie: set when issuance starts, and again whenever the session gets a new id."""
    set_private_cookie(request, response, SESSION_COOKIE, session_id)
    return response


def refused_screen(request: Request, refusal: Refusal) -> Response:
    return screen(request, "refused.html", refusal.status_code, error=refusal.message)


@router.post("/issue/start")
async def issue_start(request: Request, bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        # 발급, 재발급 or 기기 등록: one flow; the purpose decides what becomes of earlier certificates.
        try:
            purpose = Purpose(field(form, "purpose") or Purpose.NEW.value)
        except ValueError as error:
            raise InputRejected("purpose") from error
        # Starting issuance again is what the bank sees of an app restart (FIX-3): see services/faults.py.
        bank.faults.restart()
        session = bank.sessions.start(purpose)
        return with_session(request, RedirectResponse("/issue/terms", SEE_OTHER), session.id)
    return await guarded(request, action, lambda refusal: refused_screen(request, refusal))


# 약관 동의
def terms_screen(request: Request, error: str | None = None, status_code: int = 200,
                 agreed: frozenset[str] = frozenset()) -> Response:
    return step(request, 1, "terms.html", status_code, terms=TERMS, agreed=agreed, error=error)


@router.get("/issue/terms", response_class=HTMLResponse, dependencies=[finished(Stage.STARTED)])
def terms(request: Request) -> Response:
    return terms_screen(request)


def terms_again(request: Request, refusal: Refusal) -> Response:
    issuance_session(request, Stage.STARTED)  # still there, still working: as for every screen shown again
    return terms_screen(request, refusal.message, refusal.status_code)


@router.post("/issue/terms")
async def agree_terms(request: Request, session: Annotated[IssuanceSession, finished(Stage.STARTED)],
                      bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        agreed = {str(value) for value in form.getlist("terms")}
        if not all(term["key"] in agreed for term in TERMS if term["required"]):
            return terms_screen(request, refusal_message(request, BankError(Reason.TERMS_REQUIRED)), 400,
                                frozenset(agreed))
        bank.sessions.complete(session, Stage.TERMS_AGREED, marketing_agreed="marketing" in agreed)
        return RedirectResponse("/issue/phone", SEE_OTHER)
    return await guarded(request, action, lambda refusal: terms_again(request, refusal))


# 휴대폰 인증
def phone_form(form: FormData) -> PhoneForm:
    return PhoneForm(carrier=field(form, "carrier"), name=field(form, "name"), rrn_birth=field(form, "rrn_birth"),
                     rrn_gender=field(form, "rrn_gender"), phone=field(form, "phone"))


def phone_screen(request: Request, session: IssuanceSession, error: str | None = None, status_code: int = 200,
                 typed: PhoneForm | None = None) -> Response:
    seconds_left = bank_of(request).phone_check.seconds_left(session)
    return step(request, 2, "phone.html", status_code, carriers=inputs.CARRIERS,
                form=typed or session.data.get("phone_form", {}), error=error,
                code_requested=seconds_left is not None, seconds_left=seconds_left or 0)


def phone_again(request: Request, refusal: Refusal, typed: PhoneForm | None = None) -> Response:
    # The session as stored, read again: the refused action may have changed the one it was given.
    return phone_screen(request, issuance_session(request, Stage.TERMS_AGREED), refusal.message,
                        refusal.status_code, typed)


@router.get("/issue/phone", response_class=HTMLResponse)
def phone(request: Request, session: Annotated[IssuanceSession, finished(Stage.TERMS_AGREED)]) -> Response:
    return phone_screen(request, session)


@router.post("/issue/phone/code-request")
async def request_sms_code(request: Request, session: Annotated[IssuanceSession, finished(Stage.TERMS_AGREED)],
                           bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        typed = phone_form(form)
        owner = PhoneOwner(inputs.carrier(typed["carrier"]), inputs.name(typed["name"]),
                           inputs.rrn_front(typed["rrn_birth"], typed["rrn_gender"]), inputs.mobile(typed["phone"]))
        session.data["phone_form"] = typed
        bank.phone_check.request_code(session, owner)
        return RedirectResponse("/issue/phone", SEE_OTHER)
    return await guarded(request, action, lambda refusal: phone_again(
        request, refusal, phone_form(refusal.form) if refusal.form is not None else None))


@router.post("/issue/phone/code")
async def confirm_sms_code(request: Request, session: Annotated[IssuanceSession, finished(Stage.TERMS_AGREED)],
                           bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        bank.phone_check.confirm(session, inputs.digits(field(form, "code"), "code", bank.rules.sms_code_digits))
        return with_session(request, RedirectResponse("/issue/account", SEE_OTHER), session.id)
    return await guarded(request, action, lambda refusal: phone_again(request, refusal))


# 계좌 인증
def account_form(form: FormData) -> dict[str, str | None]:
    return {"bank": field(form, "bank"), "account_number": field(form, "account_number")}


def account_screen(request: Request, session: IssuanceSession, error: str | None = None, status_code: int = 200,
                   typed: dict[str, str | None] | None = None) -> Response:
    seconds_left = bank_of(request).account_check.seconds_left(session)
    deposit_sent = seconds_left is not None and "bank" in session.data
    # The full account number is never sent back, not even into the field it was typed in: a refused
    # form keeps the bank and shows the number's last digits as a hint to type it again.
    entered = typed or {}
    typed_tail = "".join(ch for ch in entered.get("account_number") or "" if ch.isdigit())[-4:]
    return step(request, 3, "account.html", status_code, banks=list(ACCOUNT_DIGITS), error=error,
                chosen_bank=entered.get("bank") or (session.data.get("bank") if deposit_sent else None),
                typed_tail=typed_tail or (session.data.get("account_tail") if deposit_sent else None),
                deposit_sent=deposit_sent, seconds_left=seconds_left or 0, bank=session.data.get("bank"),
                account_tail=session.data.get("account_tail"))


def account_again(request: Request, refusal: Refusal, typed: dict[str, str | None] | None = None) -> Response:
    return account_screen(request, issuance_session(request, Stage.PHONE_VERIFIED), refusal.message,
                          refusal.status_code, typed)


@router.get("/issue/account", response_class=HTMLResponse)
def account(request: Request, session: Annotated[IssuanceSession, finished(Stage.PHONE_VERIFIED)]) -> Response:
    return account_screen(request, session)


@router.post("/issue/account/deposit")
async def send_deposit(request: Request, session: Annotated[IssuanceSession, finished(Stage.PHONE_VERIFIED)],
                       bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        typed = account_form(form)
        if typed["bank"] not in ACCOUNT_DIGITS:
            raise InputRejected("bank")
        bank.account_check.send_deposit(session, typed["bank"], inputs.account_digits(typed["account_number"]))
        return RedirectResponse("/issue/account", SEE_OTHER)
    return await guarded(request, action, lambda refusal: account_again(
        request, refusal, account_form(refusal.form) if refusal.form is not None else None))


@router.post("/issue/account/code")
async def confirm_deposit_code(request: Request, session: Annotated[IssuanceSession, finished(Stage.PHONE_VERIFIED)],
                               bank: BankDep) -> Response:
    async def action(form: FormData) -> Response:
        bank.account_check.confirm(session, inputs.digits(field(form, "code"), "code",
                                                          bank.rules.deposit_code_digits))
        return RedirectResponse("/issue/id", SEE_OTHER)
    return await guarded(request, action, lambda refusal: account_again(request, refusal))


# 비밀번호 및 패턴 설정, then 발급 완료
@router.get("/issue/credentials", response_class=HTMLResponse, dependencies=[finished(Stage.ID_VERIFIED)])
def credentials(request: Request) -> Response:
    return step(request, 5, "credentials.html")


@router.get("/issue/complete", response_class=HTMLResponse)
def complete(request: Request, bank: BankDep) -> Response:
    session = bank.sessions.find(request.cookies.get(SESSION_COOKIE))
    issued = bank.issuance.issued(session) if session and session.stage is Stage.ISSUED else None
    if session is None or issued is None:
        error = StepOutOfOrder()
        return screen(request, "refused.html", error.status_code, error=refusal_message(request, error))
    return screen(request, "complete.html", certificate=issued, purpose=session.data.get("purpose"))
