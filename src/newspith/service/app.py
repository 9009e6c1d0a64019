"""The FastAPI application: the JSON API, the web page, error handling and the guards."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newspith import __version__
from newspith.errors import NewspithError
from newspith.service import api, web
from newspith.service.config import ServiceConfig
from newspith.service.corpus import Corpus
from newspith.service.errors import error_body, status_of
from newspith.service.limits import Guard

__all__ = ["create_app"]

log = logging.getLogger("newspith.service")

_DESCRIPTION = """Extract clean articles from news pages, and search a corpus of them.

Every refusal is a 4xx with a JSON body: `error`, `stage`, `message` (and `url` when one was
fetched). URLs are fetched from public addresses only, with a timeout and a size cap."""


def _json_error(status: int, error: str, message: str) -> JSONResponse:
    return JSONResponse({"error": error, "stage": "service", "message": message,
                         "status": status}, status_code=status)


def create_app(config: ServiceConfig | None = None) -> Guard:
    """The service as an ASGI app (the FastAPI app wrapped in the body cap and the headers).

    The FastAPI app itself is ``create_app(...).app``. Raises
    :class:`~newspith.errors.InputError` when ``config.db`` is not a readable corpus.
    """
    config = config or ServiceConfig()
    app = FastAPI(title="newspith", version=__version__, description=_DESCRIPTION)
    app.state.config = config
    app.state.corpus = Corpus(config.db) if config.db is not None else None

    @app.exception_handler(NewspithError)
    async def newspith_error(request: Request, exc: NewspithError) -> JSONResponse:
        return JSONResponse(error_body(exc), status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
                             for e in exc.errors())
        return _json_error(400, "BadRequestError", problems or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = {404: f"no route {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}
        return _json_error(exc.status_code, "NotFound" if exc.status_code == 404 else "HTTPError",
                           message.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _json_error(500, "InternalError", "the service failed on this request; "
                           "the error is in its log")

    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return Guard(app, config.max_body_bytes)
