"""After issuance, in the 인증센터: the certificate's management screen, renewal, PIN change and the refused
import. The CA's public files are in public_ca.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from mock_bank.errors import BankError, Reason
from mock_bank.messages import explain, rule_words
from mock_bank.services.certificate_status import CertificateState
from mock_bank.settings import RuleSettings
from mock_bank.web.dependencies import BankDep
from mock_bank.web.rendering import DEVICE_COOKIE, refusal_message, screen

SERIAL_LIMIT = 64
# What the 상태 line says; a problem (services/certificate_status.py) outranks a due renewal.
STATUS_TEXT = {
    Reason.CERTIFICATE_LOCKED: "잠김 (비밀번호 {login_max_wrong_pins}회 오류)",
    Reason.CERTIFICATE_REPLACED: "폐기 (재발급 또는 갱신됨)",
    Reason.CERTIFICATE_MOVED: "폐기 (다른 기기로 이동)",
    Reason.CERTIFICATE_EXPIRED: "만료",
    Reason.ID_CARD_CHANGED: "재발급 필요 (신분증 변경)",
}
DONE_NOTICES = {"renewed": "인증서가 갱신되었습니다.", "pin": "인증서 비밀번호가 변경되었습니다."}


def status_text(state: CertificateState, rules: RuleSettings) -> str:
    if state.problem is not None:
        return STATUS_TEXT[state.problem].format(**rule_words(rules))
    return "갱신 필요" if state.renewable else "정상"


router = APIRouter()


def held_here(request: Request, bank: BankDep, serial: str | None = None) -> CertificateState:
    """The certificate, shown only on the device that holds it: its page names the holder and account."""
    if not serial or len(serial) > SERIAL_LIMIT:
        raise BankError(Reason.CERTIFICATE_UNKNOWN)
    bank.devices.require_holder(serial, request.cookies.get(DEVICE_COOKIE))
    return bank.certificates.state(serial)


HeldHere = Annotated[CertificateState, Depends(held_here)]


@router.get("/certificate-centre", response_class=HTMLResponse)
def certificate_centre(request: Request) -> Response:
    return screen(request, "certificate_centre.html")


@router.post("/certificate-centre/import", response_class=HTMLResponse)
def import_certificate(request: Request) -> Response:
    """'인증서 가져오기': a KB국민인증서 lives only where it was made (USE-5); the answer is 기기 등록."""
    refusal = BankError(Reason.CERTIFICATE_NOT_PORTABLE)
    return screen(request, "certificate_centre.html", 409, tab="kb", error=refusal_message(request, refusal))


@router.get("/certificate-centre/manage", response_class=HTMLResponse)
def manage(request: Request, state: HeldHere, bank: BankDep, done: str | None = None) -> Response:
    # The screen refuses nothing: it shows the certificate's standing problem, so nothing is logged as refused.
    problem = explain(state.problem, None, rules=bank.rules) if state.problem else None
    notice = DONE_NOTICES.get(done or "")
    if notice is None and state.renewable:
        notice = f"유효기간이 {state.days_left}일 남았습니다. 만료 전에 인증서를 갱신해 주세요."
    return screen(request, "manage.html", state=state, status_text=status_text(state, bank.rules), error=problem,
                  notice=notice)


@router.get("/certificate-centre/renew", response_class=HTMLResponse)
def renew(request: Request, state: HeldHere) -> Response:
    refusal = state.problem or (None if state.renewable else Reason.RENEWAL_TOO_EARLY)
    return screen(request, "renew.html", state=state,
                  error=refusal_message(request, BankError(refusal)) if refusal else None)


@router.get("/certificate-centre/pin", response_class=HTMLResponse)
def pin_change(request: Request, state: HeldHere) -> Response:
    return screen(request, "pin_change.html", serial=state.serial)
