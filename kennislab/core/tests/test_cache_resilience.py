"""The shared cache when Redis is gone (kennislab.core.cache): pages keep coming, uncached;
limits hold per process; the health check says "degraded"; one log line; and when Redis is back
the generation moves on, so a page cached before the outage is not served after changes made
during it."""

import logging
import os
import socket
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from kennislab.content.site import ensure_home
from kennislab.core import cache as resilient
from kennislab.core.pagecache import generation
from kennislab.core.ratelimit import allow

pytestmark = pytest.mark.django_db

BACKEND = "kennislab.core.cache.ResilientRedisCache"
UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def fresh_state():
    resilient._state.update(down=False, down_until=0.0)
    resilient._fallback.clear()
    yield
    resilient._state.update(down=False, down_until=0.0)
    resilient._fallback.clear()


@pytest.fixture
def unreachable(settings, fresh_state):
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": UNREACHABLE}}
    settings.PAGE_CACHE_SECONDS = 600
    settings.DATA_CACHE_SECONDS = 600


@pytest.fixture
def redis(settings, fresh_state):
    if not redis_reachable():
        pytest.skip("Redis is not running on 127.0.0.1:6379")  # CI runs it: a skip fails there
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": REDIS}}
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_the_settings_choose_the_resilient_backend_for_a_redis_url():
    environment = {**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/1",
                   "DJANGO_SETTINGS_MODULE": "kennislab.settings.dev"}  # fmt: skip
    code = "import django; django.setup(); from django.conf import settings; " + (
        "print(settings.CACHES['default']['BACKEND'])")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True,  # noqa: S603
                          text=True, check=True)  # fmt: skip
    assert done.stdout.strip() == BACKEND


def test_without_redis_pages_are_served_uncached_and_health_says_degraded(
    client, unreachable, caplog
):
    ensure_home()
    with caplog.at_level(logging.WARNING, logger="kennislab.cache"):
        for _ in range(3):
            response = client.get("/")
            assert response.status_code == 200
            assert "X-Page-Cache" not in response  # nothing from or into the page cache
        health = client.get("/health/")
    assert health.status_code == 200
    assert health.json()["checks"]["cache"]["status"] == "degraded"
    assert resilient.is_degraded()
    warnings = [r for r in caplog.records if r.name == "kennislab.cache"]
    assert len(warnings) == 1 and "niet bereikbaar" in warnings[0].getMessage()


def test_without_redis_limits_still_hold_per_process(unreachable):
    answers = [allow("test-resilience", "198.51.100.7", 3, 60)[0] for _ in range(5)]
    assert answers == [True, True, True, False, False]


def test_a_failing_operation_falls_back_and_redis_is_tried_again_later(redis, monkeypatch, caplog):
    cache.set("before", "in redis", 60)
    real_get = RedisCache.get
    failing = {"on": True}

    def get(self, *args, **kwargs):
        if failing["on"]:
            raise RedisConnectionError("connection refused")
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(RedisCache, "get", get)
    with caplog.at_level(logging.WARNING, logger="kennislab.cache"):
        assert cache.get("before") is None  # from the (empty) fallback, not an exception
        assert resilient.is_degraded()
        cache.set("during", "kept in this process", 60)  # not tried on Redis while degraded
        assert cache.get("during") == "kept in this process"
        failing["on"] = False
        monkeypatch.setattr(resilient, "RETRY_SECONDS", 0.0)
        resilient._state["down_until"] = 0.0  # the retry time has come
        assert cache.get("before") == "in redis"
    assert not resilient.is_degraded()
    messages = [r.getMessage() for r in caplog.records if r.name == "kennislab.cache"]
    assert len(messages) == 2 and "weer bereikbaar" in messages[1]


def test_when_redis_is_back_the_generation_moves_on(redis, monkeypatch):
    before = generation()
    real_incr = RedisCache.incr

    def incr(self, *args, **kwargs):
        raise RedisConnectionError("connection refused")

    monkeypatch.setattr(RedisCache, "incr", incr)
    from kennislab.core.pagecache import bump_generation

    bump_generation()  # a change during the outage: bumped in the fallback only
    assert resilient.is_degraded()
    monkeypatch.setattr(RedisCache, "incr", real_incr)
    resilient._state["down_until"] = 0.0
    assert generation() > before  # the first operation on Redis again bumped it there
    assert not resilient.is_degraded()
