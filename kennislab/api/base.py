"""The machinery shared by every endpoint of the public API: problem+json errors, throttling
that follows RATE_LIMITS_ENABLED, HTTP caching (ETag, conditional GET, Cache-Control), limit/
offset pagination, and the documentation page served from the site itself (no CDN)."""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import mimetypes
from pathlib import Path

import ninja
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from ninja import Field, NinjaAPI, Schema
from ninja.errors import Throttled, ValidationError
from ninja.openapi.docs import DocsBase
from ninja.pagination import LimitOffsetPagination
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from kennislab.core.client import client_address

from . import problems

# --- throttling -----------------------------------------------------------------------------


class ClientAddressMixin:
    """The throttle counts per the site's one client address (kennislab.core.client), which
    reads X-Forwarded-For only from TRUSTED_PROXIES, instead of ninja's own NUM_PROXIES rule;
    and it is off, like every other per-visitor limit, with RATE_LIMITS_ENABLED=false."""

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request) -> bool:
        if not getattr(settings, "RATE_LIMITS_ENABLED", True):
            return True
        return super().allow_request(request)


class AnonThrottle(ClientAddressMixin, AnonRateThrottle):
    pass


class AuthThrottle(ClientAddressMixin, AuthRateThrottle):
    pass


# --- pagination -----------------------------------------------------------------------------

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


class Pagination(LimitOffsetPagination):
    """django-ninja's limit/offset pagination (`{"count": int, "items": [...]}`), with a
    default of 20, at most 100 per request, and an offset a database can take."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Hoeveel resultaten (1–100).")
        offset: int = Field(
            0, ge=0, le=MAX_OFFSET, description="Hoeveel resultaten overslaan (vanaf 0)."
        )

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


# --- dates in query parameters -------------------------------------------------------------
# Declared as strings with a pattern and a format (pydantic would also read a number as a
# timestamp, which the OpenAPI formats do not allow), read by the view with these functions.

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)


def query_date(value: str | None, name: str) -> datetime.date | None:
    """A date parameter (already matching DATE_PATTERN); 422 when no such day exists."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        raise _invalid(name, "date_parsing") from None


def query_datetime(value: str | None, name: str) -> datetime.datetime | None:
    """A date-time parameter (already matching DATETIME_PATTERN)."""
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except ValueError:
        raise _invalid(name, "datetime_parsing") from None


def _invalid(name: str, kind: str) -> ValidationError:
    return ValidationError([{"loc": ("query", name), "type": kind, "msg": kind}])


# --- caching --------------------------------------------------------------------------------

DEFAULT_MAX_AGE = 60


def cache_for(seconds: int):
    """An operation's answers may be kept `seconds` (Cache-Control: public, max-age); the
    default is DEFAULT_MAX_AGE. Put it right above the view function."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            request.api_max_age = seconds
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


# --- schemas described by hand -------------------------------------------------------------

_EXTRA_SCHEMAS: dict[str, dict] = {}


def register_schema(model) -> dict:
    """Puts a ninja Schema into the OpenAPI components (for a request body a view reads
    itself) and returns the reference to it."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    _EXTRA_SCHEMAS.update(schema.pop("$defs", {}))
    _EXTRA_SCHEMAS[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


# --- documentation --------------------------------------------------------------------------

NINJA_STATIC = Path(ninja.__file__).parent / "static" / "ninja"
DOCS_ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.svg")


class LocalSwagger(DocsBase):
    """Swagger UI from the files django-ninja ships, served by the API itself at
    docs/assets/ (so nothing comes from a CDN and nothing needs collectstatic); the start-up
    script is our own file too, so the page runs under the site's strict CSP unchanged."""

    template = "api/docs.html"
    settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        "validatorUrl": None,
        "defaultModelsExpandDepth": 0,
        "tryItOutEnabled": False,
    }

    def render_page(self, request, api, **kwargs):
        context = {
            "api": api,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "asset_url": reverse(f"{api.urls_namespace}:docs-asset", args=["x"])[:-1],
            "swagger_settings": {**self.settings, "url": self.get_openapi_url(api, kwargs)},
        }
        response = render(request, self.template, context)
        patch_cache_control(response, public=True, max_age=300)
        return response


def docs_asset(request, name: str):
    if name == "docs-init.js":
        file = Path(__file__).parent / "static" / "api" / "docs-init.js"
    elif name in DOCS_ASSETS:
        file = NINJA_STATIC / name
    else:
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["ETag"] = f'"{ninja.__version__}-{file.stat().st_size}"'
    patch_cache_control(response, public=True, max_age=86400)
    return get_conditional_response(request, etag=response["ETag"], response=response)


# --- the API --------------------------------------------------------------------------------


class KennislabAPI(NinjaAPI):
    """NinjaAPI with the site's conventions: see the module docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._openapi_cache = {}

    def _get_urls(self):
        urls = super()._get_urls()
        urls.insert(0, path("docs/assets/<str:name>", docs_asset, name="docs-asset"))
        return urls

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if response.status_code >= 400 and isinstance(data, dict) and "title" in data:
            response["Content-Type"] = f"{problems.PROBLEM_CONTENT_TYPE}; charset=utf-8"
            return response
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            return conditional(request, response)
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The description, with the problem responses; built once per path prefix (it
        depends on the code only)."""
        key = (path_prefix, tuple(sorted((path_params or {}).items())))
        cached = self._openapi_cache.get(key)
        if cached is None:
            schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(_EXTRA_SCHEMAS)
            cached = self._openapi_cache[key] = problems.document_problems(schema)
        return copy.deepcopy(cached)


def conditional(request, response: HttpResponse) -> HttpResponse:
    """A strong ETag from the answer's bytes, Cache-Control from the operation (cache_for),
    and 304 Not Modified when If-None-Match names this version."""
    max_age = getattr(request, "api_max_age", DEFAULT_MAX_AGE)
    if "ETag" not in response:
        response["ETag"] = '"' + hashlib.blake2b(response.content, digest_size=12).hexdigest() + '"'
    if "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=max_age)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def install_error_handlers(api: NinjaAPI, validation_messages=None) -> None:
    """problem+json for every error the API answers itself."""

    def answer(request, status, detail, errors=None):
        body = problems.problem(status, detail, errors=errors, instance=request.path)
        return api.create_response(request, body, status=status)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        wait = int(exc.wait) + 1 if exc.wait else 60
        response = answer(
            request,
            429,
            f"Te veel verzoeken in korte tijd. Probeer het over {wait} seconden opnieuw.",
        )
        response["Retry-After"] = str(wait)
        return response

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = problems.validation_errors(exc.errors)
        return answer(request, 422, problems.summary(errors), errors)

    @api.exception_handler(RecursionError)
    def too_deep(request, exc):
        """JSON nested so deeply that it cannot be read (e.g. 100,000 nested lists)."""
        return answer(request, 400, "Ongeldige invoer: de JSON is te diep genest.")

    @api.exception_handler(Http404)
    def not_found(request, exc):
        message = str(exc) if exc.args else "Niet gevonden."
        return answer(request, 404, message)

    @api.exception_handler(TooManyFieldsSent)
    def too_many_fields(request, exc):
        return answer(request, 400, "Dit verzoek bevat te veel velden of parameters.")

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return answer(request, 400, "Wat je stuurde is te groot om te verwerken.")

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        return answer(request, 400, "Dit verzoek kunnen we niet verwerken.")
