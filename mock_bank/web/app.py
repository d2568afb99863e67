"""Builds the mock bank's ASGI app from its settings."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from mock_bank.bank import Bank, open_bank
from mock_bank.errors import BankError
from mock_bank.settings import ServerSettings
from mock_bank.web import (
    certificate_api,
    certificate_screens,
    control_api,
    device_api,
    home_screens,
    id_card_screens,
    public_ca,
    screens,
    transfer_screens,
)
from mock_bank.web.http_errors import install_error_handlers
from mock_bank.web.rendering import refusal_json, refusal_message, screen
from mock_bank.web.request_log import log_requests
from mock_bank.web.same_origin import refuse_cross_site_requests
from mock_bank.web.security_headers import add_security_headers

# Screens first, then the device's JSON API, the CA's public files and the API after issuance.
ROUTERS = (home_screens.router, screens.router, id_card_screens.router, device_api.router,
           certificate_screens.router, public_ca.router, transfer_screens.router, certificate_api.router)


def create_app(settings: ServerSettings, bank: Bank | None = None) -> FastAPI:
    bank = bank or open_bank(settings)
    app = FastAPI(title="KB스타뱅킹 mock bank", version="1.0",
                  description="Mock bank for KB국민인증서 issuance tests. The /_test endpoints exist only "
                              "when the bank runs with --test-control.")
    app.state.bank = bank
    log_requests(app)
    install_error_handlers(app)
    refuse_cross_site_requests(app)
    add_security_headers(app)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    if settings.test_control:
        for router in control_api.ROUTERS:
            app.include_router(router)

    @app.exception_handler(BankError)
    async def refused(request: Request, error: Exception) -> Response:
        """A refusal that no screen handled itself: JSON for the device API, a screen for people."""
        assert isinstance(error, BankError)
        if request.url.path.startswith(("/api/", "/_test/")):
            return refusal_json(request, error)
        return screen(request, "refused.html", error.status_code, error=refusal_message(request, error))

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
