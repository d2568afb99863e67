"""Hostile, missing, overlong and wrongly typed input to every form and /api endpoint: always a 4xx with a
reason or the form again with a message, never a 500, and nothing the bank already holds changes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import Screens, dump
from mock_bank.bank import Bank
from mock_bank.services.sessions import Stage

HOSTILE = [
    "", " ", "\t\r\n", "\x00", "\x1b[31m김민준", "김민\u202e준", "김\u200b민준",
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "\"><b>굵게</b>", "{{ 7 * 7 }}",
    "' OR '1'='1' --", "Robert'); DROP TABLE customers;--", "1; DELETE FROM sessions", "%00", "../../etc/passwd",
    "Иван Петров", "山田太郎", "John Smith", "김민준1", "김", "１２３４５６", "١٢٣٤٥٦", "😀😀😀",
    "9" * 5_000, "가" * 100_000, "010-2345-6789\r\nSet-Cookie: kb_issue=x",
]

FORMS: dict[str, tuple[str, ...]] = {
    "/issue/terms": ("terms",),
    "/issue/phone/code-request": ("carrier", "name", "rrn_birth", "rrn_gender", "phone"),
    "/issue/phone/code": ("code",),
    "/issue/account/deposit": ("bank", "account_number"),
    "/issue/account/code": ("code",),
    "/issue/id/photo": ("id_photo",),
}

ALERT = re.compile(r'<div id="alert" role="alert" aria-label="오류 안내" class="alert">(.*?)</div>', re.S)


@pytest.fixture
def far_along(screens: Screens, client: TestClient) -> Screens:
    """A customer whose session has passed every step up to the pattern, so every form behind it is live."""
    screens.verify_account().finish_step(Stage.ID_VERIFIED)
    assert client.post("/api/issuance/pin", json={"pin": "258036", "confirmation": "258036"}).status_code == 200
    assert client.post("/api/issuance/pattern", json={"pattern": [1, 2, 3, 6], "confirmation": [1, 2, 3, 6]}
                       ).status_code == 200
    assert screens.session().stage is Stage.PATTERN_SET
    return screens


def valid_form(screens: Screens, path: str) -> dict[str, Any]:
    person = screens.person
    return {
        "/issue/terms": {"terms": ["e_finance", "certificate", "privacy", "unique_id"]},
        "/issue/phone/code-request": screens.phone_form(),
        "/issue/account/deposit": {"bank": person.account_bank, "account_number": person.account},
    }.get(path, {})


def problems_with(answer: Any, sent: str) -> list[str]:
    """What is wrong with the bank's answer to a hostile request, if anything."""
    found = []
    if not 400 <= answer.status_code < 500:
        found.append(f"status {answer.status_code}")
    elif answer.headers.get("content-type", "").startswith("application/json"):
        body = answer.json()
        if not (body.get("reason") or body.get("detail")) or ("reason" in body and not body.get("message")):
            found.append(f"no reason in {body}")
    else:
        alert = ALERT.search(answer.text)
        if alert is None or not alert.group(1).strip():
            found.append("no message in the alert region")
    if "<script>alert" in answer.text or "<img src=x" in answer.text or "<b>굵게" in answer.text:
        found.append("markup echoed unescaped")
    if "set-cookie" in answer.headers and "kb_issue=x" in answer.headers["set-cookie"]:
        found.append("header injected")
    return [f"{sent[:40]!r}: {problem}" for problem in found]


@pytest.mark.parametrize("path", FORMS)
def test_hostile_values_in_each_field(far_along: Screens, database: Path, path: str) -> None:
    before = dump(database)
    problems = []
    for field in FORMS[path]:
        for value in HOSTILE:
            answer = far_along.post(path, **{**valid_form(far_along, path), field: value})
            problems += problems_with(answer, f"{field}={value}")
    assert problems == []
    assert dump(database) == before


@pytest.mark.parametrize("path", FORMS)
def test_missing_fields(far_along: Screens, database: Path, path: str) -> None:
    before = dump(database)
    problems = []
    for field in FORMS[path]:
        form = {key: value for key, value in valid_form(far_along, path).items() if key != field}
        problems += problems_with(far_along.post(path, **form), f"without {field}")
    problems += problems_with(far_along.post(path), "empty form")
    assert problems == []
    assert dump(database) == before


@pytest.mark.parametrize("path", FORMS)
@pytest.mark.parametrize(("content_type", "body"), [
    ("application/json", b'{"code": 123456, "name": ["a"]}'),
    ("multipart/form-data", b"--x\r\nbroken"),
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n"),
    ("application/x-www-form-urlencoded", b"code=%ff%fe&name=%00&name=%e2%80%ae&&&==&"),
    ("application/x-www-form-urlencoded", b"&".join([b"terms=x"] * 2_000)),
    ("text/plain", b"\xff\xfe\x00\x01"),
], ids=["json", "multipart-no-boundary", "multipart-no-name", "bad-escapes", "too-many-fields", "binary"])
def test_malformed_bodies(far_along: Screens, client: TestClient, database: Path, path: str,
                          content_type: str, body: bytes) -> None:
    before = dump(database)
    answer = client.post(path, content=body, headers={"content-type": content_type}, follow_redirects=False)
    assert problems_with(answer, content_type) == []
    assert dump(database) == before


def test_garbage_id_photos(far_along: Screens, client: TestClient, database: Path) -> None:
    before = dump(database)
    problems = []
    for name, content, kind in [("card.png", b"", "image/png"), ("card.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
                                "image/png"), ("card.jpg", b"<script>alert(1)</script>", "image/jpeg"),
                                ("../../card.svg", b"<svg onload=alert(1)/>", "image/svg+xml"),
                                ("card.gif", b"GIF89a" + b"\xff" * 5_000, "image/gif")]:
        answer = client.post("/issue/id/photo", files={"id_photo": (name, content, kind)}, follow_redirects=False)
        problems += problems_with(answer, f"{name} {content[:20]!r}")
    assert problems == []
    assert dump(database) == before


def test_forged_session_cookies(far_along: Screens, client: TestClient, database: Path) -> None:
    before = dump(database)
    real = client.cookies.get("kb_issue")
    problems = []
    for forged in ["' OR 1=1 --", "x" * 4_000, "%00", real + "x" if real else "x"]:
        client.cookies.set("kb_issue", forged)
        problems += problems_with(client.post("/issue/phone/code-request", data=far_along.phone_form(),
                                              follow_redirects=False), forged)
        problems += problems_with(client.get("/issue/account"), forged)
    assert problems == []
    assert dump(database) == before


API_BODIES: dict[str, list[Any]] = {
    "/api/issuance/pin": [
        {"pin": 258036, "confirmation": 258036}, {"pin": None, "confirmation": "258036"}, {"pin": ["258036"]},
        {"pin": "258036"}, {"pin": "<script>", "confirmation": "<script>"}, {"pin": "1" * 65, "confirmation": ""},
        {"pin": "٢٥٨٠٣٦", "confirmation": "٢٥٨٠٣٦"}, {"pin": "258036", "confirmation": "2580３6"},
        {"pin": "258036", "confirmation": "' OR 1=1"}, {"pin": "\x00" * 6, "confirmation": "\x00" * 6},
    ],
    "/api/issuance/pattern": [
        {"pattern": "1236", "confirmation": "1236"}, {"pattern": [True, 2, 3, 6], "confirmation": [1, 2, 3, 6]},
        {"pattern": [1.5, 2, 3, 6], "confirmation": [1.5, 2, 3, 6]},
        {"pattern": list(range(1, 11)), "confirmation": []},
        {"pattern": [0, 1, 2, 3], "confirmation": [0, 1, 2, 3]},
        {"pattern": [1, 1, 2, 3], "confirmation": [1, 1, 2, 3]},
        {"pattern": [10**30, 2, 3, 4], "confirmation": [10**30, 2, 3, 4]}, {"pattern": [-1, 2, 3, 4]},
        {"pattern": [{"x": 1}], "confirmation": [[]]},
    ],
    "/api/issuance/certificate": [
        {"challenge_id": "nope", "public_key": "AAAA", "signature": "AAAA"},
        {"challenge_id": 1, "public_key": 2, "signature": 3},
        {"challenge_id": "' OR 1=1 --", "public_key": "!!!not base64!!!", "signature": "%%%"},
        {"challenge_id": "x" * 65, "public_key": "A" * 2_000, "signature": "A" * 300},
    ],
    "/api/login/challenge": [{"serial": "<script>"}, {"serial": 42}, {"serial": "' OR 1=1 --"}, {}],
    "/api/login/sign-in": [
        {"serial": "ABC", "challenge_id": "x", "signature": "AAAA"}, {"serial": None}, {"serial": "x" * 1_000},
        {"serial": "1", "challenge_id": "1", "signature": "not base64"},
    ],
}
RAW_BODIES = [b"", b"{", b"[]", b'"pin"', b"null", b"\xff\xfe", b'{"pin": "258036", "pin": 1}', b"[" * 5_000]


@pytest.mark.parametrize("path", API_BODIES)
def test_api_bodies_of_the_wrong_shape(far_along: Screens, client: TestClient, database: Path, path: str) -> None:
    before = dump(database)
    problems = []
    for body in API_BODIES[path]:
        problems += problems_with(client.post(path, json=body), str(body))
    for raw in RAW_BODIES:
        problems += problems_with(client.post(path, content=raw, headers={"content-type": "application/json"}),
                                  repr(raw))
    assert problems == []
    assert dump(database) == before


def test_api_validation_answers_in_the_banks_shape(far_along: Screens, client: TestClient) -> None:
    answer = client.post("/api/issuance/pin", json={"pin": 258036, "confirmation": "258036"})
    assert answer.status_code == 422
    assert answer.json() == {"reason": "invalid_input", "field": "pin",
                             "message": "비밀번호는 숫자 6자리로 입력해 주세요."}


def test_a_customer_registered_before_is_still_there(far_along: Screens, client: TestClient, bank: Bank) -> None:
    person = far_along.person
    for value in HOSTILE:
        far_along.post("/issue/phone/code-request", **{**far_along.phone_form(), "name": value})
    customer = bank.store.customer(person.customer_id)
    assert customer is not None
    assert (customer["name"], customer["rrn"], customer["phone"]) == (person.name, person.rrn, person.phone)
    assert bank.store.account(person.account_bank, person.account) is not None
    assert far_along.session().stage is Stage.PATTERN_SET


@pytest.mark.parametrize("body", [
    {"name": "<script>", "rrn": "123", "phone": "x", "carrier": "SKT"},
    {"name": "김민준", "rrn": "9003151234567", "phone": "010-2345-6789", "carrier": "'; DROP TABLE customers;--"},
    {"name": "박지민", "rrn": "9501011234567", "phone": "010-1111-2222", "carrier": "SKT",
     "accounts": [{"bank": "KB국민", "number": "12345678901234"}]},
    {"name": "김민준", "rrn": "9003151234567", "phone": "010-2345-6789", "carrier": "SKT"},
    [], "x", None,
], ids=["malformed", "unknown-carrier", "account-taken", "rrn-taken", "list", "string", "null"])
def test_test_control_refuses_bad_registrations(far_along: Screens, client: TestClient, database: Path,
                                                body: Any) -> None:
    before = dump(database)
    answer = client.post("/_test/customers", json=body)
    assert 400 <= answer.status_code < 500
    assert dump(database) == before
