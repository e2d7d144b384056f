"""The public API, version 1, at /api/v1/ (OpenAPI description: /api/v1/openapi.json, its
documentation page: /api/v1/docs, served from the site itself).

Each capability adds its router here. The shared conventions (problem+json errors, caching,
pagination, throttling, the documentation page) live in kennislab/api/base.py.
"""

import html

from django.conf import settings
from django.utils.html import strip_tags
from ninja import Query, Schema

from kennislab.campaigns.api import router as events_router
from kennislab.content.api import router as items_router
from kennislab.search import service
from kennislab.vignet.api import router as vignet_router
from kennislab.vouchers.api import router as vouchers_router

from .base import (
    AnonThrottle,
    AuthThrottle,
    ClientAddressMixin,
    KennislabAPI,
    LocalSwagger,
    install_error_handlers,
)
from .problems import MESSAGES as VALIDATION_MESSAGES

__all__ = ["VALIDATION_MESSAGES", "ClientAddressMixin", "api"]

DESCRIPTION = """\
Openbare gegevens van het Kennislab: de items van de kennisbank, de agenda, zoeken, de
kennisvoucherregelingen en het Vignet Vitaal Bedrijf (criteria en register).

* **Lijsten** (`/items`, `/events`) met `limit` (1–100, standaard 20) en `offset` geven
  `{"count": …, "items": […]}`; `count` telt alle resultaten die aan de filters voldoen.
  (`/search` geeft zoals altijd `{"count": …, "results": […]}`.)
* **Fouten** zijn `application/problem+json` (RFC 9457): `type`, `title`, `status`, een
  Nederlandse `detail`, `instance` en per veld `errors` (`loc`, `field`, `message`, `type`).
* **Caching**: elk GET-antwoord heeft een `ETag`; stuur hem terug in `If-None-Match` en krijg
  `304 Not Modified` zolang er niets veranderde. `Cache-Control: public, max-age=60`
  (kennisvouchers: 10 seconden, hun cijfers veranderen met elke aanvraag).
* **Bedragen** zijn euro's als decimale tekst met twee decimalen (`"18000.00"`), nooit
  kommagetallen.
* **Lezen vanaf andere sites** (CORS) mag voor GET; de POST van de vignettoets niet.
* **Limiet**: per IP-adres een aantal verzoeken per minuut; daarboven 429 met `Retry-After`.
"""

api = KennislabAPI(
    title="Kennislab API",
    version="1",
    description=DESCRIPTION,
    docs=LocalSwagger(),
    docs_url="/docs",
    urls_namespace="api-v1",
    throttle=[AnonThrottle(settings.API_RATE), AuthThrottle(settings.API_RATE)],
)
install_error_handlers(api)


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
    found = service.search(params.q.replace("\x00", ""), limit=params.limit)
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


api.add_router("", items_router)
api.add_router("", events_router)
api.add_router("/kennisvouchers", vouchers_router)
api.add_router("/vignet", vignet_router)
