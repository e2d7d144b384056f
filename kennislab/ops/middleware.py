"""Request middleware of the operator's view.

RequestLogMiddleware (first in MIDDLEWARE): one log line per request with method, the path with
private-link tokens masked (never the query string), status, duration and user id.

DatabaseUnavailableMiddleware: when the database cannot be reached during a request, a Dutch
503 page with Retry-After instead of a 500 (and never a traceback); the log gets one warning.
The 500 handler does the same for a database error raised outside a view
(kennislab.core.views.server_error).
"""

from __future__ import annotations

import logging
import time

from django.db import InterfaceError, OperationalError

from . import logging as ops_logging

logger = logging.getLogger("kennislab.ops")

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def unavailable_response(request=None):
    """The 503 page: a plain template, no database, no context processors."""
    from django.http import HttpResponse
    from django.template import loader

    body = loader.get_template("503.html").render({})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        try:
            ops_logging.log_request(request, response, started)
        except Exception:  # a log line never breaks a response
            logger.debug("request log failed", exc_info=True)
        return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning(
                "database unreachable: %s %s (%s)",
                request.method,
                ops_logging.mask_path(request.path),
                type(exception).__name__,
            )
            return unavailable_response(request)
        return None


class HealthCheckMiddleware:
    """Answers GET /health/ before any other middleware: sessions, the site lookup and the
    sign-in protections all need the database, and the health check must answer when the
    database is gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/health/":
            from .health import health_view

            return with_security_headers(health_view(request))
        return self.get_response(request)


def with_security_headers(response):
    """The headers the security middleware would have added to an answer it never sees (the
    health check answers before it): JSON only, nothing to frame, run or sniff."""
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Frame-Options"] = "DENY"
    response["Referrer-Policy"] = "same-origin"
    response["Cross-Origin-Opener-Policy"] = "same-origin"
    return response


class RequestBodyLimitMiddleware:
    """Refuses a request whose declared body is larger than REQUEST_BODY_MAX_MB (the largest
    form: ten evidence files of 10 MB) with a Dutch 413, before anything reads it. nginx in
    front has the same cap (client_max_body_size in deploy/nginx-kennislab.conf)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        limit = getattr(settings, "REQUEST_BODY_MAX_MB", 105) * 1024 * 1024
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return too_large_response(limit, request)
        return self.get_response(request)


def too_large_response(limit: int, request=None):
    from django.http import HttpResponse
    from django.utils.html import escape
    from django.utils.translation import gettext as _

    message = _(
        "Wat je probeerde te versturen is groter dan %(mb)s MB. Verstuur minder of kleinere "
        "bestanden tegelijk."
    ) % {"mb": limit // (1024 * 1024)}
    if request is not None and request.path.startswith("/api/"):
        from kennislab.api.problems import problem_response

        response = problem_response(request, 413, message)
        response["Connection"] = "close"
        return response
    title = escape(_("Te groot om te versturen"))
    text = escape(message)
    body = (
        f'<!doctype html><html lang="nl"><title>{title}</title><h1>{title}</h1><p>{text}</p></html>'
    )
    response = HttpResponse(body, status=413)
    response["Connection"] = "close"
    return response
