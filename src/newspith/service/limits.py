"""ASGI middleware: the request body cap and the security headers of every response; and the
cap on concurrent extractions (:class:`ExtractionSlots`).

The body cap refuses a declared ``Content-Length`` over the limit before reading a byte, and cuts
off a streamed (chunked) body as soon as it passes the limit. Every response carries a strict
Content-Security-Policy: scripts and styles from the service's own ``/static`` only, no inline
script, no plug-ins, no framing, so nothing from an extracted page can run in the web page.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from newspith.errors import TooLargeError
from newspith.service.errors import BusyError

__all__ = ["Guard", "BodyTooLargeError", "CSP", "DOCS_CSP", "ExtractionSlots"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: The OpenAPI pages (``/docs``, ``/redoc``) load their viewer from a CDN with an inline loader;
#: they show the API's schema only, never extracted content.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
            "https://cdn.redoc.ly; worker-src blob:; connect-src 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
#: The exact paths of those pages (a prefix would also loosen ``/docsanything``).
_DOCS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})


class BodyTooLargeError(TooLargeError):
    """The request body is over ``ServiceConfig.max_body_bytes``."""


def _security_headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin")]


# Built once: the headers every response carries, and the ones of the API docs pages.
_HEADERS = _security_headers(CSP)
_DOCS_HEADERS = _security_headers(DOCS_CSP)
_HEADER_NAMES = frozenset(k for k, _ in _HEADERS)


class Guard:
    """Wraps the app: caps request bodies at ``max_body_bytes``, adds the security headers."""

    def __init__(self, app, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = _DOCS_HEADERS if scope.get("path", "") in _DOCS else _HEADERS

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if k.lower() not in _HEADER_NAMES]
                message = {**message, "headers": kept + extra}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        limit = self.max_body_bytes
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            error = (BodyTooLargeError(f"request body of {int(declared):,} bytes is over the "
                                       f"{limit:,}-byte limit") if declared.isdigit() else None)
            await self._refuse(send_with_headers, error)
            return
        seen = 0

        async def capped_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError(f"request body is over the {limit:,}-byte limit")
            return message

        await self.app(scope, capped_receive, send_with_headers)

    @staticmethod
    async def _refuse(send, error: TooLargeError | None) -> None:
        if error is None:
            status, body = 400, {"error": "BadRequestError", "stage": "service",
                                 "message": "Content-Length is not a number", "status": 400}
        else:
            status, body = 413, {**error.to_dict(), "status": 413}
        payload = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


class ExtractionSlots:
    """At most ``size`` extractions at once (each holds a CPU in a worker thread): a request
    waits up to ``timeout`` seconds for a slot, then is refused with :class:`BusyError` (503).

    The count is kept per event loop (a server runs one), as asyncio's semaphore belongs to one.
    """

    def __init__(self, size: int, timeout: float) -> None:
        if size < 1:
            raise ValueError(f"max_concurrent_extractions must be 1 or more, not {size}")
        self.size, self.timeout = size, timeout
        self._semaphores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.setdefault(loop, asyncio.Semaphore(self.size))
        try:
            async with asyncio.timeout(self.timeout):
                await semaphore.acquire()
        except TimeoutError:
            raise BusyError(f"busy: all {self.size} extraction slots stayed taken for "
                            f"{self.timeout:g} s; retry later") from None
        try:
            yield
        finally:
            semaphore.release()
