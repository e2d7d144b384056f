"""Security headers that Django 5.2 does not set by itself, CORS for reading the public API, and
a guard that answers malformed requests with a short Dutch 4xx instead of letting them reach
(and break) a view."""

from urllib.parse import unquote_to_bytes

from corsheaders.middleware import CorsMiddleware
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

READ_METHODS = ("GET", "HEAD", "OPTIONS")

# On pages reached by a private link: a Referer holds the origin only, never the token.
PRIVATE_REFERRER_POLICY = "strict-origin"


def is_private_link(request) -> bool:
    """Whether the URL carries a private token (a URL pattern with one of the
    PRIVATE_LINK_URL_KWARGS, e.g. /mijn-kennislab/<token>/)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except (Resolver404, ValueError):
            return False
    names = settings.PRIVATE_LINK_URL_KWARGS
    return any(name in match.kwargs for name in names)


class ContentSecurityPolicyMiddleware:
    """On every response, errors included: a strict Content-Security-Policy (the public site
    loads nothing from other hosts and uses no inline script or style, so 'self' only; the
    Wagtail admin has a policy of its own, CONTENT_SECURITY_POLICY_ADMIN), a strict
    Permissions-Policy, and `Referrer-Policy: strict-origin` on pages reached by a private link
    (the Referer then holds the site's address only, never the token; settings/base.py).
    (Django's SecurityMiddleware adds nosniff, the site-wide referrer policy, COOP and HSTS.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY
        self.admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", "")
        self.admin_prefixes = tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES", ()))
        self.permissions_policy = getattr(settings, "PERMISSIONS_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.admin_prefixes and request.path.startswith(self.admin_prefixes):
            policy = self.admin_policy
        else:
            policy = self.policy
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if is_private_link(request):
            response.headers["Referrer-Policy"] = PRIVATE_REFERRER_POLICY
        return response


class ReadOnlyCorsMiddleware(CorsMiddleware):
    """django-cors-headers, for reading only: CORS headers on GET and HEAD responses of the
    public API (CORS_URLS_REGEX) and on preflights that ask for GET or HEAD. A POST endpoint
    (the vignet assessment) gets no CORS permission, not even for a "simple" cross-site POST."""

    def is_enabled(self, request) -> bool:
        if request.method == "OPTIONS":
            wanted = request.headers.get("access-control-request-method", "GET").upper()
            if wanted not in READ_METHODS:
                return False
        elif request.method not in READ_METHODS:
            return False
        return super().is_enabled(request)


def bad_request_response(request, message: str, status: int = 400):
    """A short Dutch answer to a malformed request: problem+json (RFC 9457) under /api/, else
    the 400 page."""
    from kennislab.core.views import bad_request_page

    if request.path.startswith("/api/"):
        from kennislab.api.problems import problem_response

        return problem_response(request, status, message)
    return bad_request_page(request, message, status=status)


def query_string_is_utf8(query_string: str) -> bool:
    """Whether a raw QUERY_STRING (WSGI: the bytes as latin-1) percent-decodes to UTF-8."""
    try:
        raw = query_string.encode("latin-1")
    except UnicodeEncodeError:
        raw = query_string.encode("utf-8", "surrogateescape")
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


JSON_TYPES = ("application/json",)


def has_body(request) -> bool:
    """Whether the request carries a body (a DELETE or TRACE without one is the API's to
    refuse with 405, not a wrong content type)."""
    length = request.META.get("CONTENT_LENGTH") or ""
    return length.strip() not in ("", "0") or "HTTP_TRANSFER_ENCODING" in request.META


class MalformedRequestMiddleware:
    """Refuses, before any view runs: a query string that is not UTF-8 (400), and a body for
    the API in anything but JSON (415). Too many fields, too large bodies and other suspicious
    input reach Django's 400 handler (core.views.bad_request), also Dutch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not query_string_is_utf8(request.META.get("QUERY_STRING", "")):
            return bad_request_response(
                request,
                _(
                    "Het adres bevat tekens die we niet kunnen lezen. Controleer de link of "
                    "typ je zoekvraag opnieuw."
                ),
            )
        if (
            request.path.startswith("/api/")
            and request.method not in READ_METHODS
            and has_body(request)
            and request.content_type not in JSON_TYPES
            and not request.content_type.endswith("+json")
        ):
            return bad_request_response(
                request,
                _("Stuur de gegevens als JSON, met de kop Content-Type: application/json."),
                status=415,
            )
        return self.get_response(request)
