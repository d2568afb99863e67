"""The routes' dependencies (mock_bank/web/dependencies.py) keep the bank's order of answers: a malformed body
first (422), then the app version, the session, the login and the device; and a refused form shows again only
what its screen may show."""

from __future__ import annotations

from datetime import timedelta

import pytest
from certificate_holders import APP_VERSION, GOOD_PIN, CertificateHolder, holder_app, sign_in_over_http
from fastapi.testclient import TestClient

from conftest import Person
from mock_bank.bank import Bank


@pytest.fixture
def holder(bank: Bank, kim: Person, client: TestClient) -> CertificateHolder:
    return holder_app(bank, kim, client)


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/api/login/pin", {"serial": "AB"}, "pin"),
    ("/api/login/pin", {"serial": 1, "pin": GOOD_PIN}, "serial"),
    ("/api/renewal/certificate", {"serial": "AB", "challenge_id": "x"}, "old_signature"),
    ("/api/transfers/t1/pin", {"serial": "AB", "pin": 123456}, "pin"),
    ("/api/issuance/pin", {"pin": GOOD_PIN}, "confirmation"),
])
def test_a_malformed_body_is_answered_before_the_app_version_session_and_login(
        client: TestClient, path: str, body: dict[str, object], field: str) -> None:
    # No X-App-Version, no session, no login and no device token: each would be refused, after the body.
    client.cookies.clear()
    answer = client.post(path, json=body)
    assert answer.status_code == 422, answer.text
    assert (answer.json()["reason"], answer.json()["field"]) == ("invalid_input", field)


def test_the_gates_refuse_in_order_once_the_body_is_valid(client: TestClient, holder: CertificateHolder) -> None:
    body = {"serial": holder.serial, "pin": GOOD_PIN}
    assert client.post("/api/login/pin", json=body).json()["reason"] == "app_outdated"
    assert client.post("/api/transfers/t1/pin", json=body).json()["reason"] == "app_outdated"
    assert client.post("/api/transfers/t1/pin", json=body, headers=APP_VERSION).json()["reason"] == "login_required"
    client.cookies.clear()
    assert client.post("/api/login/pin", json=body, headers=APP_VERSION).json()["reason"] == "certificate_not_on_device"


def test_a_malformed_body_does_not_keep_a_login_alive(client: TestClient, bank: Bank,
                                                      holder: CertificateHolder) -> None:
    sign_in_over_http(client, holder)
    idle = bank.rules.login_idle_timeout
    bank.clock.advance(idle - timedelta(minutes=1))
    assert client.post("/api/transfers/t1/pin", json={"serial": holder.serial}, headers=APP_VERSION).status_code == 422
    bank.clock.advance(timedelta(minutes=1))
    assert client.get("/home", follow_redirects=False).status_code == 401


def test_test_control_answers_a_malformed_body_before_an_unknown_customer(client: TestClient) -> None:
    answer = client.post("/_test/customers/nobody/accounts", json={"bank": 1, "number": "1"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "bank"
    answer = client.post("/_test/customers/nobody/accounts", json={"bank": "KB국민", "number": "123"})
    assert answer.status_code == 404


def test_a_refused_phone_form_is_shown_again_as_typed(client: TestClient, kim: Person) -> None:
    client.post("/issue/start", data={"purpose": "new"})
    client.post("/issue/terms", data={"terms": ["e_finance", "certificate", "privacy", "unique_id"]})
    answer = client.post("/issue/phone/code-request", data={
        "carrier": kim.carrier, "name": "Kim", "rrn_birth": kim.rrn[:6], "rrn_gender": kim.rrn[6], "phone": kim.phone})
    assert answer.status_code == 422
    assert 'value="Kim"' in answer.text


def test_a_transfer_refused_for_want_of_a_login_shows_nothing_typed(client: TestClient) -> None:
    answer = client.post("/transfer", data={"bank": "KB국민", "account_number": "98765432101234", "amount": "5000"})
    assert answer.status_code == 401
    assert "98765432101234" not in answer.text and 'value="5000"' not in answer.text
