"""The service's URL fetcher: every hop checked by :mod:`newspith.service.urlguard`, one deadline
for the whole fetch, and a size cap enforced while the body streams in.

The connection goes to the address the guard checked (the Host header and TLS server name stay
the URL's), so a host cannot pass the check with one DNS answer and be fetched with another.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from urllib.parse import urljoin

import httpx

from newspith.errors import FetchError, TooLargeError
from newspith.fetch import Fetched
from newspith.service.config import ServiceConfig
from newspith.service.errors import UnsupportedMediaError
from newspith.service.urlguard import Target, check_url

__all__ = ["fetch_url", "PAGE_TYPES"]

_REDIRECTS = (301, 302, 303, 307, 308)
#: Content types worth extracting; a missing Content-Type is tried as HTML.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


def _request(client: httpx.AsyncClient, target: Target, config: ServiceConfig) -> httpx.Request:
    url = httpx.URL(target.url)
    default_port = 443 if target.scheme == "https" else 80
    host_header = target.host if target.port == default_port else f"{target.host}:{target.port}"
    if ":" in target.host:  # an IPv6 literal
        host_header = f"[{target.host}]" + ("" if target.port == default_port else f":{target.port}")
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return client.build_request(
        "GET", url.copy_with(host=target.address, port=target.port),
        headers={"Host": host_header, "User-Agent": config.user_agent,
                 "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"},
        extensions=extensions)


async def _read(resp: httpx.Response, url: str, limit: int) -> bytes:
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLargeError(f"the page is {int(declared):,} bytes, over the {limit:,}-byte "
                            "limit", url=url)
    chunks, size = [], 0
    async for chunk in resp.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise TooLargeError(f"the page is over the {limit:,}-byte limit", url=url)
        chunks.append(chunk)
    return b"".join(chunks)


async def _fetch(url: str, config: ServiceConfig) -> Fetched:
    timeout = httpx.Timeout(config.fetch_timeout, connect=config.connect_timeout)
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(config.max_redirects + 1):
            target = await asyncio.to_thread(check_url, url, config)
            async with _send(client, target, config) as resp:
                if resp.status_code in _REDIRECTS and "Location" in resp.headers:
                    url = urljoin(url, resp.headers["Location"])
                    continue
                if resp.status_code >= 400:
                    raise FetchError(f"the site answered HTTP {resp.status_code} "
                                     f"{resp.reason_phrase}", url=url)
                ctype = resp.headers.get("Content-Type")
                kind = (ctype or "text/html").split(";")[0].strip().lower()
                if kind not in PAGE_TYPES:
                    raise UnsupportedMediaError(f"the URL is not a web page: its content type "
                                                f"is {kind}", url=url)
                body = await _read(resp, url, config.fetch_max_bytes)
                return Fetched(url, body, ctype)
    raise FetchError(f"more than {config.max_redirects} redirects", url=url)


@asynccontextmanager
async def _send(client: httpx.AsyncClient, target: Target, config: ServiceConfig):
    """Send a checked request, streaming; the response is closed on leaving."""
    response = await client.send(_request(client, target, config), stream=True)
    try:
        yield response
    finally:
        await response.aclose()


async def fetch_url(url: str, config: ServiceConfig) -> Fetched:
    """GET ``url`` under the guard; raises :class:`FetchError` (or a subclass) with the reason."""
    try:
        async with asyncio.timeout(config.fetch_timeout):
            return await _fetch(url, config)
    except (TimeoutError, httpx.TimeoutException):
        raise FetchError(f"no answer within {config.fetch_timeout:g} s", url=url) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc or type(exc).__name__}", url=url) from None
