"""Request size limit (KG_MAX_REQUEST_BYTES): a 413 in the common JSON error shape."""

from __future__ import annotations

import json

from kg.errors import KGError


class RequestTooLarge(KGError):
    http_status = 413
    code = "too_large"


class BodySizeLimit:
    """ASGI middleware: refuse a body (or query string) larger than `max_bytes`."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return f"the request is larger than the limit of {self.max_bytes} bytes (KG_MAX_REQUEST_BYTES)"

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_long = len(scope.get("query_string", b"")) > self.max_bytes
        if not too_long and scope["method"] in ("GET", "HEAD"):  # no body to count: the fast path
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope.get("headers") or () if k == b"content-length"), b"0")
        if too_long or (declared.isdigit() and int(declared) > self.max_bytes):
            body = json.dumps({"error": RequestTooLarge.code, "message": self._message()}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 413,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLarge(self._message())
            return message

        await self.app(scope, counting_receive, send)
