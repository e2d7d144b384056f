"""One client address for every limit: X-Forwarded-For counts only from TRUSTED_PROXIES."""

import types

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from kennislab.core import ratelimit
from kennislab.core.checks import trusted_proxies_check
from kennislab.core.client import UNKNOWN, client_address, parse_proxies


def request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_peer_is_the_client():
    assert client_address(request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_a_header_from_an_untrusted_peer_is_ignored():
    assert client_address(request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"
    assert client_address(request("203.0.113.7", "10.0.0.5")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_behind_trusted_proxies_the_first_untrusted_address_from_the_right():
    assert client_address(request("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    # the visitor sent a forged first entry; nginx appended the real one, a second proxy its own
    forged = "6.6.6.6, 198.51.100.1, 10.1.2.3"
    assert client_address(request("127.0.0.1", forged)) == "198.51.100.1"
    assert client_address(request("10.9.9.9", "2001:db8::1")) == "2001:db8::1"
    assert client_address(request("127.0.0.1", "[2001:db8::2]:443")) == "2001:db8::2"
    assert client_address(request("127.0.0.1", "198.51.100.9:5678")) == "198.51.100.9"
    assert client_address(request("127.0.0.1", "::ffff:198.51.100.3")) == "198.51.100.3"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_garbage_or_no_header_falls_back_to_the_peer():
    assert client_address(request("127.0.0.1")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "niet-een-adres")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "1.2.3.4, <script>")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "999.1.1.1")) == "127.0.0.1"
    # no peer address at all (force_login, an internal request): still an IP address
    empty = RequestFactory().get("/")
    del empty.META["REMOTE_ADDR"]
    assert client_address(empty) == UNKNOWN == "0.0.0.0"  # noqa: S104
    assert client_address(request("niet-een-adres", "1.2.3.4")) == UNKNOWN
    # only trusted hops: the request came from inside; the leftmost hop asked
    assert client_address(request("127.0.0.1", "127.0.0.1")) == "127.0.0.1"


def test_trusted_proxies_accepts_only_addresses_and_networks():
    networks, invalid = parse_proxies("127.0.0.1, 10.0.0.0/8,::1, 2001:db8::/32")
    assert [str(network) for network in networks] == [
        "127.0.0.1/32",
        "10.0.0.0/8",
        "::1/128",
        "2001:db8::/32",
    ]
    assert invalid == []
    assert parse_proxies(["1", "10.0.0.1/8", "proxy.example", "10.0.0.0/33"])[1] == [
        "1",
        "10.0.0.1/8",
        "proxy.example",
        "10.0.0.0/33",
    ]


def test_an_invalid_trusted_proxies_value_fails_the_system_check():
    with override_settings(TRUSTED_PROXIES=["127.0.0.1", "1"]):
        errors = trusted_proxies_check()
    assert [error.id for error in errors] == ["core.E001"]
    assert "'1'" in errors[0].msg and "geen IP-adres" in errors[0].msg
    assert errors[0].is_serious()
    with override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"]):
        assert trusted_proxies_check() == []


# --- the site's rate limits count per client address -------------------------------------------

LIMIT = 3


@pytest.fixture
def limited_view(monkeypatch):
    cache.clear()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))

    @ratelimit.rate_limited("test-client", limit=LIMIT, window=60, json=True)
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    return view


def statuses(view, remote, forwarded_values):
    return [view(request(remote, forwarded)).status_code for forwarded in forwarded_values]


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], RATE_LIMITS_ENABLED=True)
def test_site_limit_spoofed_header_from_untrusted_peer_stays_in_one_bucket(limited_view):
    spoofed = [f"198.51.100.{number}" for number in range(LIMIT + 1)]
    assert statuses(limited_view, "203.0.113.7", spoofed) == [200] * LIMIT + [429]


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], RATE_LIMITS_ENABLED=True)
def test_site_limit_behind_trusted_proxy_two_visitors_two_buckets(limited_view):
    first = statuses(limited_view, "127.0.0.1", ["198.51.100.1"] * (LIMIT + 1))
    assert first == [200] * LIMIT + [429]
    assert statuses(limited_view, "127.0.0.1", ["198.51.100.2"]) == [200]
    # the proxy's own address is not a bucket every visitor shares
    assert statuses(limited_view, "127.0.0.1", ["6.6.6.6, 198.51.100.3"]) == [200]
