"""The URL-fetch guard: non-public addresses refused after DNS and on every redirect, a deadline,
a size cap while streaming. Everything runs against a loopback server (no internet needed)."""

from __future__ import annotations

import asyncio
import ipaddress
import time

import pytest

from newspith.errors import FetchError, TooLargeError
from newspith.service import ServiceConfig, create_app
from newspith.service.errors import UnsupportedMediaError
from newspith.service.fetcher import fetch_url
from newspith.service.urlguard import BlockedAddressError, check_url, is_public

from tests.service.conftest import call
from tests.service.upstream import upstream

PUBLIC = "news.test"  # a made-up host the tests' resolver maps to the loopback server


def _config(**kw) -> ServiceConfig:
    """A guard that trusts PUBLIC (resolved to 127.0.0.1) as if it were a public site."""
    resolve = {PUBLIC: ["127.0.0.1"], "rebind.test": ["93.184.215.14", "10.0.0.7"],
               "meta.test": ["169.254.169.254"], "v6.test": ["::1"]}
    defaults = dict(trusted_hosts=(PUBLIC,), resolver=lambda host, port: resolve[host],
                    fetch_timeout=2.0, connect_timeout=1.0)
    return ServiceConfig(**{**defaults, **kw})


def fetch(url, config):
    return asyncio.run(fetch_url(url, config))


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.100.100.200", False), ("168.63.129.16", False),
    ("0.0.0.0", False), ("::1", False), ("fe80::1", False), ("fd00:ec2::254", False),
    ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
    ("93.184.215.14", True), ("2606:4700::1111", True),
])
def test_public_addresses(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("url", ["http://rebind.test/", "http://meta.test/latest/",
                                 "http://v6.test/", "http://[::1]:8080/"])
def test_non_public_after_resolution_is_refused(url):
    with pytest.raises(BlockedAddressError):
        check_url(url, _config())


@pytest.mark.parametrize("url", ["http://localhost/", "http://localhost./", "http://127.1/",
                                 "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/"])
def test_loopback_spellings_are_refused_by_the_system_resolver(url):
    with pytest.raises(BlockedAddressError):
        check_url(url, ServiceConfig())


def test_allow_private_lets_loopback_through():
    target = check_url("http://127.0.0.1:8080/x", ServiceConfig(allow_private=True))
    assert target.address == "127.0.0.1" and target.port == 8080


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "http://", "http://u:p@a.b/",
                                 "http://[::1/"])
def test_unfetchable_urls(url):
    with pytest.raises(FetchError):
        check_url(url, ServiceConfig())


def test_loopback_url_is_refused_with_the_guard_on():
    with upstream() as port:
        with pytest.raises(BlockedAddressError, match="loopback"):
            fetch(f"http://127.0.0.1:{port}/page", ServiceConfig())
        got = fetch(f"http://127.0.0.1:{port}/page", ServiceConfig(allow_private=True))
    assert b"Local news" in got.body


def test_trusted_host_is_fetched_and_keeps_its_host_name():
    with upstream() as port:
        got = fetch(f"http://{PUBLIC}:{port}/page", _config())
        host = fetch(f"http://{PUBLIC}:{port}/host", _config()).body
    assert b"Local news" in got.body and got.url == f"http://{PUBLIC}:{port}/page"
    # connected to the checked address, yet the site sees its own name
    assert host == f"{PUBLIC}:{port}".encode()


def test_redirect_to_loopback_is_refused():
    redirects: dict[str, str] = {}
    with upstream(redirects=redirects) as port:
        redirects.update({"/go": f"http://127.0.0.1:{port}/page", "/hop": "/page",
                          "/meta": "http://169.254.169.254/latest/meta-data/"})
        with pytest.raises(BlockedAddressError, match="127.0.0.1"):
            fetch(f"http://{PUBLIC}:{port}/go", _config())
        with pytest.raises(BlockedAddressError, match="169.254.169.254"):
            fetch(f"http://{PUBLIC}:{port}/meta", _config())
        # a relative redirect staying on the trusted host is followed
        assert b"Local news" in fetch(f"http://{PUBLIC}:{port}/hop", _config()).body


def test_redirect_loop_stops():
    redirects = {"/a": "/b", "/b": "/a"}
    with upstream(redirects=redirects) as port:
        with pytest.raises(FetchError, match="redirects"):
            fetch(f"http://{PUBLIC}:{port}/a", _config(max_redirects=3))


def test_a_url_that_never_answers_times_out():
    with upstream() as port:
        start = time.monotonic()
        with pytest.raises(FetchError, match="no answer within 1 s"):
            fetch(f"http://{PUBLIC}:{port}/hang", _config(fetch_timeout=1.0))
        assert time.monotonic() - start < 3


def test_size_cap_is_enforced_while_streaming():
    with upstream(stream_bytes=10 * 2**20) as port:
        with pytest.raises(TooLargeError, match="over the 65,536-byte limit"):
            fetch(f"http://{PUBLIC}:{port}/stream", _config(fetch_max_bytes=65536))


def test_not_a_web_page_is_refused():
    with upstream() as port:
        with pytest.raises(UnsupportedMediaError, match="image/png"):
            fetch(f"http://{PUBLIC}:{port}/image", _config())


def test_the_api_maps_fetch_failures_to_4xx_json():
    with upstream(redirects={"/go": "http://127.0.0.1:1/"}) as port:
        app = create_app(_config(fetch_timeout=1.0))
        cases = {f"http://{PUBLIC}:{port}/page": 200, f"http://{PUBLIC}:{port}/go": 403,
                 f"http://127.0.0.1:{port}/page": 403, f"http://{PUBLIC}:{port}/hang": 422,
                 f"http://{PUBLIC}:{port}/missing": 422, f"http://{PUBLIC}:{port}/image": 415}
        for url, status in cases.items():
            resp = call(app, "POST", "/extract", json={"url": url})
            assert resp.status_code == status, (url, resp.text)
        page = call(app, "POST", "/extract", json={"url": f"http://{PUBLIC}:{port}/page"}).json()
    assert page["title"] == "Local news"
