"""The app's first screen (login with the certificate) and, once signed in, the home screen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mock_bank.web.dependencies import SignedIn
from mock_bank.web.rendering import screen
from mock_bank.web.screen_kit import SEE_OTHER

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def start(request: Request) -> Response:
    return screen(request, "start.html")


@router.get("/home", response_class=HTMLResponse)
def home(request: Request, customer: SignedIn) -> Response:
    if customer is None:
        return RedirectResponse("/", SEE_OTHER)
    return screen(request, "home.html", customer=customer)
