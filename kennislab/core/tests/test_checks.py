"""System checks: production refuses to start without its address; check --deploy is clean."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from kennislab.core.checks import shared_cache_check, site_base_url_check

ROOT = Path(__file__).resolve().parents[3]


def ids(errors):
    return [error.id for error in errors]


@override_settings(SITE_BASE_URL_REQUIRED=True, SITE_BASE_URL="", HTTPS=False)
def test_production_without_site_base_url_is_an_error():
    errors = site_base_url_check()
    assert ids(errors) == ["core.E002"]
    assert errors[0].is_serious()
    assert "SITE_BASE_URL ontbreekt" in errors[0].msg


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000", "https://localhost", "http://kennislab.example.nl"]
)
def test_with_https_the_address_must_be_public_https(url):
    with override_settings(SITE_BASE_URL_REQUIRED=True, SITE_BASE_URL=url, HTTPS=True):
        assert ids(site_base_url_check()) == ["core.E004"]


@pytest.mark.parametrize("url", ["kennislab.example.nl", "ftp://kennislab.example.nl", "https://"])
def test_a_malformed_address_is_an_error(url):
    with override_settings(SITE_BASE_URL_REQUIRED=True, SITE_BASE_URL=url, HTTPS=True):
        assert ids(site_base_url_check()) == ["core.E003"]


def test_good_addresses_and_development_pass():
    with override_settings(
        SITE_BASE_URL_REQUIRED=True, SITE_BASE_URL="https://kennislab.example.nl", HTTPS=True
    ):
        assert site_base_url_check() == []
    with override_settings(
        SITE_BASE_URL_REQUIRED=True, SITE_BASE_URL="http://127.0.0.1:8000", HTTPS=False
    ):
        assert site_base_url_check() == []  # `make serve` on a laptop
    with override_settings(SITE_BASE_URL_REQUIRED=False, SITE_BASE_URL=""):
        assert site_base_url_check() == []  # development and tests


def test_a_per_process_cache_is_a_deploy_warning():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        assert ids(shared_cache_check()) == ["core.W001"]
    redis = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    with override_settings(CACHES=redis):
        assert shared_cache_check() == []


def production(command, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SITE_BASE_URL", "TRUSTED_PROXIES", "DEBUG", "SECRET_KEY")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kennislab.settings.production",
        HTTPS="true",
        ALLOWED_HOSTS="kennislab.example",
        SECRET_KEY=secrets.token_urlsafe(50),
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    env.update(environment)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_reports_nothing():
    result = production(
        ["manage.py", "check", "--deploy"], SITE_BASE_URL="https://kennislab.example"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_refuses_to_start_without_site_base_url():
    # `make serve` runs migrate first: a normal check (not only --deploy) stops it
    result = production(["manage.py", "migrate", "--plan"])
    assert result.returncode != 0
    assert "core.E002" in result.stderr and "SITE_BASE_URL ontbreekt" in result.stderr
    insecure = production(["manage.py", "check"], SITE_BASE_URL="http://127.0.0.1:8000")
    assert insecure.returncode != 0 and "core.E004" in insecure.stderr


def test_production_cookies_behind_https():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', "
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE', "
        "'LANGUAGE_COOKIE_SECURE', 'LANGUAGE_COOKIE_HTTPONLY', 'LANGUAGE_COOKIE_SAMESITE', "
        "'SECURE_SSL_REDIRECT', 'SECURE_CROSS_ORIGIN_OPENER_POLICY', 'SECURE_REFERRER_POLICY')}))"
    )
    result = production(["-c", script], SITE_BASE_URL="https://kennislab.example")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "SECURE_REFERRER_POLICY": "same-origin",
    }
