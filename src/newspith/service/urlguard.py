"""Which URLs the service may fetch: public http(s) addresses only, checked after DNS resolution.

A URL given to the service could point it at the machine itself (``127.0.0.1``), at the private
network behind it, or at a cloud metadata service holding credentials. :func:`check_url`
resolves the host and refuses every address that is not globally routable, unless the
configuration allows private addresses or trusts the host by name. The fetcher then connects to
the address checked here (never resolving again), and checks each redirect the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from newspith.errors import FetchError
from newspith.service.config import ServiceConfig

__all__ = ["BlockedAddressError", "Target", "check_url", "is_public", "METADATA_ADDRESSES"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud metadata services. Most are link-local or private already; Azure's is a public address.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254"))


class BlockedAddressError(FetchError):
    """A URL (or a redirect) leads to an address the service must not fetch."""


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (``address``) and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def is_public(ip: IPAddress) -> bool:
    """Globally routable and not a metadata service (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast and ip not in METADATA_ADDRESSES


def _system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    return [info[4][0] for info in infos]


def check_url(url: str, config: ServiceConfig) -> Target:
    """Resolve ``url``'s host and return where to connect; raise if it may not be fetched."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {exc}", url=url) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("only http:// and https:// URLs can be fetched", url=url)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError("the URL has no host", url=url)
    if parts.username is not None or parts.password is not None:
        raise FetchError("URLs with credentials are not fetched", url=url)
    port = port or (443 if scheme == "https" else 80)
    resolve = config.resolver or _system_resolver
    try:
        literal = ipaddress.ip_address(host)
        addresses = [literal]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolve(host, port)]
        except ValueError as exc:
            raise FetchError(f"cannot resolve host {host!r}: {exc}", url=url) from None
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}", url=url)
    trusted = config.allow_private or host.lower() in {h.lower() for h in config.trusted_hosts}
    if not trusted:
        refused = [a for a in addresses if not is_public(a)]
        if refused:  # one private answer is enough to refuse: DNS answers can be mixed on purpose
            raise BlockedAddressError(
                f"refused to fetch {host}: it resolves to {refused[0]}, a loopback, private, "
                "link-local or metadata address (start the service with --allow-private to "
                "allow it)", url=url)
    return Target(url, scheme, host, port, str(addresses[0]))
