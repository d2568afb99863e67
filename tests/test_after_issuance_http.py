"""After issuance over HTTP: the app version gate, the refusal shape with its way out, and hostile input to
every new form and endpoint: always a 4xx with a reason (or the screen again with its message), never a 500."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from certificate_holders import APP_VERSION, GOOD_PIN, CertificateHolder, holder_app, p1363_sign, sign_in_over_http
from fastapi.testclient import TestClient
from test_hostile_input import HOSTILE, RAW_BODIES, problems_with

from conftest import Person, dump
from mock_bank.bank import Bank
from mock_bank.services.app_release import parse_version


@pytest.fixture
def holder(bank: Bank, kim: Person, client: TestClient) -> CertificateHolder:
    """Kim's certificate, and the client is Kim's app: it carries the device token the certificate was issued to."""
    return holder_app(bank, kim, client)


@pytest.fixture
def signed_in(client: TestClient, holder: CertificateHolder) -> TestClient:
    sign_in_over_http(client, holder)
    return client


@pytest.mark.parametrize(("text", "parsed"), [("7.2.0", (7, 2, 0)), ("7.10.1", (7, 10, 1)), ("7.2", None),
                                              ("v7.2.0", None), ("", None), (None, None), ("7.2.0 ", None)])
def test_versions_are_compared_as_numbers(text: str | None, parsed: tuple[int, int, int] | None) -> None:
    assert parse_version(text) == parsed


def test_an_app_below_the_minimum_is_told_to_update(client: TestClient, bank: Bank, holder: CertificateHolder) -> None:
    assert client.put("/_test/app-version", json={"latest": "7.3.0", "minimum": "7.3.0"}).status_code == 200
    for headers in (APP_VERSION, {}, {"X-App-Version": "garbage"}):
        answer = client.post("/api/login/challenge", json={"serial": holder.serial}, headers=headers)
        assert answer.status_code == 400
        assert answer.json()["reason"] == "app_outdated"
        assert answer.json()["remedy"] == "update"
        assert answer.json()["message"].startswith("앱을 최신 버전으로 업데이트해 주세요.")
    assert client.post("/api/login/challenge", json={"serial": holder.serial},
                       headers={"X-App-Version": "7.3.0"}).status_code == 200
    assert '<meta name="app-version" content="7.3.0">' in client.get("/").text


def test_the_minimum_cannot_pass_the_latest(client: TestClient) -> None:
    assert client.put("/_test/app-version", json={"latest": "7.2.0", "minimum": "7.3.0"}).status_code == 422
    assert client.put("/_test/app-version", json={"latest": "x", "minimum": "7.3.0"}).status_code == 422
    assert client.get("/_test/app-version").json() == {"latest": "7.2.0", "minimum": "7.0.0"}


def test_reset_puts_the_app_version_back(client: TestClient, bank: Bank) -> None:
    client.put("/_test/app-version", json={"latest": "8.0.0", "minimum": "8.0.0"})
    bank.reset()
    assert client.get("/_test/app-version").json() == {"latest": "7.2.0", "minimum": "7.0.0"}


def test_a_wrong_pin_answers_with_the_tries_left(client: TestClient, holder: CertificateHolder) -> None:
    answer = client.post("/api/login/pin", json={"serial": holder.serial, "pin": "000000"}, headers=APP_VERSION)
    assert answer.status_code == 400
    message = "인증서 비밀번호가 일치하지 않습니다. 비밀번호를 확인해 주세요. (남은 입력 횟수 4회)"
    assert answer.json() == {"reason": "pin_wrong", "field": "pin", "message": message}


def test_a_signed_transfer_over_http(signed_in: TestClient, bank: Bank, holder: CertificateHolder,
                                     lee: Person) -> None:
    created = signed_in.post("/transfer", data={"bank": lee.account_bank, "account_number": lee.account,
                                                "amount": "50,000"}, follow_redirects=False)
    assert created.status_code == 303
    transfer_id = created.headers["location"].rsplit("/", 1)[-1]
    page = signed_in.get(f"/transfer/{transfer_id}")
    assert "이*연" in page.text and "110******321" in page.text and "50,000원" in page.text
    assert lee.account not in page.text
    content = signed_in.post(f"/api/transfers/{transfer_id}/pin", json={"serial": holder.serial, "pin": GOOD_PIN},
                             headers=APP_VERSION).json()["content"]
    signature = base64.b64encode(p1363_sign(holder.key, content.encode())).decode()
    answer = signed_in.post(f"/api/transfers/{transfer_id}/signature", headers=APP_VERSION,
                            json={"serial": holder.serial, "signature": signature})
    assert answer.status_code == 200, answer.text
    (record,) = signed_in.get(f"/_test/customers/{holder.person.customer_id}/signatures").json()["signatures"]
    assert (record["content"], record["signature"], record["serial"]) == (content, signature, holder.serial)
    assert "이체가 완료되었습니다" in signed_in.get(f"/transfer/{transfer_id}/done").text


def test_transfer_screens_need_a_login(client: TestClient) -> None:
    assert client.get("/transfer", follow_redirects=False).status_code == 303
    answer = client.post("/api/transfers/x/pin", json={"serial": "1", "pin": GOOD_PIN}, headers=APP_VERSION)
    assert answer.status_code == 401
    assert answer.json()["reason"] == "login_required"


def test_the_management_screen_shows_the_certificate(client: TestClient, holder: CertificateHolder) -> None:
    page = client.get(f"/certificate-centre/manage?serial={holder.serial}")
    assert page.status_code == 200
    for words in (holder.serial, "정상", "이용 유의사항", "인증서 사용 시 주의사항", "안전한 비밀번호 관리",
                  "재발급 절차"):
        assert words in page.text


def test_importing_a_certificate_is_refused_with_device_registration(client: TestClient) -> None:
    answer = client.post("/certificate-centre/import")
    assert answer.status_code == 409
    assert "기기 등록을 해 주세요" in answer.text


API_BODIES: dict[str, list[Any]] = {
    "/api/login/pin": [{"serial": "x", "pin": 258036}, {"serial": None, "pin": GOOD_PIN}, {"pin": GOOD_PIN},
                       {"serial": "' OR 1=1 --", "pin": "' OR 1=1 --"}, {"serial": "x" * 65, "pin": GOOD_PIN},
                       {"serial": "ABC", "pin": "١٢٣٤٥٦"}],
    "/api/renewal/challenge": [{"serial": "<script>", "pin": GOOD_PIN}, {"serial": 1, "pin": 2}, {}],
    "/api/renewal/certificate": [
        {"serial": "ABC", "challenge_id": "x", "old_signature": "!!", "public_key": "AAAA", "new_signature": "A"},
        {"serial": "ABC", "challenge_id": 1, "old_signature": None}, {"serial": "A" * 65}],
    "/api/certificate/pin-change": [
        {"serial": "ABC", "current_pin": GOOD_PIN, "new_pin": "739164", "confirmation": "739164"},
        {"serial": "ABC", "current_pin": 1, "new_pin": [], "confirmation": {}}, {"serial": "\x00"}],
    "/api/transfers/x/pin": [{"serial": "ABC", "pin": GOOD_PIN}, {"serial": 1}, {}],
    "/api/transfers/x/signature": [{"serial": "ABC", "signature": "not base64"}, {"signature": 5}, {}],
    "/api/transfers/" + "x" * 500 + "/pin": [{"serial": "ABC", "pin": GOOD_PIN}],
}


@pytest.mark.parametrize("path", API_BODIES)
def test_new_endpoints_refuse_bodies_of_the_wrong_shape(signed_in: TestClient, database: Path, path: str) -> None:
    before = dump(database)
    problems = []
    for headers in (APP_VERSION, {}):
        for body in API_BODIES[path]:
            problems += problems_with(signed_in.post(path, json=body, headers=headers), str(body))
        for raw in RAW_BODIES:
            problems += problems_with(signed_in.post(path, content=raw, headers={
                **headers, "content-type": "application/json"}), repr(raw))
    assert problems == []
    assert dump(database) == before


TRANSFER_FIELDS = ("bank", "account_number", "amount")


def test_hostile_values_in_the_transfer_form(signed_in: TestClient, database: Path, lee: Person) -> None:
    before = dump(database)
    valid = {"bank": lee.account_bank, "account_number": "110999999999", "amount": "50000"}
    problems = []
    for field in TRANSFER_FIELDS:
        for value in HOSTILE:
            answer = signed_in.post("/transfer", data={**valid, field: value}, follow_redirects=False)
            problems += problems_with(answer, f"{field}={value}")
    problems += problems_with(signed_in.post("/transfer", follow_redirects=False), "empty form")
    assert problems == []
    assert dump(database) == before


def test_hostile_purposes_and_serials(client: TestClient, database: Path) -> None:
    before = dump(database)
    problems = []
    for value in HOSTILE:
        if value:  # no purpose at all is a plain issuance (인증서 발급하기)
            problems += problems_with(client.post("/issue/start", data={"purpose": value}, follow_redirects=False),
                                      f"purpose={value}")
        if len(value) > 10_000:
            continue  # longer than any URL a client sends
        for path in ("/certificate-centre/manage", "/certificate-centre/renew", "/certificate-centre/pin"):
            problems += problems_with(client.get(path, params={"serial": value}), f"{path}?serial={value}")
    for path in ("/certificate-centre/manage", "/certificate-centre/pin", "/transfer/x", "/transfer/x/done"):
        answer = client.get(path, follow_redirects=False)
        if answer.status_code != 303:
            problems += problems_with(answer, path)
    assert problems == []
    assert dump(database) == before
