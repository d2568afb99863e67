"""HTTP's own refusals in the bank's shape: an unknown address, a wrong method, a body that does not validate.

FastAPI answers those in English (`{"detail": ...}`), and its 422 echoes the input back, which could not even
be written as JSON when the input was NaN or Infinity (a 500). Here the API and test control answer
{reason, field, message} with Korean words (test control's own detail kept beside them, for testers), and
screens answer with the refusal screen.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from mock_bank.errors import Reason
from mock_bank.messages import explain
from mock_bank.web.device_api import invalid_request
from mock_bank.web.rendering import rules_of, screen

HTTP_REASONS = {404: Reason.NOT_FOUND, 405: Reason.METHOD_NOT_ALLOWED}
API_PATHS = ("/api/", "/_test/")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return invalid_request(request, error)

    @app.exception_handler(HTTPException)
    async def refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        reason = HTTP_REASONS.get(error.status_code, Reason.REQUEST_REFUSED)
        message = explain(reason, None, rules=rules_of(request))
        headers = dict(error.headers or {})
        if request.url.path.startswith(API_PATHS) or request.url.path == "/openapi.json":
            body: dict[str, object] = {"reason": reason.value, "field": None, "message": message}
            if error.detail and error.status_code not in HTTP_REASONS:
                body["detail"] = error.detail
            return JSONResponse(body, status_code=error.status_code, headers=headers)
        return screen(request, "refused.html", error.status_code, error=message)
