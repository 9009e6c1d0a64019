import pytest

from newspith.config import FetchConfig
from newspith.errors import FetchError, TooLargeError
from newspith.fetch import fetch

from tests.httpserver import serve


def test_fetch_returns_body_and_content_type():
    with serve({"/a": (200, "text/html; charset=utf-8", b"<p>hi</p>")}) as base:
        got = fetch(base + "/a")
    assert got.body == b"<p>hi</p>" and "utf-8" in got.content_type
    assert got.url.endswith("/a")


def test_http_error_status():
    with serve({}) as base, pytest.raises(FetchError, match="404"):
        fetch(base + "/missing")


def test_size_cap():
    with serve({"/big": (200, "text/html", b"x" * 5000)}) as base, pytest.raises(TooLargeError):
        fetch(base + "/big", FetchConfig(max_bytes=1000))


def test_timeout():
    with serve({"/slow": (200, "text/html", b"late")}, delay={"/slow": 3}) as base:
        with pytest.raises(FetchError, match="cannot fetch|no answer"):
            fetch(base + "/slow", FetchConfig(timeout=0.5))


def test_only_http_schemes():
    with pytest.raises(FetchError):
        fetch("file:///etc/passwd")


def test_unreachable_host():
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/", FetchConfig(timeout=2))
