"""Rate limits for public endpoints: a fixed window per client address, kept in the cache.

With the default per-process cache every app process counts for itself; with Redis
(CACHE_URL) the limit holds across all app servers. Who the client is decides
kennislab.core.client.client_address (X-Forwarded-For only from TRUSTED_PROXIES).
"""

from __future__ import annotations

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kennislab.core.client import client_address

__all__ = ["allow", "client_address", "rate_limited"]


def allow(scope: str, key: str, limit: int, window: int) -> tuple[bool, int]:
    """Count one request; (allowed, seconds until the window ends)."""
    now = time.time()
    bucket = int(now // window)
    cache_key = f"ratelimit:{scope}:{key}:{bucket}"
    cache.add(cache_key, 0, window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, window + 1)
        count = 1
    return count <= limit, int(window - now % window) + 1


def rate_limited(scope: str, *, limit: int, window: int = 60, json: bool = False, methods=None):
    """Decorator: at most `limit` requests per `window` seconds per client address; beyond that
    a 429 with a Dutch explanation (HTML, or JSON for json=True). `methods` (e.g. ["POST"])
    limits only those methods: reading a form is free, sending it is counted."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            counted = methods is None or request.method in methods
            if counted and getattr(settings, "RATE_LIMITS_ENABLED", True):
                allowed, retry = allow(scope, client_address(request), limit, window)
                if not allowed:
                    message = _(
                        "Je hebt in korte tijd heel veel verzoeken gedaan. Wacht %(seconds)s "
                        "seconden en probeer het dan opnieuw."
                    ) % {"seconds": retry}
                    if json:
                        response = JsonResponse({"detail": message}, status=429)
                    else:
                        response = render(request, "429.html", {"message": message}, status=429)
                    response["Retry-After"] = str(retry)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
