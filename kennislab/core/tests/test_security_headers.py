"""Headers everywhere: CSP (public and admin), COOP, Permissions-Policy, Referrer-Policy
(strict-origin on private links: the token never in a Referer), CORS for reading the API only, on pages, the admin, the API
and error pages."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from kennislab.content.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://elders.example"


def assert_common_headers(response):
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert response["X-Content-Type-Options"] == "nosniff"


def test_public_page(client):
    ArticlePageFactory()
    response = client.get("/kennislab/")
    assert response.status_code == 200
    assert_common_headers(response)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in client.get("/kennislab/", HTTP_ORIGIN=ORIGIN)


def test_admin_pages_get_their_own_policy(client):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x" * 16)
    client.force_login(admin)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    for response in (login, dashboard):
        assert_common_headers(response)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self';" in csp  # no inline script, no other host
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert "http" not in csp  # no third-party host
        assert "img-src 'self' data:" in csp
        assert response["Referrer-Policy"] == "same-origin"


def test_api_response_and_cors_for_reading_only(client):
    response = client.get("/api/v1/kennisvouchers", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert_common_headers(response)
    assert response["Content-Security-Policy"].startswith("default-src 'self'")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response

    preflight = client.options(
        "/api/v1/kennisvouchers", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_api_post_endpoints_get_no_cors_permission(client):
    preflight = client.options(
        "/api/v1/vignet/beoordeling",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert "Access-Control-Allow-Origin" not in preflight
    assert "Access-Control-Allow-Methods" not in preflight
    post = client.post(
        "/api/v1/vignet/beoordeling", "{}", content_type="application/json", HTTP_ORIGIN=ORIGIN
    )
    assert post.status_code == 422  # answered, but a browser elsewhere may not read it
    assert "Access-Control-Allow-Origin" not in post


def test_error_pages(client):
    not_found = client.get("/bestaat-niet/")
    assert not_found.status_code == 404
    assert_common_headers(not_found)
    assert "default-src 'self'" in not_found["Content-Security-Policy"]
    assert not_found["Referrer-Policy"] == "same-origin"
    api_not_found = client.get("/api/v1/kennisvouchers/bestaat-niet", HTTP_ORIGIN=ORIGIN)
    assert api_not_found.status_code == 404
    assert_common_headers(api_not_found)


def test_server_error_page_has_the_headers(client, monkeypatch):
    from kennislab.api import v1

    def broken(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(v1.service, "search", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/search", {"q": "x"})
    assert response.status_code == 500
    assert_common_headers(response)
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize(
    "path",
    [
        "/mijn-kennislab/onbekende-sleutel/",
        "/kennisvouchers/aanvraag/onbekende-sleutel/",
        "/vignet/aanvraag/onbekende-sleutel/",
        "/nieuwsbrief/afmelden/onbekende-sleutel/",
        "/nieuwsbrief/voorkeuren/onbekende-sleutel/",
        "/uitdaging/deelname/onbekende-sleutel/",
        "/campagnes/activiteit/onbekende-sleutel/",
        "/agenda/aanmelding/onbekende-sleutel/",
        "/netwerk/pledges/link/onbekende-sleutel/",
    ],
)
def test_private_links_send_no_referrer(client, path):
    response = client.get(path)
    assert response.status_code in (200, 302, 303, 404)
    assert response["Referrer-Policy"] == "strict-origin"
    assert_common_headers(response)


def test_private_helper_marks_any_response():
    from django.http import HttpResponse

    from kennislab.core.views import private

    assert private(HttpResponse())["Referrer-Policy"] == "strict-origin"


@override_settings(TRUSTED_PROXIES=[])
def test_public_pages_without_a_token_keep_same_origin(client):
    assert client.get("/vignet/controle/abc/")["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("widget_class", ["AdminDateInput", "AdminDateTimeInput", "AdminTimeInput"])
def test_admin_date_widgets_need_no_inline_script(widget_class):
    """Wagtail renders <script>initDateChooser(…)</script>; ours leaves a marker for
    core/js/admin-choosers.js, so the admin's CSP can forbid inline scripts."""
    from wagtail.admin import widgets

    html = getattr(widgets, widget_class)().render("wanneer", None, attrs={"id": "id_wanneer"})
    assert "<script" not in html
    assert 'data-kennislab-chooser="init' in html and 'data-target="id_wanneer"' in html
