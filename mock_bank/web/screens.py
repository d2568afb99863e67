"""The screens a customer walks through, in the guide's order; each POST refuses a skipped step."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from mock_bank.errors import BankError, InputRejected, Reason, StepOutOfOrder
from mock_bank.records import PhoneForm
from mock_bank.services import inputs
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.phone_check import PhoneOwner
from mock_bank.services.sessions import Purpose, Stage
from mock_bank.web.rendering import LOGIN_COOKIE, SESSION_COOKIE, refusal_message, screen, set_private_cookie
from mock_bank.web.screen_kit import SEE_OTHER, ScreenKit, field

TERMS = (
    {"key": "e_finance", "title": "전자금융거래 기본약관", "required": True},
    {"key": "certificate", "title": "KB국민인증서 이용약관", "required": True},
    {"key": "privacy", "title": "개인정보 수집·이용 동의", "required": True},
    {"key": "unique_id", "title": "고유식별정보 처리 동의", "required": True},
    {"key": "marketing", "title": "마케팅 정보 수신 동의", "required": False},
)


def with_session(request: Request, response: Response, session_id: str) -> Response:
    """The issuance cookie: set when issuance starts, and again whenever the session gets a new id."""
    set_private_cookie(request, response, SESSION_COOKIE, session_id)
    return response


def screens_router(kit: ScreenKit) -> APIRouter:
    router = APIRouter()
    bank = kit.bank

    @router.get("/", response_class=HTMLResponse)
    def start(request: Request) -> Response:
        return screen(request, "start.html")

    @router.post("/issue/start")
    async def issue_start(request: Request) -> Response:
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
        return await kit.guarded(
            request, lambda message, code: screen(request, "refused.html", code, error=message), action)

    # 약관 동의
    def terms_screen(request: Request, error: str | None = None, status_code: int = 200,
                     agreed: frozenset[str] = frozenset()) -> Response:
        kit.session_for(request, Stage.STARTED)
        return kit.step(request, 1, "terms.html", status_code, terms=TERMS, agreed=agreed, error=error)

    @router.get("/issue/terms", response_class=HTMLResponse)
    def terms(request: Request) -> Response:
        return terms_screen(request)

    @router.post("/issue/terms")
    async def agree_terms(request: Request) -> Response:
        async def action(form: FormData) -> Response:
            session = kit.session_for(request, Stage.STARTED)
            agreed = {str(value) for value in form.getlist("terms")}
            if not all(term["key"] in agreed for term in TERMS if term["required"]):
                return terms_screen(request, refusal_message(request, BankError(Reason.TERMS_REQUIRED)), 400,
                                    frozenset(agreed))
            bank.sessions.complete(session, Stage.TERMS_AGREED,
                                   marketing_agreed="marketing" in agreed)
            return RedirectResponse("/issue/phone", SEE_OTHER)
        return await kit.guarded(request, lambda message, code: terms_screen(request, message, code), action)

    # 휴대폰 인증
    def phone_screen(request: Request, error: str | None = None, status_code: int = 200,
                     form: dict[str, Any] | None = None) -> Response:
        session = kit.session_for(request, Stage.TERMS_AGREED)
        seconds_left = bank.phone_check.seconds_left(session)
        return kit.step(request, 2, "phone.html", status_code, carriers=inputs.CARRIERS,
                    form=form or session.data.get("phone_form", {}), error=error,
                    code_requested=seconds_left is not None, seconds_left=seconds_left or 0)

    @router.get("/issue/phone", response_class=HTMLResponse)
    def phone(request: Request) -> Response:
        return phone_screen(request)

    @router.post("/issue/phone/code-request")
    async def request_sms_code(request: Request) -> Response:
        entered: dict[str, Any] = {}

        async def action(form: FormData) -> Response:
            session = kit.session_for(request, Stage.TERMS_AGREED)
            typed = PhoneForm(carrier=field(form, "carrier"), name=field(form, "name"),
                              rrn_birth=field(form, "rrn_birth"), rrn_gender=field(form, "rrn_gender"),
                              phone=field(form, "phone"))
            entered.update(typed)
            owner = PhoneOwner(inputs.carrier(typed["carrier"]), inputs.name(typed["name"]),
                               inputs.rrn_front(typed["rrn_birth"], typed["rrn_gender"]),
                               inputs.mobile(typed["phone"]))
            session.data["phone_form"] = typed
            bank.phone_check.request_code(session, owner)
            return RedirectResponse("/issue/phone", SEE_OTHER)
        return await kit.guarded(request, lambda message, code: phone_screen(request, message, code, entered), action)

    @router.post("/issue/phone/code")
    async def confirm_sms_code(request: Request) -> Response:
        async def action(form: FormData) -> Response:
            session = kit.session_for(request, Stage.TERMS_AGREED)
            bank.phone_check.confirm(session, inputs.digits(field(form, "code"), "code",
                                                            bank.rules.sms_code_digits))
            return with_session(request, RedirectResponse("/issue/account", SEE_OTHER), session.id)
        return await kit.guarded(request, lambda message, code: phone_screen(request, message, code), action)

    # 계좌 인증
    def account_screen(request: Request, error: str | None = None, status_code: int = 200,
                       form: dict[str, Any] | None = None) -> Response:
        session = kit.session_for(request, Stage.PHONE_VERIFIED)
        seconds_left = bank.account_check.seconds_left(session)
        deposit_sent = seconds_left is not None and "bank" in session.data
        # The full account number is never sent back, not even into the field it was typed in: a refused
        # form keeps the bank and shows the number's last digits as a hint to type it again.
        entered = form or {}
        typed_tail = "".join(ch for ch in entered.get("account_number") or "" if ch.isdigit())[-4:]
        return kit.step(request, 3, "account.html", status_code, banks=list(ACCOUNT_DIGITS), error=error,
                        chosen_bank=entered.get("bank") or (session.data.get("bank") if deposit_sent else None),
                        typed_tail=typed_tail or (session.data.get("account_tail") if deposit_sent else None),
                        deposit_sent=deposit_sent, seconds_left=seconds_left or 0, bank=session.data.get("bank"),
                        account_tail=session.data.get("account_tail"))

    @router.get("/issue/account", response_class=HTMLResponse)
    def account(request: Request) -> Response:
        return account_screen(request)

    @router.post("/issue/account/deposit")
    async def send_deposit(request: Request) -> Response:
        entered: dict[str, Any] = {}

        async def action(form: FormData) -> Response:
            session = kit.session_for(request, Stage.PHONE_VERIFIED)
            entered.update(bank=field(form, "bank"), account_number=field(form, "account_number"))
            if entered["bank"] not in ACCOUNT_DIGITS:
                raise InputRejected("bank")
            bank.account_check.send_deposit(session, entered["bank"],
                                            inputs.account_digits(entered["account_number"]))
            return RedirectResponse("/issue/account", SEE_OTHER)
        return await kit.guarded(request, lambda message, code: account_screen(request, message, code, entered),
                             action)

    @router.post("/issue/account/code")
    async def confirm_deposit_code(request: Request) -> Response:
        async def action(form: FormData) -> Response:
            session = kit.session_for(request, Stage.PHONE_VERIFIED)
            bank.account_check.confirm(session, inputs.digits(field(form, "code"), "code",
                                                              bank.rules.deposit_code_digits))
            return RedirectResponse("/issue/id", SEE_OTHER)
        return await kit.guarded(request, lambda message, code: account_screen(request, message, code), action)

    # 비밀번호 및 패턴 설정, then 발급 완료
    @router.get("/issue/credentials", response_class=HTMLResponse)
    def credentials(request: Request) -> Response:
        kit.session_for(request, Stage.ID_VERIFIED)
        return kit.step(request, 5, "credentials.html")

    @router.get("/issue/complete", response_class=HTMLResponse)
    def complete(request: Request) -> Response:
        session = bank.sessions.find(request.cookies.get(SESSION_COOKIE))
        issued = bank.issuance.issued(session) if session and session.stage is Stage.ISSUED else None
        if session is None or issued is None:
            error = StepOutOfOrder()
            return screen(request, "refused.html", error.status_code, error=refusal_message(request, error))
        return screen(request, "complete.html", certificate=issued, purpose=session.data.get("purpose"))

    @router.get("/home", response_class=HTMLResponse)
    def home(request: Request) -> Response:
        customer = bank.login.holder(request.cookies.get(LOGIN_COOKIE))
        if customer is None:
            return RedirectResponse("/", SEE_OTHER)
        return screen(request, "home.html", customer=customer)

    return router
