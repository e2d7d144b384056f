"""The database unreachable during a request: a Dutch 503 page with Retry-After, no traceback,
both when a view meets the error and when a middleware does."""

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def broken_view(request):
    raise OperationalError('could not connect to server: Connection refused "secret-host"')


def fine_view(request):
    return HttpResponse("ok")


urlpatterns = [path("kapot/", broken_view), path("goed/", fine_view)]


def assert_dutch_503(response):
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    text = response.content.decode()
    assert "Tijdelijk niet beschikbaar" in text
    assert 'lang="nl"' in text
    assert "Traceback" not in text and "secret-host" not in text and "OperationalError" not in text


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_view_meeting_an_unreachable_database_answers_503():
    assert Client().get("/goed/").status_code == 200
    assert_dutch_503(Client(raise_request_exception=False).get("/kapot/"))


@pytest.mark.django_db
def test_a_page_with_the_database_down_answers_503(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = Client(raise_request_exception=False).get("/zoeken/?q=bewegen")
    assert_dutch_503(response)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, REQUEST_BODY_MAX_MB=1)
def test_a_body_over_the_cap_is_refused_before_it_is_read():
    client = Client()
    small = client.post("/goed/", data=b"x" * 1000, content_type="application/octet-stream")
    assert small.status_code == 200
    big = client.post(
        "/goed/", data=b"x" * (1024 * 1024 + 1), content_type="application/octet-stream"
    )
    assert big.status_code == 413
    assert "groter dan 1 MB" in big.content.decode()
