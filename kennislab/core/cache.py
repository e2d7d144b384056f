"""The shared cache (Redis) that keeps the site up when Redis is gone (decision 0023).

`CACHE_URL=redis://…` selects `ResilientRedisCache`: Django's Redis backend, except that an
operation that cannot reach Redis (refused, timed out, connection lost) falls back to a small
cache in this process instead of failing the request. While Redis is unreachable:

* the site keeps serving, without the page cache and without the data kept per cache
  generation (`is_degraded()`: kennislab.core.pagecache and kennislab.core.memo step aside),
  since a copy in one process would miss the changes other app servers make;
* rate limits count per process (in the fallback), so they still hold, per server;
* the health check reports the cache as "degraded";
* the failure is logged once (a warning), and once more when Redis answers again; then the
  cache generation is bumped (pagecache registers it with on_reconnect), as changes made
  meanwhile bumped it only in the fallback.

Redis is tried again RETRY_SECONDS after a failure; in between no request waits for a
connection timeout. The fallback is per process and starts empty; what it held is not copied
back when Redis returns (keys written meanwhile, such as rate-limit windows, simply expire).
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("kennislab.cache")

RETRY_SECONDS = 5.0
# Defaults for the Redis connection pool: a dead or unreachable Redis costs a request at most
# this long once per RETRY_SECONDS (settings.CACHES OPTIONS override them).
CONNECTION_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}

_lock = threading.Lock()
_state = {"down_until": 0.0, "down": False}
_fallback = LocMemCache("kennislab-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 2000}})


_reconnected: list = []


def is_degraded() -> bool:
    """True while Redis is unreachable: from a failure until RETRY_SECONDS later (then the next
    operation tries Redis again) or until an operation succeeds."""
    return _state["down"] and time.monotonic() < _state["down_until"]


def on_reconnect(callback) -> None:
    """Call callback() when Redis answers again after a failure: whatever was written to the
    fallback meanwhile (such as a cache generation bumped by a change) never reached Redis."""
    _reconnected.append(callback)


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


def _went_down(error: BaseException) -> None:
    with _lock:
        _state["down_until"] = time.monotonic() + RETRY_SECONDS
        if not _state["down"]:
            _state["down"] = True
            logger.warning(
                "De cache (Redis) is niet bereikbaar (%s): de site draait door zonder "
                "paginacache, met limieten per proces.",
                type(error).__name__,
            )


def _came_back() -> None:
    with _lock:
        if not _state["down"]:
            return
        _state["down"] = False
    logger.warning("De cache (Redis) is weer bereikbaar.")
    for callback in _reconnected:
        callback()


def _guarded(name: str):
    def method(self, *args, **kwargs):
        if is_degraded():
            return getattr(_fallback, name)(*args, **kwargs)
        try:
            if _state["down"]:  # time to try again: is it back? (then catch up before answering)
                RedisCache.has_key(self, "kennislab:cache:probe")
                _came_back()
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except _redis_errors() as error:
            _went_down(error)
            return getattr(_fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or the per-process fallback while Redis is unreachable."
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**CONNECTION_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    # every operation RedisCache implements; the rest of BaseCache (get_or_set, decr, …) builds on
    # these
    add = _guarded("add")
    get = _guarded("get")
    set = _guarded("set")
    touch = _guarded("touch")
    delete = _guarded("delete")
    get_many = _guarded("get_many")
    has_key = _guarded("has_key")
    incr = _guarded("incr")
    set_many = _guarded("set_many")
    delete_many = _guarded("delete_many")
    clear = _guarded("clear")
