"""The issuance cookie changes once the phone is proven: a copy taken before the phone check (issue 12: a
second client holding it finished the issuance with its own key) is good for nothing after it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from conftest import Screens, latest_sms_code
from mock_bank.bank import Bank
from mock_bank.services.sessions import Stage

COOKIE = "kb_issue"


def test_the_cookie_changes_when_the_phone_is_proven(screens: Screens, bank: Bank) -> None:
    screens.request_sms()
    copied = screens.client.cookies[COOKIE]
    code = latest_sms_code(bank, screens.person.phone)
    answer = screens.post("/issue/phone/code", code=code)
    assert answer.status_code == 303
    assert answer.cookies.get(COOKIE) not in (None, copied)
    assert screens.session().stage is Stage.PHONE_VERIFIED
    assert bank.sessions.find(copied) is None


def test_a_copy_taken_before_the_phone_check_cannot_go_on(screens: Screens, bank: Bank, client: TestClient) -> None:
    screens.request_sms()
    copied = screens.client.cookies[COOKIE]
    screens.post("/issue/phone/code", code=latest_sms_code(bank, screens.person.phone))
    with TestClient(client.app) as thief:
        thief.cookies.set(COOKIE, copied)
        answer = thief.post("/issue/account/deposit", data={"bank": screens.person.account_bank,
                                                             "account_number": screens.person.account},
                            follow_redirects=False)
    assert answer.status_code == 409
    assert "이전 단계를 먼저 완료해 주세요." in answer.text
    # The customer, on the new cookie, goes on.
    assert screens.post("/issue/account/deposit", bank=screens.person.account_bank,
                        account_number=screens.person.account).status_code == 303


def test_a_wrong_code_keeps_the_cookie(screens: Screens, bank: Bank) -> None:
    screens.request_sms()
    copied = screens.client.cookies[COOKIE]
    code = latest_sms_code(bank, screens.person.phone)
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    screens.post("/issue/phone/code", code=wrong)
    assert screens.client.cookies[COOKIE] == copied
