"""The OCSP responder: good, revoked (with time and reason) and unknown, signed by the issuing CA, at the bank's
clock; malformed requests answered, never a 500; and openssl's own OCSP client against a bank on real HTTP,
run by hand and through the harness's check (support/ocsp.py)."""

from __future__ import annotations

import base64
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from certificate_holders import CertificateHolder, issue_to
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from fastapi.testclient import TestClient

from conftest import KIM, Person, ServedBank, register
from mock_bank.bank import Bank
from mock_bank.errors import BankError
from mock_bank.services.ca import CertificateAuthority
from mock_bank.services.sessions import Purpose
from support.ocsp import ask_responder

OCSP_REQUEST = {"Content-Type": "application/ocsp-request"}
NONCE = b"kb-ocsp-nonce-0001"
WRONG_PIN = "258037"


def request_for(certificate: x509.Certificate, issuer: x509.Certificate,
                algorithm: hashes.HashAlgorithm | None = None) -> bytes:
    return (ocsp.OCSPRequestBuilder().add_certificate(certificate, issuer, algorithm or hashes.SHA1())
            .add_extension(x509.OCSPNonce(NONCE), critical=False).build().public_bytes(Encoding.DER))


def ask(bank: Bank, certificate: x509.Certificate, algorithm: hashes.HashAlgorithm | None = None) -> ocsp.OCSPResponse:
    response = bank.ocsp.respond(request_for(certificate, bank.ca.issuing_certificate, algorithm))
    assert response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL
    return response


def test_a_current_certificate_is_good_signed_by_the_issuing_ca(bank: Bank, kim: Person) -> None:
    holder = issue_to(bank, kim)
    response = ask(bank, holder.certificate)
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD
    assert response.serial_number == holder.certificate.serial_number
    assert response.this_update_utc == bank.clock.now().replace(microsecond=0)
    assert response.next_update_utc is None  # answered live: newer information is always there
    assert response.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce == NONCE
    issuing = bank.ca.issuing_certificate
    ski = issuing.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert response.responder_key_hash == ski
    public_key = issuing.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    public_key.verify(response.signature, response.tbs_response_bytes, ec.ECDSA(hashes.SHA256()))


def test_a_replaced_certificate_is_revoked_with_the_crls_time_and_reason(bank: Bank, kim: Person) -> None:
    old = issue_to(bank, kim)
    new = issue_to(bank, kim, Purpose.REISSUE)
    response = ask(bank, old.certificate)
    assert response.certificate_status is ocsp.OCSPCertStatus.REVOKED
    assert response.revocation_reason is x509.ReasonFlags.superseded
    listed = bank.revocations.crl().get_revoked_certificate_by_serial_number(old.certificate.serial_number)
    assert listed is not None and response.revocation_time_utc == listed.revocation_date_utc
    assert ask(bank, new.certificate).certificate_status is ocsp.OCSPCertStatus.GOOD


def test_a_locked_certificate_is_revoked_as_held(bank: Bank, kim: Person) -> None:
    holder = issue_to(bank, kim)
    for _ in range(bank.rules.login_max_wrong_pins):
        with pytest.raises(BankError):
            bank.login.pin_challenge(holder.serial, WRONG_PIN)
    response = ask(bank, holder.certificate, hashes.SHA256())
    assert response.certificate_status is ocsp.OCSPCertStatus.REVOKED
    assert response.revocation_reason is x509.ReasonFlags.certificate_hold


def test_a_serial_never_issued_or_another_issuer_is_unknown(bank: Bank, kim: Person) -> None:
    holder = issue_to(bank, kim)
    never = ocsp.OCSPRequestBuilder().add_certificate_by_hash(
        *issuer_hashes(holder.certificate, bank.ca.issuing_certificate), holder.certificate.serial_number + 1,
        hashes.SHA1()).build()
    assert bank.ocsp.respond(never.public_bytes(Encoding.DER)).certificate_status is ocsp.OCSPCertStatus.UNKNOWN
    other = CertificateAuthority.create(bank.clock.now(), bank.ca.addresses).issuing_certificate
    foreign = bank.ocsp.respond(request_for(holder.certificate, other))
    assert foreign.certificate_status is ocsp.OCSPCertStatus.UNKNOWN


def issuer_hashes(certificate: x509.Certificate, issuer: x509.Certificate) -> tuple[bytes, bytes]:
    request = ocsp.OCSPRequestBuilder().add_certificate(certificate, issuer, hashes.SHA1()).build()
    return request.issuer_name_hash, request.issuer_key_hash


@pytest.mark.parametrize("body", [b"", b"garbage", b"\x30\x00", b"\x30" * 20_000], ids=["empty", "garbage",
                                                                                      "empty-sequence", "oversized"])
def test_a_malformed_request_gets_malformed_request_not_a_500(client: TestClient, body: bytes) -> None:
    answer = client.post("/ca/ocsp", content=body, headers=OCSP_REQUEST)
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/ocsp-response"
    assert ocsp.load_der_ocsp_response(answer.content).response_status is ocsp.OCSPResponseStatus.MALFORMED_REQUEST


def test_the_responder_answers_over_post_and_get(client: TestClient, bank: Bank, kim: Person) -> None:
    holder = issue_to(bank, kim)
    der = request_for(holder.certificate, bank.ca.issuing_certificate)
    posted = client.post("/ca/ocsp", content=der, headers=OCSP_REQUEST)
    # RFC 6960 A.1: GET {url}/{url-encoding of the base64 of the DER request}.
    fetched = client.get(f"/ca/ocsp/{quote(base64.b64encode(der).decode(), safe='')}")
    for answer in (posted, fetched):
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/ocsp-response"
        assert ocsp.load_der_ocsp_response(answer.content).certificate_status is ocsp.OCSPCertStatus.GOOD
    assert client.get("/ca/ocsp/not*base64").status_code == 400


def openssl_ocsp(openssl: str, folder: Path, served: ServedBank, holder: CertificateHolder) -> str:
    """Ask the responder the certificate names, as a relying party would: `openssl x509 -ocsp_uri`, then
    `openssl ocsp`, which checks the answer's signature up to the root and the nonce it sent."""
    ca = served.bank.ca
    (folder / "leaf.pem").write_text(holder.pem)
    (folder / "issuing.pem").write_bytes(ca.issuing_certificate.public_bytes(Encoding.PEM))
    (folder / "root.pem").write_bytes(ca.root_certificate.public_bytes(Encoding.PEM))
    named = subprocess.run([openssl, "x509", "-in", "leaf.pem", "-noout", "-ocsp_uri"], cwd=folder,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert named == f"{served.url}/ca/ocsp"
    result = subprocess.run([openssl, "ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-url", named,
                             "-CAfile", "root.pem", "-resp_text", "-timeout", "10"], cwd=folder,
                            capture_output=True, text=True, check=False, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "Response verify OK" in result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return result.stdout


def test_openssl_ocsp_sees_good_then_revoked(tmp_path: Path, openssl: str, served: ServedBank) -> None:
    kim = register(served.bank, KIM)
    first = issue_to(served.bank, kim)
    assert re.search(r"^leaf\.pem: good$", openssl_ocsp(openssl, tmp_path, served, first), re.MULTILINE)
    issue_to(served.bank, kim, Purpose.REISSUE)
    answer = openssl_ocsp(openssl, tmp_path, served, first)
    assert re.search(r"^leaf\.pem: revoked$", answer, re.MULTILINE), answer
    assert re.search(r"^\s*Reason: superseded$", answer, re.MULTILINE), answer
    assert "Revocation Time:" in answer



def test_the_harness_reads_good_then_revoked_through_openssl(openssl: str, served: ServedBank) -> None:
    kim = register(served.bank, KIM)
    first = issue_to(served.bank, kim)
    ca = served.bank.ca
    chain = (ca.issuing_certificate.public_bytes(Encoding.PEM).decode(),
             ca.root_certificate.public_bytes(Encoding.PEM).decode())
    assert ask_responder(first.pem, *chain, served.bank.clock.now()).status == "good"
    issue_to(served.bank, kim, Purpose.REISSUE)
    answer = ask_responder(first.pem, *chain, served.bank.clock.now())
    assert (answer.status, answer.reason) == ("revoked", "superseded")
    assert "Cert Status: revoked" in answer.text


def test_the_harness_reads_the_status_when_the_banks_clock_is_ahead_of_the_machine(openssl: str,
                                                                                   served: ServedBank) -> None:
    """A run's --today opens the bank at 10:00 KST, up to a day ahead of the machine's clock in the evening
    (UTC); openssl then found the answer 'not yet valid' and printed no status, failing the re-issue scenario."""
    kim = register(served.bank, KIM)
    first = issue_to(served.bank, kim)
    ahead = datetime.now(UTC) + timedelta(days=1, hours=3)
    served.bank.clock.advance(ahead - served.bank.clock.now())
    ca = served.bank.ca
    chain = (ca.issuing_certificate.public_bytes(Encoding.PEM).decode(),
             ca.root_certificate.public_bytes(Encoding.PEM).decode())
    assert ask_responder(first.pem, *chain, served.bank.clock.now()).status == "good"
