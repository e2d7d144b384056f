"""Errors of the public API as RFC 9457 problem details (`application/problem+json`).

Every error the API answers itself has one shape:

    {"type": "about:blank", "title": "Ongeldige invoer", "status": 422,
     "detail": "Ongeldige invoer. limit: moet een geheel getal zijn",
     "instance": "/api/v1/items",
     "errors": [{"loc": ["query", "limit"], "field": "limit",
                 "message": "moet een geheel getal zijn", "type": "int_parsing"}]}

`type` is "about:blank" (RFC 9457 §4.2.1): the status code says what kind of problem it is, and
`title` is its status phrase in Dutch. `detail` is a Dutch sentence for people, `errors` the same
per field for programs. This module imports nothing but Django and ninja, so the site's
middleware may use `problem_response` for its own answers under /api/ as well.
"""

from __future__ import annotations

import json
import re

from django.http import HttpResponse
from ninja import Schema

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldig verzoek",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    413: "Verzoek te groot",
    415: "Niet-ondersteund mediatype",
    422: "Ongeldige invoer",
    429: "Te veel verzoeken",
}


class ProblemError(Schema):
    loc: list[str | int]
    field: str
    message: str
    type: str


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemError] = []


def problem(
    status: int, detail: str, *, errors: list[dict] | None = None, instance: str | None = None
) -> dict:
    data = {
        "type": "about:blank",
        "title": TITLES.get(status, "Fout"),
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    if instance:
        data["instance"] = instance
    return data


def problem_response(request, status: int, detail: str, *, errors=None) -> HttpResponse:
    """A problem+json answer; usable outside ninja (middleware, handler400)."""
    body = problem(status, detail, errors=errors, instance=request.path if request else None)
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=f"{PROBLEM_CONTENT_TYPE}; charset=utf-8",
    )


# --- validation errors ----------------------------------------------------------------------

MESSAGES = {
    "missing": "ontbreekt",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_parsing": "moet true of false zijn",
    "date_parsing": "moet een datum zijn als JJJJ-MM-DD",
    "date_from_datetime_parsing": "moet een datum zijn als JJJJ-MM-DD",
    "date_from_datetime_inexact": "moet een datum zijn als JJJJ-MM-DD",
    "datetime_parsing": "moet een datum en tijd zijn, bijvoorbeeld 2026-01-31T09:00:00+01:00",
    "datetime_from_date_parsing": (
        "moet een datum en tijd zijn, bijvoorbeeld 2026-01-31T09:00:00+01:00"
    ),
    "greater_than_equal": "is te klein",
    "greater_than": "is te klein",
    "less_than_equal": "is te groot",
    "less_than": "is te groot",
    "string_too_long": "is te lang",
    "string_too_short": "is te kort",
    "string_pattern_mismatch": "heeft niet de juiste vorm",
    "enum": "is geen van de toegestane waarden",
    "literal_error": "is geen van de toegestane waarden",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "json_invalid": "is geen geldige JSON",
}


def field_name(loc) -> str:
    """("query", "limit") -> "limit"; ("body", "payload", "activities", 0, "theme") ->
    "activities[0].theme"."""
    parts = list(loc)[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "invoer"


def validation_errors(errors) -> list[dict]:
    """ninja/pydantic validation errors as problem `errors`."""
    found = []
    for error in errors:
        loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", [])]
        kind = error.get("type", "value_error")
        message = MESSAGES.get(kind, "ongeldige waarde")
        expected = (error.get("ctx") or {}).get("expected")
        if kind in ("enum", "literal_error") and expected:
            message = f"{message}; kies uit {expected}"
        found.append({"loc": loc, "field": field_name(loc), "message": message, "type": kind})
    return found


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_errors(problems: list[tuple[str, str]], *, location: str = "body") -> list[dict]:
    """(field path, Dutch message) pairs, as the vignet's criteria engine reports them, as
    problem `errors`: "activities[0].theme" -> loc ["body", "activities", 0, "theme"]."""
    found = []
    for field, message in problems:
        loc: list[str | int] = [location]
        for name, index in _PATH_PART.findall(field):
            loc.append(int(index) if index else name)
        found.append({"loc": loc, "field": field, "message": message, "type": "value_error"})
    return found


def summary(errors: list[dict]) -> str:
    """The Dutch `detail` for validation errors: "Ongeldige invoer. limit: is te groot; …"."""
    return "Ongeldige invoer. " + "; ".join(f"{e['field']}: {e['message']}" for e in errors)


# --- OpenAPI --------------------------------------------------------------------------------

ERROR_DESCRIPTIONS = {
    400: "Ongeldig verzoek (bijvoorbeeld te veel parameters, of JSON die te diep genest is).",
    404: "Niet gevonden, niet gepubliceerd of niet openbaar.",
    413: "De inhoud van het verzoek is te groot.",
    415: "De inhoud is geen JSON (Content-Type: application/json).",
    422: "Ongeldige invoer: `errors` noemt elk veld met een Nederlandse uitleg.",
    429: "Te veel verzoeken; `Retry-After` zegt na hoeveel seconden het weer kan.",
}
CACHE_HEADERS = {
    "ETag": {
        "description": "Versie van dit antwoord; stuur hem terug in If-None-Match.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "Hoe lang het antwoord bewaard mag worden.",
        "schema": {"type": "string"},
    },
}


def document_problems(schema: dict) -> dict:
    """Adds the problem responses to every operation of an OpenAPI description (in place):
    400, 422 and 429 everywhere, 404 where the path has a parameter, 413 and 415 where there
    is a request body; 304 and the cache headers on GETs. Error responses are
    `application/problem+json` with the `Problem` schema."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(_component_schemas())
    ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = {str(code): value for code, value in operation.get("responses", {}).items()}
            operation["responses"] = responses
            statuses = [400, 422, 429]
            if "{" in path:
                statuses.append(404)
            if "requestBody" in operation:
                statuses += [413, 415]
            for status in statuses:
                responses.setdefault(str(status), {"description": ERROR_DESCRIPTIONS[status]})
            for status, response in responses.items():
                if int(status) >= 400:
                    response["content"] = {PROBLEM_CONTENT_TYPE: {"schema": ref}}
                    response.setdefault("description", ERROR_DESCRIPTIONS.get(int(status), ""))
            responses["429"]["headers"] = {
                "Retry-After": {"description": "Seconden wachten.", "schema": {"type": "string"}}
            }
            if method == "get":
                responses.setdefault(
                    "304", {"description": "Niet gewijzigd sinds de versie in If-None-Match."}
                )
                if "200" in responses:
                    responses["200"].setdefault("headers", {}).update(CACHE_HEADERS)
    return schema


def _component_schemas() -> dict:
    """Problem and ProblemError as JSON schemas, with references between them fixed up."""
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions = problem_schema.pop("$defs", {})
    return {"Problem": problem_schema, **definitions}
