"""Remember which Wagtail site answers a host, instead of asking the database on every request.

Wagtail looks the site up for each request (`Site.find_for_request`: a query with a CASE
ordering, 2–4 ms on the reference machine, about a tenth of a busy form page). Sites almost
never change, so SiteCacheMiddleware keeps the answer per host and port in the cache and hands
it to Wagtail through the attribute Wagtail itself caches it in (`request._wagtail_site`).
Saving or deleting a site forgets every remembered answer at once (a version number in the key;
with a shared cache such as Redis on every app server, with the per-process default cache in
the process that saved it, the others within SITE_CACHE_SECONDS).

Only hosts that pass ALLOWED_HOSTS are remembered, so made-up Host headers cannot fill the cache.
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

SITE_CACHE_SECONDS = 60
VERSION_KEY = "core:site:version"
NO_SITE = "-"  # remembered "no site answers this host" (None means "not remembered")


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def forget_sites(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"core-sites-{signal}")


def site_for_request(request) -> Site | None:
    try:
        request.get_host()  # ALLOWED_HOSTS
    except DisallowedHost:
        return Site.find_for_request(request)  # Django refuses the request further on
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"core:site:{_version()}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request) or NO_SITE
        cache.set(key, site, SITE_CACHE_SECONDS)
    return None if site == NO_SITE else site


class SiteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)
