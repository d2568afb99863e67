"""What the routes need, each declared once as a dependency: the bank, the issuance session a screen belongs
to, the signed-in customer, and gates that run once a JSON body is valid."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, cast

from fastapi import Depends, Request
from pydantic import BaseModel

from mock_bank.bank import Bank
from mock_bank.records import CustomerRow
from mock_bank.services.sessions import IssuanceSession, Stage
from mock_bank.web.rendering import LOGIN_COOKIE, SESSION_COOKIE
from mock_bank.web.screen_kit import screen_at

Body = TypeVar("Body", bound=BaseModel)
Passed = TypeVar("Passed")


def bank_of(request: Request) -> Bank:
    """The bank this app serves (create_app keeps it in app.state)."""
    bank: Bank = request.app.state.bank
    return bank


async def serving_bank(request: Request) -> Bank:
    # async: it only reads app.state, so it need not take a worker thread as a plain function would.
    return bank_of(request)


BankDep = Annotated[Bank, Depends(serving_bank)]


def issuance_session(request: Request, finished: Stage) -> IssuanceSession:
    """The request's session, once the screen it belongs to works and the steps before it are done."""
    bank = bank_of(request)
    current = screen_at(request.url.path)
    if current is not None:
        bank.faults.check_screen(current)
    return bank.sessions.require(request.cookies.get(SESSION_COOKIE), finished)


def finished(stage: Stage) -> Any:
    """`Depends` on the issuance session, for a screen whose steps up to `stage` must be done."""

    def session(request: Request) -> IssuanceSession:
        return issuance_session(request, stage)

    return Depends(session)


def signed_in_customer(request: Request, bank: BankDep) -> CustomerRow | None:
    """The customer the login cookie names, or None; LoginExpired (the login ended) after the idle timeout."""
    return bank.login.holder(request.cookies.get(LOGIN_COOKIE))


SignedIn = Annotated[CustomerRow | None, Depends(signed_in_customer)]


def after_valid_body(model: type[Body], gate: Callable[[Bank, Request, Body], Passed]) -> Any:
    """`Depends` on `gate`, run with the route's JSON body once that body is a valid `model`.

    FastAPI runs a route's dependencies before it reports what is wrong with the body, so a gate that took no
    body would refuse an outdated app or a missing session where the bank has always answered the malformed
    body (422) first. Declared with the route's own model, the dependency meets the same errors, is skipped,
    and the route answers 422 as before. The signature is written out because FastAPI reads the body's model
    from it, and `model` is only known here.
    """

    def dependency(request: Request, body: BaseModel) -> Passed:
        return gate(bank_of(request), request, cast(Body, body))

    parameter = inspect.Parameter.POSITIONAL_OR_KEYWORD
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("request", parameter, annotation=Request),
         inspect.Parameter("body", parameter, annotation=model)])
    return Depends(dependency)
