"""The CA's public face, what any relying party needs to check a KB국민인증서 itself: the CRL and the CA
certificates."""

from __future__ import annotations

from cryptography.hazmat.primitives.serialization import Encoding
from fastapi import APIRouter
from fastapi.responses import Response

from mock_bank.bank import Bank
from mock_bank.services.leaf_profile import CRL_PATH, ISSUER_PATH

PEM_TYPE = "application/x-pem-file"


def public_ca_router(bank: Bank) -> APIRouter:
    router = APIRouter(tags=["ca"])

    @router.get("/ca/crl.pem")
    def crl_pem() -> Response:
        return Response(bank.revocations.crl().public_bytes(Encoding.PEM), media_type=PEM_TYPE)

    # The two a certificate points to (services/leaf_profile.py): DER, the form RFC 5280 asks of HTTP URIs.
    @router.get(CRL_PATH)
    def crl_der() -> Response:
        return Response(bank.revocations.crl().public_bytes(Encoding.DER), media_type="application/pkix-crl")

    @router.get(ISSUER_PATH)
    def issuing_der() -> Response:
        return Response(bank.ca.issuing_certificate.public_bytes(Encoding.DER), media_type="application/pkix-cert")

    @router.get("/ca/issuing.pem")
    def issuing_pem() -> Response:
        return Response(bank.ca.issuing_certificate.public_bytes(Encoding.PEM), media_type=PEM_TYPE)

    @router.get("/ca/root.pem")
    def root_pem() -> Response:
        return Response(bank.ca.root_certificate.public_bytes(Encoding.PEM), media_type=PEM_TYPE)

    return router
