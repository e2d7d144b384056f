"""The client address: one function decides who a request comes from, for every limit.

The site's rate limits (kennislab.core.ratelimit), the API throttle (kennislab.api.v1) and the
staff lockout (django-axes, AXES_CLIENT_IP_CALLABLE) all count per `client_address(request)`.

The rule: the direct peer (REMOTE_ADDR) is the client, unless the peer is one of the
TRUSTED_PROXIES (IP addresses or networks, e.g. `127.0.0.1,10.0.0.0/8`). Only then is
X-Forwarded-For read, from the right (the entry the nearest proxy added) to the left, skipping
addresses that are trusted proxies themselves; the first untrusted address is the client. A
header from anyone else changes nothing, so a visitor cannot pick their own bucket. An entry
that is not an IP address ends the walk: the peer is used, as if the header were absent.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# The answer when the peer has no IP address: an address still, because the lockout stores it
# in an IP address column (PostgreSQL refuses anything else).
UNKNOWN = "0.0.0.0"  # noqa: S104 - not a bind address


def parse_proxies(values) -> tuple[list[IPNetwork], list[str]]:
    """(networks, invalid entries) of a TRUSTED_PROXIES value: a list of addresses or networks
    (CIDR, without host bits), or one comma-separated string."""
    if isinstance(values, str):
        values = values.split(",")
    networks, invalid = [], []
    for value in values or ():
        text = str(value).strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=True))
        except ValueError:
            invalid.append(text)
    return networks, invalid


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(parse_proxies(values)[0])


def trusted_networks() -> tuple[IPNetwork, ...]:
    values = getattr(settings, "TRUSTED_PROXIES", ()) or ()
    if isinstance(values, str):
        values = values.split(",")
    return _networks(tuple(str(value) for value in values))


def parse_address(text: str) -> IPAddress | None:
    """An IP address from a header entry, or None. Accepts a port (`1.2.3.4:5678`,
    `[2001:db8::1]:443`); IPv4-mapped IPv6 addresses count as their IPv4 address."""
    text = (text or "").strip()
    if not text or len(text) > 64:
        return None
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1 and "." in text:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress, networks) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str:
    """The address every limit counts by (see the module's docstring)."""
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:  # no address (an internal request): one shared, still valid, address
        return UNKNOWN
    networks = trusted_networks()
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = peer
    for entry in reversed(forwarded.split(",")[-32:] if forwarded else []):
        address = parse_address(entry)
        if address is None:
            return str(peer)  # garbage: as if there were no header
        client = address
        if not _is_trusted(address, networks):
            return str(address)
    return str(client)  # every hop is trusted: the leftmost one asked
