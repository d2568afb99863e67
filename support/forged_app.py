"""A tampered app on the customer's phone: it sends what the bank's app would, but signs with a key of its own.

The honest app's key never leaves the browser (WebCrypto, not extractable), so a forger can only sign with
another key: these requests are what a bank that skipped a signature check would accept.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from support.request_burst import TLS, Reply, reply_of


def p1363_signature(key: ec.EllipticCurvePrivateKey, data: bytes) -> str:
    """ECDSA P-256/SHA-256 as WebCrypto writes it (r and s, 32 bytes each), base64: the shape the bank reads."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return base64.b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode()


def spki(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


class ForgedApp:
    """Requests with the customer's own cookies and app version, and signatures by a key the forger made."""

    def __init__(self, base_url: str, cookies: Mapping[str, str], headers: Mapping[str, str]) -> None:
        self._client = httpx.Client(base_url=base_url, cookies=dict(cookies), headers=dict(headers), timeout=30.0,
                                    follow_redirects=False, verify=TLS)
        self._key = ec.generate_private_key(ec.SECP256R1())

    def close(self) -> None:
        self._client.close()

    def _post(self, path: str, body: Mapping[str, object]) -> httpx.Response:
        return self._client.post(path, json=dict(body))

    def sign_in_with_its_own_key(self, serial: str, pin: str) -> Reply:
        """The right PIN gets a login challenge; the answer is signed with the forger's key."""
        challenge = self._post("/api/login/pin", {"serial": serial, "pin": pin})
        if challenge.status_code != 200:
            return reply_of(challenge)
        body = challenge.json()
        signature = p1363_signature(self._key, base64.b64decode(body["nonce"]))
        return reply_of(self._post("/api/login/sign-in", {"serial": serial, "challenge_id": body["challenge_id"],
                                                          "signature": signature}))

    def ask_for_a_certificate_signed_by_another_key(self, pattern: Sequence[int]) -> Reply:
        """Set the pattern as the app does, then send one public key with a challenge signed by another key."""
        for path, body in (("/api/issuance/pattern", {"pattern": list(pattern), "confirmation": list(pattern)}),
                           ("/api/issuance/challenge", {})):
            answer = self._post(path, body)
            if answer.status_code != 200:
                return reply_of(answer)
        challenge = answer.json()
        other_key = ec.generate_private_key(ec.SECP256R1())
        signature = p1363_signature(self._key, base64.b64decode(challenge["nonce"]))
        return reply_of(self._post("/api/issuance/certificate", {
            "challenge_id": challenge["challenge_id"], "public_key": spki(other_key), "signature": signature}))
