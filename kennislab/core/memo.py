"""Data every public page reads, kept per cache generation (decision 0022).

The anonymous page cache (kennislab.core.pagecache) serves whole pages, but every publish empties
it, and editors, signed-in staff, form pages and search never get it. What those requests read
again and again — the route from a URL to its page, the view restrictions, the menus, the theme
links, the site settings, the breadcrumbs, the filter counts, "Lees ook" — does not change
between two edits. `memo()` keeps such data in the cache under the page cache's generation
number, so one committed change anywhere makes every entry stale at once (a shared cache: for all
app servers; the per-process default cache: other processes after at most DATA_CACHE_SECONDS,
the same bound as the page cache). While a shared cache is unreachable (kennislab.core.cache)
nothing is kept: every request reads afresh.

Only plain data is kept (ids, paths, titles, URLs, counts): never a response, never anything that
differs per visitor or per minute (places left, whether a form is open).

The generation is bumped after commit (pagecache.content_changed) and, inside a transaction, also
at once: a request in the same transaction (a test, a management command that
renders) then sees its own change, and the bump after commit covers whatever another process
cached in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from . import pagecache
from .cache import is_degraded

_MISSING = object()


def _key(name: str, parts: tuple) -> str:
    return ":".join(["memo", str(pagecache.generation()), name, *map(str, parts)])


def memo(name: str, compute: Callable[[], Any], *parts: object) -> Any:
    """compute(), kept under (generation, name, parts) for DATA_CACHE_SECONDS (0: not kept)."""
    seconds = settings.DATA_CACHE_SECONDS
    if seconds <= 0 or is_degraded():
        return compute()
    key = _key(name, parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, seconds)
    return value


def recall(name: str, *parts: object) -> Any:
    """What remember() kept under (generation, name, parts), or None."""
    if settings.DATA_CACHE_SECONDS <= 0 or is_degraded():
        return None
    return cache.get(_key(name, parts))


def remember(name: str, value: Any, *parts: object) -> None:
    if settings.DATA_CACHE_SECONDS > 0 and not is_degraded():
        cache.set(_key(name, parts), value, settings.DATA_CACHE_SECONDS)


def per_request(request, name: str, compute: Callable[[], Any]) -> Any:
    """compute() once per request (kept on the request object), e.g. around memo()."""
    if request is None:
        return compute()
    store = request.__dict__.setdefault("_kennislab_memo", {})
    if name not in store:
        store[name] = compute()
    return store[name]
