"""The harness's own check of a signed transaction, independent of the mock bank's code.

The device signs with WebCrypto: ECDSA P-256/SHA-256, the signature as r||s (IEEE P1363, 32 bytes each).
What it signs is the transaction's canonical JSON: sorted keys, no spaces, UTF-8, non-ASCII kept as is.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from support.certificates import CertificateCheckFailed

COORDINATE_BYTES = 32


def canonical(payload: Any) -> str:
    """Restated here rather than imported: the harness checks the bank against the published format."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def verify_signed_content(content: str, signature: bytes, certificate: x509.Certificate) -> dict[str, Any]:
    """Return the signed content as data once `signature` over its bytes verifies with the certificate's key."""
    payload: dict[str, Any] = json.loads(content)
    if canonical(payload) != content:
        raise CertificateCheckFailed("the signed content is not in canonical JSON form")
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise CertificateCheckFailed(f"expected an EC P-256 key, found {key!r}")
    if len(signature) != 2 * COORDINATE_BYTES:
        raise CertificateCheckFailed(f"expected a {2 * COORDINATE_BYTES}-byte r||s signature, got {len(signature)}")
    r = int.from_bytes(signature[:COORDINATE_BYTES], "big")
    s = int.from_bytes(signature[COORDINATE_BYTES:], "big")
    try:
        key.verify(encode_dss_signature(r, s), content.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as error:
        raise CertificateCheckFailed("the signature does not verify with the certificate's public key") from error
    return payload
