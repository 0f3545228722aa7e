"""One JSON error shape everywhere: `{"error": code, "message": ..., ...details}`.

`KGError` subclasses carry their HTTP status; FastAPI's own validation and HTTP errors are
mapped to the same shape; anything unexpected is a 500 with a generic message (the traceback
goes to the log, never to the client). Browsers asking for an entity page get an HTML 404.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.negotiation import wants_html
from kg.errors import KGError

log = logging.getLogger("kg.api")
HTTP_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def error_response(request: Request, status: int, body: dict) -> Response:
    """The JSON error, or a small HTML page for a browser on a page route."""
    page_route = request.url.path.startswith(("/id/", "/def", "/sources/"))
    if page_route and wants_html(request.headers.get("accept")):
        from api.links import Links
        from api.pages import render_error

        services = getattr(request.app.state, "kg", None)
        links = Links.relative(request, services.settings.base if services else "")
        return HTMLResponse(render_error(status, str(body.get("message", "")), links), status_code=status)
    return JSONResponse(body, status_code=status)


async def kg_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, KGError)
    return error_response(request, exc.http_status, exc.to_dict())


async def validation_error(request: Request, exc: Exception) -> Response:
    """422 naming the first offending parameter and what it should be."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    location = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body", "header")]
    name = location[0] if location else "request"
    reason = str(first.get("msg", "is not valid")).rstrip(".")
    body = {
        "error": "bad_parameter",
        "message": f"parameter {name!r}: {reason}",
        "parameter": name,
        "problems": [
            {
                "parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or "request",
                "message": str(e.get("msg", "")),
            }
            for e in errors
        ],
    }
    return error_response(request, 422, body)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path}"
    response = error_response(request, exc.status_code, {"error": code, "message": message})
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        {"error": "internal", "message": "internal error; it has been logged"}, status_code=500
    )


class CORS(CORSMiddleware):
    """Starlette's CORS middleware, with a refused preflight in the JSON error shape."""

    def preflight_response(self, request_headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reason = bytes(response.body).decode() or "refused"
        body = {"error": "bad_request", "message": f"CORS preflight refused: {reason}"}
        kept = {k: v for k, v in response.headers.items() if k.startswith("access-control") or k == "vary"}
        return JSONResponse(body, status_code=response.status_code, headers=kept)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(KGError, kg_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
