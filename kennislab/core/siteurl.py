"""The site's own address, for every absolute link the site writes down for later: links in
e-mails, `.ics` calendar files, embed codes and API answers (one source for every app).

* In production it is the configured `SITE_BASE_URL` (never the Host header a client sent).
* In development (`SITE_URL_FROM_REQUEST`, on in settings/dev.py) it is the address the current
  request came in on, so `PORT=8080 make run` mails links to port 8080; outside a request (a
  management command, a daily job) `SITE_BASE_URL`, which dev.py derives from `PORT`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_request_base: ContextVar[str | None] = ContextVar("kennislab_request_base", default=None)


def base_url() -> str:
    """The site's address without a trailing slash, e.g. "https://kennislab.example.nl"."""
    if getattr(settings, "SITE_URL_FROM_REQUEST", False):
        current = _request_base.get()
        if current:
            return current
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    """A site path ("/agenda/…") as a full URL on the site's own address."""
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + (path if path.startswith("/") else "/" + path)


def page_url(page) -> str:
    """A Wagtail page's full URL on the site's own address (not the Site record's host and
    port, which say "localhost:80" in a fresh install)."""
    parts = page.get_url_parts()
    if parts is None:
        return absolute("/")
    _site_id, _root_url, path = parts
    return absolute(path)


@contextmanager
def serving_at(base: str) -> Iterator[None]:
    """Write links as if the site were served at `base` (what the middleware does per request
    in development; also for tests)."""
    token = _request_base.set(base.rstrip("/"))
    try:
        yield
    finally:
        _request_base.reset(token)


class RequestBaseUrlMiddleware:
    """In development, remember the address this request came in on (scheme, host and port,
    validated against ALLOWED_HOSTS) for the links written while it is handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "SITE_URL_FROM_REQUEST", False):
            return self.get_response(request)
        with serving_at(request.build_absolute_uri("/")):
            return self.get_response(request)
