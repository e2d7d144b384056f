"""The public API, version 1, at /api/v1/ (OpenAPI description: /api/v1/openapi.json).

Each capability adds its router here. No interactive documentation page: it would load scripts
from a CDN, which the site never does; the OpenAPI description serves any API client.
"""

import html

from django.conf import settings
from django.http import Http404
from django.utils.html import strip_tags
from ninja import NinjaAPI, Query, Schema
from ninja.errors import Throttled, ValidationError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from kennislab.core.client import client_address
from kennislab.search import service
from kennislab.vignet.api import router as vignet_router
from kennislab.vouchers.api import router as vouchers_router


class ClientAddressMixin:
    """The throttle counts per the site's one client address (kennislab.core.client), which
    reads X-Forwarded-For only from TRUSTED_PROXIES, instead of ninja's own NUM_PROXIES rule."""

    def get_ident(self, request):
        return client_address(request)


class AnonThrottle(ClientAddressMixin, AnonRateThrottle):
    pass


class AuthThrottle(ClientAddressMixin, AuthRateThrottle):
    pass


api = NinjaAPI(
    title="Kennislab API",
    version="1",
    description=(
        "Openbare gegevens van het Kennislab: zoeken, de kennisvoucherregelingen en het Vignet "
        "Vitaal Bedrijf (criteria en register)."
    ),
    docs_url=None,
    urls_namespace="api-v1",
    throttle=[AnonThrottle(settings.API_RATE), AuthThrottle(settings.API_RATE)],
)


@api.exception_handler(Throttled)
def throttled(request, exc):
    wait = int(exc.wait) + 1 if exc.wait else 60
    response = api.create_response(
        request,
        {"detail": f"Te veel verzoeken in korte tijd. Probeer het over {wait} seconden opnieuw."},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    problems = []
    for error in exc.errors:
        field = ".".join(str(part) for part in error.get("loc", [])[1:]) or "invoer"
        problems.append(
            f"{field}: {VALIDATION_MESSAGES.get(error.get('type'), 'ongeldige waarde')}"
        )
    return api.create_response(
        request, {"detail": "Ongeldige invoer. " + "; ".join(problems)}, status=422
    )


@api.exception_handler(RecursionError)
def too_deep(request, exc):
    """JSON nested so deeply that it cannot be read (e.g. 100,000 nested lists)."""
    return api.create_response(
        request, {"detail": "Ongeldige invoer: de JSON is te diep genest."}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    message = str(exc) if exc.args else "Niet gevonden."
    return api.create_response(request, {"detail": message}, status=404)


VALIDATION_MESSAGES = {
    "int_parsing": "moet een geheel getal zijn",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "missing": "ontbreekt",
    "string_too_long": "is te lang",
}


class SearchResultOut(Schema):
    title: str
    url: str
    type: str
    snippet: str
    score: float


class SearchOut(Schema):
    count: int
    results: list[SearchResultOut]


class SearchParams(Schema):
    q: str = ""
    limit: int = Query(10, ge=1, le=50)


@api.get("/search", response=SearchOut, tags=["Zoeken"], summary="Zoeken in het Kennislab")
def search(request, params: Query[SearchParams]):
    """Dezelfde zoekopdracht als de zoekpagina, resultaten in volgorde van relevantie.
    `type` is de soort (bijvoorbeeld `news`, `practice_example`, `page`, `person`)."""
    found = service.search(params.q, limit=params.limit)
    return {
        "count": found.total,
        "results": [
            {
                "title": result.title,
                "url": result.url,
                "type": result.type,
                "snippet": html.unescape(strip_tags(result.snippet)),
                "score": result.score,
            }
            for result in found.results
        ],
    }


api.add_router("/kennisvouchers", vouchers_router)
api.add_router("/vignet", vignet_router)
