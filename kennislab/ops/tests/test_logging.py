"""Structured logs: private-link tokens masked in every path (found from the URL configuration),
one JSON line per request and per task, the gunicorn access log masked as well."""

import json
import logging
import sys
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import get_resolver

from kennislab.ops import logging as ops_logging
from kennislab.ops.logging import JsonFormatter, MaskTokensFilter, mask_path, mask_text

TOKEN = "Zq3xT0k3n-Secret_value"


@pytest.mark.parametrize(
    ("path", "masked"),
    [
        (f"/mijn-kennislab/{TOKEN}/", "/mijn-kennislab/***/"),
        (f"/mijn-kennislab/{TOKEN}/verwijderen/", "/mijn-kennislab/***/verwijderen/"),
        (f"/mijn-kennislab/{TOKEN}/openen/vouchers/12/", "/mijn-kennislab/***/openen/vouchers/12/"),
        (f"/vignet/aanvraag/{TOKEN}/stap/2/", "/vignet/aanvraag/***/stap/2/"),
        (f"/nieuwsbrief/afmelden/{TOKEN}/", "/nieuwsbrief/afmelden/***/"),
        (f"/kennisvouchers/aanvraag/{TOKEN}/", "/kennisvouchers/aanvraag/***/"),
        (f"/zoeken/?q={TOKEN}", "/zoeken/"),
        ("/kennislab/bewegen-op-het-werk/", "/kennislab/bewegen-op-het-werk/"),
    ],
)
def test_secret_segments_are_masked(path, masked):
    assert mask_path(path) == masked


def secret_parameters(patterns, found=None):
    found = [] if found is None else found
    for entry in patterns:
        if hasattr(entry, "url_patterns"):
            secret_parameters(entry.url_patterns, found)
        elif ops_logging.SECRET_PARAMETERS & set(entry.pattern.regex.groupindex):
            found.append(entry)
    return found


def test_every_route_with_a_secret_parameter_is_masked():
    """Guards the mechanism: each such route in the URL configuration gets masked."""
    routes = secret_parameters(get_resolver().url_patterns)
    assert len(routes) >= 15
    assert len(ops_logging.secret_routes()) == len(routes)


def test_paths_in_free_text_are_masked():
    text = f'Not Found: /mijn-kennislab/{TOKEN}/ "GET /nieuwsbrief/afmelden/{TOKEN}/?x=1 HTTP/1.1"'
    masked = mask_text(text)
    assert TOKEN not in masked
    assert "/mijn-kennislab/***/" in masked and "/nieuwsbrief/afmelden/***/" in masked


def record(message, *args, **extra):
    entry = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_the_filter_masks_django_request_warnings():
    entry = record("%s: %s", "Not Found", f"/mijn-kennislab/{TOKEN}/", status_code=404)
    MaskTokensFilter().filter(entry)
    assert entry.getMessage() == "Not Found: /mijn-kennislab/***/"


def test_a_json_line_has_the_fields():
    entry = record("hello %s", "world", path="/x/", status=200, duration_ms=1.5)
    try:
        raise ValueError("boom")
    except ValueError:
        entry.exc_info = sys.exc_info()
    line = JsonFormatter().format(entry)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "hello world"
    assert data["level"] == "WARNING" and data["logger"] == "django.request"
    assert data["path"] == "/x/" and data["status"] == 200 and data["duration_ms"] == 1.5
    assert "ValueError: boom" in data["exception"]
    assert data["time"].endswith("+00:00")


@pytest.mark.django_db
def test_one_line_per_request_with_the_token_masked(caplog):
    with caplog.at_level(logging.INFO, logger="kennislab.request"):
        Client().get(f"/mijn-kennislab/{TOKEN}/?geheim=ja")
    (line,) = [r for r in caplog.records if r.name == "kennislab.request"]
    assert line.method == "GET"
    assert line.path == "/mijn-kennislab/***/"
    assert line.status in (200, 404)
    assert line.duration_ms >= 0
    assert line.user_id == "-"
    data = json.loads(JsonFormatter().format(line))
    assert TOKEN not in json.dumps(data) and "geheim" not in json.dumps(data)
    assert data["status"] == line.status


@pytest.mark.django_db
def test_one_line_per_task(caplog):
    from kennislab.core.daily import run_daily_jobs_task

    with caplog.at_level(logging.INFO, logger="kennislab.task"):
        run_daily_jobs_task.enqueue()
    (line,) = [r for r in caplog.records if r.name == "kennislab.task"]
    assert line.task == "kennislab.core.daily.run_daily_jobs_task"
    assert line.outcome == "successful"
    assert line.duration_ms is not None and line.duration_ms >= 0


def test_the_gunicorn_access_log_masks_tokens():
    from gunicorn.config import Config

    from kennislab.ops.gunicorn import MaskedLogger

    logger = MaskedLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/mijn-kennislab/{TOKEN}/?a=b",
        "PATH_INFO": f"/mijn-kennislab/{TOKEN}/",
        "QUERY_STRING": "a=b",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://kennislab.example/mijn-kennislab/{TOKEN}/",
        "REMOTE_ADDR": "127.0.0.1",
    }
    request = SimpleNamespace(
        headers=[], method="GET", path=environ["PATH_INFO"], query="a=b", uri=environ["RAW_URI"],
        version=(1, 1),
    )  # fmt: skip
    response = SimpleNamespace(status="200 OK", response_length=10, sent=10, headers=[])
    from datetime import timedelta

    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=5))
    text = logger.cfg.access_log_format % atoms
    assert TOKEN not in text and TOKEN not in json.dumps({k: str(v) for k, v in atoms.items()})
    assert "/mijn-kennislab/***/" in text
