"""A loopback "web site" for the URL-fetch tests: pages, redirects, a stream without a length,
and a path that never answers. Nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (b"<html><head><title>Local news</title></head><body><article><h1>Local news</h1>"
        + b"<p>" + b"A sentence of the local story, long enough to be prose. " * 12 + b"</p>"
        + b"</article></body></html>")


@contextmanager
def upstream(redirects: dict[str, str] | None = None, stream_bytes: int = 0):
    """Serve on 127.0.0.1: ``/page``; ``redirects`` ``{path: location}``; ``/stream``
    (``stream_bytes`` of HTML in chunks, no Content-Length); ``/hang`` (never answers)."""
    redirects = {} if redirects is None else redirects  # read at request time
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - http.server's naming
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _answer(self):
            if self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/page":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
            elif self.path == "/host":  # echoes the Host header it was sent
                host = (self.headers.get("Host") or "").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(host)))
                self.end_headers()
                self.wfile.write(host)
            elif self.path == "/image":
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", "8")
                self.end_headers()
                self.wfile.write(b"\x89PNG\r\n\x1a\n")
            elif self.path == "/stream":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk, sent = b"<p>" + b"x" * 8188 + b"</p>", 0
                while sent < stream_bytes and not stop.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)
                self.close_connection = True
            elif self.path == "/hang":
                stop.wait(30)  # accepts the connection, never answers
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        stop.set()
        time.sleep(0.05)
        server.shutdown()
        server.server_close()
