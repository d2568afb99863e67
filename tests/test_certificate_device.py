"""A certificate's pages and requests only for the device that holds it; private cookies Secure over HTTPS.

Serials are public (the CRL lists every retired one), so a serial alone must not show the holder's details,
use up the PIN tries, lock the certificate or change its PIN.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from certificate_holders import APP_VERSION, GOOD_PIN, OTHER_PIN, CertificateHolder, issue_to
from fastapi.testclient import TestClient

from conftest import Person, dump
from mock_bank.bank import Bank
from mock_bank.errors import NotOnThisDevice
from mock_bank.settings import ServerSettings
from mock_bank.web.app import create_app
from mock_bank.web.rendering import DEVICE_COOKIE

NOT_ON_DEVICE = "이 기기에 저장된 인증서가 아닙니다"


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


def stranger_requests(serial: str) -> dict[str, dict[str, str]]:
    return {
        "/api/login/challenge": {"serial": serial},
        "/api/login/pin": {"serial": serial, "pin": "000000"},
        "/api/renewal/challenge": {"serial": serial, "pin": "000000"},
        "/api/certificate/pin-change": {"serial": serial, "current_pin": GOOD_PIN, "new_pin": OTHER_PIN,
                                        "confirmation": OTHER_PIN},
    }


@pytest.mark.parametrize("token", [None, "another-device", "x" * 200])
def test_another_device_cannot_see_the_certificate_pages(client: TestClient, holder: CertificateHolder,
                                                         token: str | None) -> None:
    if token:
        client.cookies.set(DEVICE_COOKIE, token)
    for path in ("/certificate-centre/manage", "/certificate-centre/renew", "/certificate-centre/pin"):
        page = client.get(path, params={"serial": holder.serial})
        assert page.status_code == 403, path
        assert NOT_ON_DEVICE in page.text
        assert holder.person.name not in page.text


def test_the_holding_device_sees_its_certificate(client: TestClient, holder: CertificateHolder) -> None:
    client.cookies.set(DEVICE_COOKIE, holder.device_token)
    page = client.get("/certificate-centre/manage", params={"serial": holder.serial})
    assert page.status_code == 200
    assert holder.person.name in page.text


def test_another_device_cannot_spend_the_pin_tries_or_change_the_pin(client: TestClient, bank: Bank, database: Path,
                                                                     holder: CertificateHolder) -> None:
    before = dump(database)
    for path, body in stranger_requests(holder.serial).items():
        for _ in range(6):  # more than the 5 tries that would lock the certificate
            answer = client.post(path, json=body, headers=APP_VERSION)
            assert answer.status_code == 403, (path, answer.text)
            assert answer.json()["reason"] == "certificate_not_on_device"
    assert dump(database) == before
    assert bank.certificates.state(holder.serial).problem is None


def test_the_holding_device_is_counted_as_before(client: TestClient, holder: CertificateHolder) -> None:
    client.cookies.set(DEVICE_COOKIE, holder.device_token)
    answer = client.post("/api/login/pin", json={"serial": holder.serial, "pin": "000000"}, headers=APP_VERSION)
    assert answer.status_code == 400
    assert answer.json()["reason"] == "pin_wrong"


def test_a_certificate_from_before_device_binding_is_on_no_device(bank: Bank, holder: CertificateHolder) -> None:
    bank.store.add_certificate("00AB", holder.person.customer_id, holder.pem, holder.certificate.not_valid_before_utc,
                               holder.certificate.not_valid_after_utc, bank.clock.now())
    with pytest.raises(NotOnThisDevice):
        bank.devices.require_holder("00AB", holder.device_token)


def test_private_cookies_are_secure_over_https(bank: Bank, database: Path) -> None:
    app = create_app(ServerSettings(database=database, test_control=True), bank)
    with TestClient(app, base_url="https://bank.test") as https:
        answer = https.post("/issue/start", follow_redirects=False, headers={"origin": "https://bank.test"})
    cookie = answer.headers["set-cookie"]
    assert "kb_issue=" in cookie
    assert all(flag in cookie.lower() for flag in ("secure", "httponly", "samesite=strict"))


def test_private_cookies_over_plain_http_are_not_secure(client: TestClient) -> None:
    answer = client.post("/issue/start", follow_redirects=False)
    assert "secure" not in answer.headers["set-cookie"].lower()
