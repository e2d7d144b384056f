"""Rate limits on the public search endpoints: clear Dutch 429 responses, per client."""

import types

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from kennislab.core import ratelimit
from kennislab.core.ratelimit import client_address

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    # The windows are fixed; a frozen clock keeps a window from ending in the middle of a test
    # (60 searches on a slow database can otherwise straddle a minute boundary).
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))


def test_search_page_limit(client, monkeypatch):
    from kennislab.search import views

    for _ in range(60):
        assert client.get("/zoeken/", {"q": "groen"}).status_code == 200
    blocked = client.get("/zoeken/", {"q": "groen"})
    assert blocked.status_code == 429
    assert "Wacht" in blocked.content.decode() and "seconden" in blocked.content.decode()
    assert 1 <= int(blocked["Retry-After"]) <= 61
    other = client.get("/zoeken/", {"q": "groen"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # another visitor is not affected
    assert views.search  # the limit sits on the view itself


def test_suggestions_limit_answers_in_json(client):
    for _ in range(240):
        client.get("/zoeken/suggesties/", {"q": "gr"})
    blocked = client.get("/zoeken/suggesties/", {"q": "gr"})
    assert blocked.status_code == 429
    assert "Wacht" in blocked.json()["detail"]


def test_api_throttle(client, settings):
    from kennislab.api import v1

    limit = int(settings.API_RATE.split("/")[0])
    assert v1.api.throttle  # configured from API_RATE
    statuses = [client.get("/api/v1/search", {"q": "groen"}).status_code for _ in range(limit + 1)]
    assert statuses[:limit] == [200] * limit
    assert statuses[-1] == 429
    blocked = client.get("/api/v1/search", {"q": "groen"})
    assert blocked.json()["detail"].startswith("Te veel verzoeken")
    assert "Retry-After" in blocked


def test_client_address_behind_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.9.9.9"
    )
    settings.TRUSTED_PROXIES = []
    assert client_address(request) == "10.0.0.1"  # untrusted header ignored
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    assert client_address(request) == "10.9.9.9"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request) == "1.2.3.4"
