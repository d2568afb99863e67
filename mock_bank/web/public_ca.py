"""The CA's public face, what any relying party needs to check a KB국민인증서 itself: the CRL, the CA
certificates, and the OCSP responder (RFC 6960, over POST and GET)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from mock_bank.services.leaf_profile import CRL_PATH, ISSUER_PATH, OCSP_PATH
from mock_bank.services.ocsp import MALFORMED
from mock_bank.web.dependencies import BankDep

PEM_TYPE = "application/x-pem-file"
OCSP_REQUEST_TYPE = "application/ocsp-request"
OCSP_RESPONSE_TYPE = "application/ocsp-response"
# A request names one certificate in about a hundred bytes; a signed one with its chain stays under a few KiB.
MAX_OCSP_REQUEST_BYTES = 16 * 1024
OCSP_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "An OCSP response (RFC 6960): good, revoked or unknown", "content": {OCSP_RESPONSE_TYPE: {}}},
    400: {"description": "An OCSP response with status malformedRequest", "content": {OCSP_RESPONSE_TYPE: {}}},
}


def ocsp_answer(response: ocsp.OCSPResponse) -> Response:
    # The body is an OCSP response either way, so an OCSP client reads it; the HTTP status tells everyone else.
    status = 200 if response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL else 400
    return Response(response.public_bytes(Encoding.DER), status_code=status, media_type=OCSP_RESPONSE_TYPE)


async def bounded_body(request: Request) -> bytes | None:
    """The request's body, or None once it grows past what an OCSP request can be."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_OCSP_REQUEST_BYTES:
            return None
    return bytes(body)


router = APIRouter(tags=["ca"])


@router.get("/ca/crl.pem")
def crl_pem(bank: BankDep) -> Response:
    return Response(bank.revocations.crl().public_bytes(Encoding.PEM), media_type=PEM_TYPE)


# The two a certificate points to (services/leaf_profile.py): DER, the form RFC 5280 asks of HTTP URIs.
@router.get(CRL_PATH)
def crl_der(bank: BankDep) -> Response:
    return Response(bank.revocations.crl().public_bytes(Encoding.DER), media_type="application/pkix-crl")


@router.get(ISSUER_PATH)
def issuing_der(bank: BankDep) -> Response:
    return Response(bank.ca.issuing_certificate.public_bytes(Encoding.DER), media_type="application/pkix-cert")


@router.get("/ca/issuing.pem")
def issuing_pem(bank: BankDep) -> Response:
    return Response(bank.ca.issuing_certificate.public_bytes(Encoding.PEM), media_type=PEM_TYPE)


@router.get("/ca/root.pem")
def root_pem(bank: BankDep) -> Response:
    return Response(bank.ca.root_certificate.public_bytes(Encoding.PEM), media_type=PEM_TYPE)


@router.post(OCSP_PATH, summary="OCSP over POST: the DER request is the body", response_class=Response,
             responses=OCSP_RESPONSES, openapi_extra={"requestBody": {"content": {
                 OCSP_REQUEST_TYPE: {"schema": {"type": "string", "format": "binary"}}}}})
async def ocsp_post(request: Request, bank: BankDep) -> Response:
    body = await bounded_body(request)
    # The store and the signing block; the other routes are plain functions, which FastAPI runs in threads too.
    return ocsp_answer(MALFORMED if body is None else await run_in_threadpool(bank.ocsp.respond, body))


@router.get(OCSP_PATH + "/{encoded:path}", summary="OCSP over GET: the DER request in base64, URL-encoded",
            response_class=Response, responses=OCSP_RESPONSES)
def ocsp_get(encoded: str, bank: BankDep) -> Response:
    try:
        der = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return ocsp_answer(MALFORMED)
    return ocsp_answer(bank.ocsp.respond(der))
