"""Customers who hold a certificate, made through the services as the screens and the device would make them.

Not a test module: the after-issuance tests import it. The device's part (a P-256 key, WebCrypto's r||s
signatures) is done here with `cryptography`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from fastapi.testclient import TestClient

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.services.devices import device_hash, new_device_token
from mock_bank.services.sessions import IssuanceSession, Purpose, Stage
from mock_bank.web.rendering import DEVICE_COOKIE

GOOD_PIN = "258036"
APP_VERSION = {"X-App-Version": "7.2.0"}  # an app the bank still accepts
OTHER_PIN = "739164"
PATTERN = [1, 2, 3, 6]
# Issuing again for the same phone must wait out the SMS cool-down; a re-issue is a later visit anyway.
LATER = timedelta(minutes=11)


def spki(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def p1363_sign(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """Sign the way WebCrypto does: ECDSA P-256/SHA-256 as raw r||s, 32 bytes each."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


@dataclass(frozen=True)
class CertificateHolder:
    person: Person
    serial: str
    pem: str
    key: ec.EllipticCurvePrivateKey
    # The app's device token (mock_bank/services/devices.py): HTTP tests send it as the kb_device cookie.
    device_token: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.pem.encode())


def ready_to_issue(bank: Bank, person: Person, purpose: Purpose = Purpose.NEW, pin: str = GOOD_PIN) -> IssuanceSession:
    """Walk issuance up to the pattern with the customer's latest 주민등록증: the device may ask for its certificate."""
    journey = Journey(bank, person)
    journey.session = bank.sessions.start(purpose)
    journey.verify_id()
    card = bank.store.latest_id_card(person.customer_id, "resident")
    assert card is not None
    bank.sessions.complete(journey.at(Stage.ID_VERIFIED), Stage.ID_VERIFIED,
                           card={key: card[key] for key in ("kind", "name", "rrn", "issued_on", "licence_number")})
    bank.credentials.set_pin(journey.at(Stage.ID_VERIFIED), pin, pin)
    bank.credentials.set_pattern(journey.at(Stage.PIN_SET), PATTERN, PATTERN)
    return journey.at(Stage.PATTERN_SET)


def issue_to(bank: Bank, person: Person, purpose: Purpose = Purpose.NEW, pin: str = GOOD_PIN) -> CertificateHolder:
    """Walk issuance to the end with the customer's latest 주민등록증, then move the clock on a little."""
    session = ready_to_issue(bank, person, purpose, pin)
    challenge = bank.issuance.challenge(session)
    key = ec.generate_private_key(ec.SECP256R1())
    device_token = new_device_token()
    issued = bank.issuance.issue(session, challenge.id, spki(key), p1363_sign(key, challenge.nonce),
                                 device_hash(device_token))
    bank.clock.advance(LATER)
    return CertificateHolder(person, issued.serial, issued.pem, key, device_token)


def sign_in(bank: Bank, holder: CertificateHolder, pin: str = GOOD_PIN) -> str:
    """The PIN login as the app does it: PIN first, then the challenge signed with the key."""
    challenge = bank.login.pin_challenge(holder.serial, pin)
    return bank.login.sign_in(holder.serial, challenge.id, p1363_sign(holder.key, challenge.nonce))


def holder_app(bank: Bank, person: Person, client: TestClient) -> CertificateHolder:
    """The customer's certificate, and the client is the customer's app: it carries the device token."""
    issued = issue_to(bank, person)
    client.cookies.set(DEVICE_COOKIE, issued.device_token)
    return issued


def sign_in_over_http(client: TestClient, holder: CertificateHolder) -> None:
    """The PIN login over HTTP as the app sends it: the PIN, then the bank's challenge signed with the key."""
    challenge = client.post("/api/login/pin", json={"serial": holder.serial, "pin": GOOD_PIN}, headers=APP_VERSION)
    assert challenge.status_code == 200, challenge.text
    body = challenge.json()
    signature = base64.b64encode(p1363_sign(holder.key, base64.b64decode(body["nonce"]))).decode()
    answer = client.post("/api/login/sign-in", headers=APP_VERSION, json={
        "serial": holder.serial, "challenge_id": body["challenge_id"], "signature": signature})
    assert answer.status_code == 200, answer.text
