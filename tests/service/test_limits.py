"""Request body caps and the security headers, in process and on a live server."""

from __future__ import annotations

import asyncio
import select
import socket
import threading
import time

import httpx

import newspith.service.inputs as inputs
from newspith.service import ServiceConfig, create_app
from newspith.service.limits import CSP, DOCS_CSP

from tests.conftest import EXAMPLES
from tests.service.conftest import call

FERRY = (EXAMPLES / "harbour-ferry.html").read_bytes()


def test_declared_oversize_body_is_refused_before_reading():
    app = create_app(ServiceConfig(max_body_bytes=1000))
    sent, reads = [], []

    async def receive():
        reads.append(1)
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/extract", "raw_path": b"/extract",
             "query_string": b"", "headers": [(b"content-type", b"text/html"),
                                               (b"content-length", b"104857600")],
             "http_version": "1.1", "scheme": "http", "server": ("t", 80), "client": ("c", 1)}
    asyncio.run(app(scope, receive, send))
    assert reads == []  # not one byte read
    assert sent[0]["status"] == 413
    assert b"104,857,600 bytes" in sent[1]["body"]


def test_streamed_oversize_body_is_cut_off():
    app = create_app(ServiceConfig(max_body_bytes=64 * 1024))
    chunks = []

    async def body():
        for _ in range(1000):  # 8 MB in chunks, no Content-Length: chunked transfer
            chunks.append(1)
            yield b"<p>" + b"x" * 8185 + b"</p>"

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            return await client.post("/extract", content=body(),
                                     headers={"Content-Type": "text/html"})
    resp = asyncio.run(go())
    assert resp.status_code == 413 and "65,536-byte limit" in resp.json()["message"]
    assert len(chunks) < 20  # it stopped reading soon after the cap
    assert call(app, "POST", "/extract", content=FERRY).status_code == 200


def test_body_under_the_cap_is_served():
    app = create_app(ServiceConfig(max_body_bytes=len(FERRY)))
    assert call(app, "POST", "/extract", content=FERRY).status_code == 200
    assert call(app, "POST", "/extract", content=FERRY + b" ").status_code == 413


def test_every_response_carries_the_csp(app):
    for method, path in (("GET", "/"), ("GET", "/healthz"), ("GET", "/search"),
                         ("GET", "/static/app.js"), ("GET", "/nowhere"), ("POST", "/extract")):
        resp = call(app, method, path)
        assert resp.headers["content-security-policy"] == CSP, path
        assert resp.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_only_the_docs_pages_get_the_loose_csp(app):
    for path in ("/docs", "/redoc"):
        assert call(app, "GET", path).headers["content-security-policy"] == DOCS_CSP, path
    for path in ("/docsx", "/docs/x", "/redoc-page", "/openapi.json"):
        assert call(app, "GET", path).headers["content-security-policy"] == CSP, path


def test_extractions_over_the_cap_wait_then_get_busy(monkeypatch):
    started, release = threading.Event(), threading.Event()
    real = inputs.extract

    def slow(*args, **kwargs):
        started.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(inputs, "extract", slow)
    app = create_app(ServiceConfig(max_concurrent_extractions=1, queue_timeout=0.3))

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            def post():
                return client.post("/extract", content=FERRY,
                                   headers={"Content-Type": "text/html"})
            first = asyncio.create_task(post())
            await asyncio.to_thread(started.wait, 5)
            start = time.monotonic()
            second = await post()  # the one slot is taken
            waited = time.monotonic() - start
            release.set()
            return await first, second, waited, await post()

    first, second, waited, third = asyncio.run(go())
    assert first.status_code == 200 and third.status_code == 200  # the slot is freed after
    assert second.status_code == 503 and second.json()["error"] == "BusyError"
    assert "busy" in second.json()["message"] and 0.3 <= waited < 2


def _raw(base: str, request: bytes) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            part = s.recv(65536)
            if not part:
                break
            data += part
        return data


def test_live_100_mb_body_is_refused_and_the_service_keeps_serving(live):
    head = (b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
            b"Content-Length: 104857600\r\n\r\n")
    answer = _raw(live, head + b"<html>" * 100)
    assert answer.startswith(b"HTTP/1.1 413")
    resp = httpx.post(f"{live}/extract", content=FERRY, headers={"Content-Type": "text/html"})
    assert resp.status_code == 200 and resp.json()["title"]


def test_live_chunked_flood_is_cut_off(live):
    host, port = live.removeprefix("http://").split(":")
    chunk = b"10000\r\n" + b"x" * 65536 + b"\r\n"
    answer = b""
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(256):  # 16 MB against the default 8 MB cap, until it answers
                if select.select([s], [], [], 0)[0]:
                    break
                s.sendall(chunk)
        except OSError:
            pass  # it stopped reading (or closed) once the cap was passed; read its answer
        while b"\r\n\r\n" not in answer:
            part = s.recv(65536)
            if not part:
                break
            answer += part
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert httpx.get(f"{live}/healthz").json()["status"] == "ok"


def test_live_bad_inputs_leave_it_serving(live):
    bad = [dict(content=b"{oops", headers={"Content-Type": "application/json"}),
           dict(json={"url": "http://127.0.0.1:1/"}),
           dict(content=b"\x00\x01" * 5000, headers={"Content-Type": "text/html"})]
    for kwargs in bad:
        resp = httpx.post(f"{live}/extract", **kwargs)
        assert 400 <= resp.status_code < 500 and resp.json()["message"]
    assert httpx.get(f"{live}/articles/no-such-id").status_code == 404
    assert httpx.get(f"{live}/healthz").json()["status"] == "ok"
