"""Every limit of the HTTP service, named once: :class:`ServiceConfig`."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newspith.config import BROWSER_USER_AGENT

__all__ = ["ServiceConfig", "Resolver"]

#: ``resolver(host, port) -> addresses``: how a URL's host name becomes IP addresses.
Resolver = Callable[[str, int], Sequence[str]]


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """How ``newspith serve`` behaves: its corpus, its request limits and its URL fetcher."""

    #: The SQLite corpus (``newspith run --out corpus.sqlite``), opened read-only; ``None``: the
    #: corpus routes answer 409 "no corpus configured".
    db: Path | None = None

    # --- requests ------------------------------------------------------------------------------
    #: Largest request body read (an HTML page, a JSON or form body). A larger declared
    #: Content-Length is refused before reading; a streamed body is cut off at this size.
    max_body_bytes: int = 8 * 1024 * 1024
    #: Longest search query accepted, in characters.
    max_query_chars: int = 500
    #: Search results per page (default and most a client can ask for).
    page_size: int = 20
    max_page_size: int = 100
    #: Results beyond this offset are not served (deep paging is a scan).
    max_offset: int = 10_000
    #: Blocks of the page shown in the web page's explanation (a dump has thousands).
    max_shown_blocks: int = 2_000
    #: Extractions run at once (each holds a CPU); the others wait for a slot.
    max_concurrent_extractions: int = max(2, os.cpu_count() or 1)
    #: Seconds a request waits for an extraction slot before it is refused with
    #: 503 "busy" (the one refusal that is not a 4xx: the fault is the load, not the request).
    queue_timeout: float = 10.0

    # --- URL fetching ----------------------------------------------------------------------------
    #: Longest URL accepted (to fetch, or naming a page), in characters.
    max_url_chars: int = 8192
    #: Seconds a whole fetch (every redirect, every byte) may take before it is abandoned.
    fetch_timeout: float = 10.0
    #: Seconds to wait for a connection to open.
    connect_timeout: float = 5.0
    #: Largest page body fetched; a longer one is refused while streaming, not truncated.
    fetch_max_bytes: int = 8 * 1024 * 1024
    #: Redirects followed; each hop is checked like the first URL.
    max_redirects: int = 5
    #: Fetch loopback, private, link-local and other non-public addresses too (a trusted
    #: network only: it lets anyone who can reach the service probe the hosts behind it).
    allow_private: bool = False
    #: Host names fetched even when they resolve to a non-public address (an intranet mirror).
    #: Redirects away from them are checked again.
    trusted_hosts: tuple[str, ...] = ()
    #: Name resolution; ``None`` uses the system's resolver (``getaddrinfo``).
    resolver: Resolver | None = None
    #: The user agent sent when fetching.
    user_agent: str = BROWSER_USER_AGENT + " newspith"
