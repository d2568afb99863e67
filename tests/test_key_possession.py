"""The device proves it holds the key it asks a certificate for: WebCrypto's raw r||s ECDSA signature over the
bank's challenge, checked by the mock bank's CA (mock_bank/services/ca.py, verify_possession)."""

from __future__ import annotations

import pytest
from certificate_holders import p1363_sign, spki
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from mock_bank.services.ca import CertificateRejected, RejectReason, verify_possession


@pytest.fixture
def client_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def test_possession_proof_with_p1363_signature_passes(client_key: ec.EllipticCurvePrivateKey) -> None:
    challenge = b"kbstar-challenge-0001"
    signature = p1363_sign(client_key, challenge)
    assert len(signature) == 64
    verify_possession(spki(client_key), challenge, signature)


def test_possession_proof_by_another_key_fails(client_key: ec.EllipticCurvePrivateKey) -> None:
    impostor = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(CertificateRejected) as rejected:
        verify_possession(spki(client_key), b"challenge", p1363_sign(impostor, b"challenge"))
    assert rejected.value.reason is RejectReason.BAD_SIGNATURE


def test_possession_proof_over_other_data_fails(client_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        verify_possession(spki(client_key), b"challenge", p1363_sign(client_key, b"another challenge"))
    assert rejected.value.reason is RejectReason.BAD_SIGNATURE


@pytest.mark.parametrize("shape", ["short", "long", "der"])
def test_signature_of_wrong_length_fails(client_key: ec.EllipticCurvePrivateKey, shape: str) -> None:
    good = p1363_sign(client_key, b"challenge")
    signature = {
        "short": good[:-1],
        "long": good + b"\x00",
        # The mistake a client makes by sending DER instead of WebCrypto's raw r||s.
        "der": client_key.sign(b"challenge", ec.ECDSA(hashes.SHA256())),
    }[shape]
    with pytest.raises(CertificateRejected) as rejected:
        verify_possession(spki(client_key), b"challenge", signature)
    assert rejected.value.reason is RejectReason.BAD_SIGNATURE


def test_possession_proof_with_malformed_key_fails(client_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(CertificateRejected) as rejected:
        verify_possession(b"not a key", b"challenge", p1363_sign(client_key, b"challenge"))
    assert rejected.value.reason is RejectReason.MALFORMED_KEY
