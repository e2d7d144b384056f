"""Contract tests: schemathesis generates requests for every operation of /api/v1/openapi.json
(valid and invalid ones) and runs its default checks on each answer: no 5xx, every status code
documented, the documented content type, the body valid against the documented schema, invalid
input refused, valid input accepted, unsupported methods answered with 405.

Deterministic (derandomize), bounded (25 examples per operation and phase), on the test
database with a few items, events, an activity, a voucher scheme and a vignet holder; the rate
limits are off, as in any test that makes many requests from one address."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import CheckContext
from schemathesis.specs.openapi.checks import positive_data_acceptance, unsupported_method

from kennislab.api.v1 import api

from .conftest import build_api_data

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = get_wsgi_application()

CROSS_FIELD = ("meer dan", "vóór de begindatum")  # rules the JSON schema cannot express


def cross_field_refusals_only(ctx: CheckContext, response, case) -> None:
    """The vignet assessment may refuse schema-valid input only for rules between fields
    (participants above the target group, an end before the start), and then says so."""
    meta = case.meta
    if response.status_code != 422 or meta is None or not meta.generation.mode.is_positive:
        return
    errors = response.json()["errors"]
    assert errors, "422 without errors[]"
    others = [e for e in errors if not any(text in e["message"] for text in CROSS_FIELD)]
    assert not others, f"schema-valid input refused: {others}"


ASSESSMENT = "/api/v1/vignet/beoordeling"


@pytest.fixture
def keep_connection():
    """schemathesis calls the WSGI application directly; like Django's test client, keep the
    test's database connection (and its transaction) open across requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_contract(case, db, settings, keep_connection):
    settings.RATE_LIMITS_ENABLED = False
    _data_once()
    excluded = [] if _bodyless_requests_reach_the_api() else [unsupported_method]
    if case.operation.path == ASSESSMENT:
        case.call_and_validate(
            excluded_checks=[*excluded, positive_data_acceptance],
            additional_checks=[cross_field_refusals_only],
        )
    else:
        case.call_and_validate(excluded_checks=excluded)


def _bodyless_requests_reach_the_api() -> bool:
    """Whether a TRACE or DELETE without a body reaches the API (which answers 405 with
    `Allow`). core.middleware.MalformedRequestMiddleware still answers every non-reading
    request under /api/ without a JSON content type with 415, body or not; until it looks
    at bodies only, schemathesis's unsupported-method check cannot pass and is left out."""
    from django.http import HttpResponseNotAllowed
    from django.test import RequestFactory

    from kennislab.core.middleware import MalformedRequestMiddleware

    guard = MalformedRequestMiddleware(lambda request: HttpResponseNotAllowed(["GET"]))
    return guard(RequestFactory().generic("TRACE", "/api/v1/items")).status_code == 405


def _data_once() -> None:
    """The test data, once per operation: its examples share one test and its transaction."""
    from kennislab.content.models import Theme

    if not Theme.objects.filter(slug="groen-test").exists():
        build_api_data()
