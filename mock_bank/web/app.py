"""Builds the mock bank's ASGI app from its settings."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from mock_bank.bank import Bank, open_bank
from mock_bank.errors import BankError
from mock_bank.settings import ServerSettings
from mock_bank.web.certificate_api import certificate_router as certificate_api_router
from mock_bank.web.certificate_screens import certificate_router as certificate_screens_router
from mock_bank.web.control_api import control_router
from mock_bank.web.device_api import device_router
from mock_bank.web.http_errors import install_error_handlers
from mock_bank.web.id_card_screens import id_card_router
from mock_bank.web.public_ca import public_ca_router
from mock_bank.web.rendering import refusal_json, refusal_message, screen
from mock_bank.web.request_log import log_requests
from mock_bank.web.same_origin import refuse_cross_site_requests
from mock_bank.web.screen_kit import ScreenKit
from mock_bank.web.screens import screens_router
from mock_bank.web.security_headers import add_security_headers
from mock_bank.web.transfer_screens import transfer_router


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
    kit = ScreenKit(bank)
    app.include_router(screens_router(kit))
    app.include_router(id_card_router(kit))
    app.include_router(device_router(bank))
    app.include_router(certificate_screens_router(bank))
    app.include_router(public_ca_router(bank))
    app.include_router(transfer_router(kit))
    app.include_router(certificate_api_router(bank))
    if settings.test_control:
        app.include_router(control_router(bank))

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
