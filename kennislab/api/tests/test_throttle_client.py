"""The API throttle counts per the site's one client address (kennislab.core.client)."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from kennislab.api import v1

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rate(monkeypatch):
    """Three requests a minute: the throttle objects are shared by every operation."""
    cache.clear()
    for throttle in v1.api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 3)
    yield 3
    cache.clear()


def get(client, remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.get("/api/v1/kennisvouchers", **extra).status_code


def test_the_throttles_use_the_one_client_address():
    assert all(isinstance(throttle, v1.ClientAddressMixin) for throttle in v1.api.throttle)


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_spoofed_header_from_untrusted_peer_changes_nothing(client, low_rate):
    codes = [get(client, "203.0.113.7", f"198.51.100.{n}") for n in range(low_rate + 1)]
    assert codes == [200] * low_rate + [429]


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_trusted_proxy_two_visitors_get_two_buckets(client, low_rate):
    codes = [get(client, "127.0.0.1", "198.51.100.1") for _ in range(low_rate + 1)]
    assert codes == [200] * low_rate + [429]
    assert get(client, "127.0.0.1", "198.51.100.2") == 200
