"""Requests that change something must come from the bank's own pages (cross-site request forgery).

A browser names the page a request comes from in `Origin` (and `Sec-Fetch-Site`); a form another site
posts to the bank carries that site's origin. SameSite cookies already keep the customer's session out of
such a request, but the screens that need no session (starting issuance, which is also what the bank sees of
an app restart) would still act on it. Clients that are not browsers send no Origin and are let through:
they hold no customer's cookies to abuse. Test control is the tester's, and is not checked.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_bank.errors import BankError, Reason
from mock_bank.web.rendering import refusal_json, refusal_message, screen

CHANGING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TEST_CONTROL_PREFIX = "/_test/"


class CrossSiteRequest(BankError):
    status_code = 403

    def __init__(self) -> None:
        super().__init__(Reason.CROSS_SITE_REQUEST)


def is_cross_site(request: Request) -> bool:
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    return origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}"


class SameOrigin:
    """Plain ASGI (see security_headers.SecurityHeaders); only a changing request's headers are looked at."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in CHANGING_METHODS \
                and not scope["path"].startswith(TEST_CONTROL_PREFIX):
            request = Request(scope, receive)
            if is_cross_site(request):
                error = CrossSiteRequest()
                refusal: Response
                if scope["path"].startswith("/api/"):
                    refusal = refusal_json(request, error)
                else:
                    refusal = screen(request, "refused.html", error.status_code,
                                     error=refusal_message(request, error))
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def refuse_cross_site_requests(app: FastAPI) -> None:
    app.add_middleware(SameOrigin)
