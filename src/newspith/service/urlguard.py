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

__all__ = ["BlockedAddressError", "InvalidURLError", "Target", "check_url", "is_public",
           "METADATA_ADDRESSES"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud metadata services. Most are link-local or private already; Azure's is a public address.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254"))

#: IPv6 prefixes whose last 32 bits are an IPv4 address the packet reaches: NAT64 (well-known
#: and local-use), IPv4-compatible (deprecated) and SIIT IPv4-translated addresses.
_IPV4_IN_LAST_32_BITS = tuple(ipaddress.ip_network(n) for n in (
    "64:ff9b::/96", "64:ff9b:1::/48", "::/96", "::ffff:0:0:0/96"))
#: Deprecated site-local addresses: private, though Python does not count them as such.
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")
_CONTROL = frozenset(chr(c) for c in (*range(0x20), 0x7F))


class BlockedAddressError(FetchError):
    """A URL (or a redirect) leads to an address the service must not fetch."""

    status = 403


class InvalidURLError(FetchError):
    """The URL given is malformed: unparsable, too long, with control characters or port 0."""

    status = 400


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (``address``) and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64 and the like)."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        found.extend(ip.teredo)  # the server and the client
    if any(ip in net for net in _IPV4_IN_LAST_32_BITS):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def _public(ip: IPAddress) -> bool:
    return ip.is_global and not ip.is_multicast and ip not in METADATA_ADDRESSES


def is_public(ip: IPAddress) -> bool:
    """Globally routable and not a metadata service; an IPv6 address that carries an IPv4 one
    (``::ffff:a.b.c.d``, NAT64, 6to4, Teredo) is public only when that IPv4 address is too."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # judged as the IPv4 address alone
            return _public(ip.ipv4_mapped)
        if ip in _SITE_LOCAL or not all(_public(a) for a in _embedded_ipv4(ip)):
            return False
    return _public(ip)


def _system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    return [info[4][0] for info in infos]


def check_url(url: str, config: ServiceConfig) -> Target:
    """Resolve ``url``'s host and return where to connect; raise if it may not be fetched."""
    if len(url) > config.max_url_chars:
        raise InvalidURLError(f"the URL is {len(url):,} characters long, over the "
                              f"{config.max_url_chars:,}-character limit", url=url[:200])
    if not _CONTROL.isdisjoint(url):
        raise InvalidURLError("the URL contains control characters", url=url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidURLError(f"not a valid URL: {exc}", url=url) from None
    if port == 0:
        raise InvalidURLError("port 0 cannot be fetched", url=url)
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
