"""Fetch one URL for the CLI: a timeout, a size cap, a browser-like user agent, http(s) only."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from newspith.config import FetchConfig
from newspith.errors import FetchError, TooLargeError

__all__ = ["Fetched", "fetch", "is_url"]


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str            # the final URL, after redirects
    body: bytes
    content_type: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, config: FetchConfig | None = None) -> Fetched:
    """GET ``url``; raises :class:`FetchError` (or :class:`TooLargeError`) with the reason."""
    config = config or FetchConfig()
    if not is_url(url):
        raise FetchError("only http:// and https:// URLs can be fetched", url=url)
    request = urllib.request.Request(url, headers={
        "User-Agent": config.user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=config.timeout) as resp:  # noqa: S310
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > config.max_bytes:
                raise TooLargeError(f"body is {int(declared):,} bytes, over the "
                                    f"{config.max_bytes:,}-byte limit", url=url)
            body = resp.read(config.max_bytes + 1)
            if len(body) > config.max_bytes:
                raise TooLargeError(f"body is over the {config.max_bytes:,}-byte limit", url=url)
            return Fetched(resp.geturl(), body, resp.headers.get("Content-Type"))
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}", url=url) from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch: {exc.reason}", url=url) from None
    except TimeoutError:
        raise FetchError(f"no answer within {config.timeout:g} s", url=url) from None
    except OSError as exc:
        raise FetchError(f"cannot fetch: {exc}", url=url) from None
