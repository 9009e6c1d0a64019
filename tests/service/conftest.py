"""Fixtures of the service tests: a corpus built from the sample pages, the app, a live server."""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service tests need the serve extra (fastapi)")
httpx = pytest.importorskip("httpx", reason="the service tests need httpx")

from newspith.pipeline.batch import run_files  # noqa: E402
from newspith.service import ServiceConfig, create_app  # noqa: E402

from tests.conftest import EXAMPLES  # noqa: E402

COPY_OF = "harbour-ferry.html"  # a page also stored as a near-duplicate, to make a cluster


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A corpus of the sample pages plus a lightly edited copy of one (a near-duplicate)."""
    tmp = tmp_path_factory.mktemp("corpus")
    copies = tmp / "copies"
    copies.mkdir()
    html = (EXAMPLES / COPY_OF).read_text(encoding="utf-8")
    (copies / COPY_OF).write_text(html.replace("</body>", "<p>Updated at 10:00.</p></body>"),
                                  encoding="utf-8")
    db = tmp / "corpus.sqlite"
    run_files([str(EXAMPLES), str(copies)], db, quiet=True)
    return db


@pytest.fixture(scope="session")
def app(corpus):
    return create_app(ServiceConfig(db=corpus))


def call(app, method: str, url: str, **kwargs) -> httpx.Response:
    """One request to ``app`` in process, through httpx's ASGI transport."""
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            return await client.request(method, url, **kwargs)
    return asyncio.run(go())


@pytest.fixture(scope="session")
def live(corpus):
    """The service on a loopback port, served by uvicorn from a thread; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn", reason="the live tests need uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ServiceConfig(db=corpus)), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the live server did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave files to look at (screenshots): test-artifacts/ (ignored by git)."""
    path = Path(__file__).resolve().parents[2] / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")
