"""Malformed requests get a short Dutch 4xx, never a 500 or a traceback."""

import io
import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.core.middleware import MalformedRequestMiddleware

pytestmark = pytest.mark.django_db

DUTCH_400 = "Dit verzoek kunnen we niet verwerken"


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a 500 must show as a 500, not as an exception
    return client


@pytest.mark.parametrize(
    "url", ["/zoeken/?q=%ff%fe", "/kennislab/?thema=%ff", "/?q=caf%e9", "/zoeken/?q=%c3"]
)
def test_invalid_utf8_in_the_query_string(client, url):
    ArticlePageFactory()
    response = client.get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert DUTCH_400 in text and "tekens die we niet kunnen lezen" in text
    assert "Traceback" not in text


def test_valid_utf8_query_strings_pass(client):
    ArticlePageFactory()
    assert client.get("/zoeken/?q=caf%C3%A9+na%C3%AFef").status_code == 200
    assert client.get("/kennislab/?thema=%E2%9C%93").status_code == 200


def test_invalid_utf8_in_the_api_answers_json(client):
    response = client.get("/api/v1/search?q=%ff")
    assert response.status_code == 400
    assert "tekens" in response.json()["detail"]


def wsgi_environ(path, query_string):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query_string,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "203.0.113.9",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }


def test_invalid_utf8_through_the_wsgi_handler():
    """As gunicorn hands it over: raw bytes (latin-1 in the WSGI str) and percent escapes."""
    ArticlePageFactory()
    handler = WSGIHandler()
    for query in ("q=%ff%fe", "q=\xff\xfe", "thema=%ff"):
        started = []
        body = b"".join(
            handler(
                wsgi_environ("/kennislab/", query),
                lambda status, headers, *a, s=started: s.append(status),
            )
        )
        assert started[0].startswith("400"), (query, started)
        assert "niet kunnen lezen" in body.decode()


def test_invalid_utf8_through_the_request_factory():
    request = RequestFactory().get("/zoeken/?q=%ff%fe")
    response = MalformedRequestMiddleware(lambda request: pytest.fail("view reached"))(request)
    assert response.status_code == 400


def test_too_many_parameters_in_the_query_string(client):
    ArticlePageFactory()
    query = "&".join(f"f{number}=1" for number in range(10_050))
    for url in (f"/zoeken/?{query}", f"/kennislab/?{query}"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "te veel velden of parameters" in response.content.decode()
    api = client.get(f"/api/v1/search?{query}")
    assert api.status_code == 400
    assert "te veel" in api.json()["detail"]


@pytest.fixture
def browser():
    """A client like a browser: the CSRF check reads the form, as it does for every visitor."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.cookies["csrftoken"] = "a" * 32  # so the check goes on to read the form
    return browser


def test_too_many_fields_in_a_form(browser):
    data = {f"veld{number}": "x" for number in range(10_050)}
    response = browser.post("/zoeken/", data)
    assert response.status_code == 400
    assert "te veel velden" in response.content.decode()


def test_a_body_over_the_upload_limit(client, browser, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = browser.post(
        "/zoeken/", "a=" + "x" * 20_000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    api = client.post(
        "/api/v1/vignet/beoordeling",
        json.dumps({"organisation": "x" * 20_000}),
        content_type="application/json",
    )
    assert api.status_code == 400
    assert "te groot" in api.json()["detail"]


def test_very_long_urls(client):
    assert client.get("/" + "a" * 10_000 + "/").status_code == 404
    assert client.get("/kennislab/" + "a/" * 5_000).status_code == 404
    assert client.get("/zoeken/?q=" + "a" * 10_000).status_code == 200
    assert client.get("/api/v1/" + "a" * 10_000).status_code in (301, 404)  # APPEND_SLASH
    assert client.get("/api/v1/" + "a" * 10_000 + "/").status_code == 404


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("application/x-www-form-urlencoded", "organisation=x"),
        ("text/plain", "{}"),
        ("multipart/form-data; boundary=x", "--x--"),
        ("", "{}"),
    ],
)
def test_wrong_content_type_on_the_api(client, content_type, body):
    response = client.post("/api/v1/vignet/beoordeling", body, content_type=content_type)
    assert response.status_code == 415
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 415 and problem["instance"] == "/api/v1/vignet/beoordeling"
    assert "JSON" in problem["detail"]
    assert "Content-Type" in problem["detail"]


def test_a_body_less_request_of_a_method_the_api_lacks_gets_405_not_415(client):
    response = client.generic("TRACE", "/api/v1/items")
    assert response.status_code == 405


def test_a_too_large_body_for_the_api_is_a_problem_document(client, settings):
    settings.REQUEST_BODY_MAX_MB = 1
    response = client.post("/api/v1/vignet/beoordeling", "x" * (2 * 1024 * 1024),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    assert "MB" in response.json()["detail"]


def test_deeply_nested_json_on_the_api(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/vignet/beoordeling", body, content_type="application/json")
    assert response.status_code == 400
    assert "te diep genest" in response.json()["detail"]


def test_huge_json_on_the_api(client):
    body = json.dumps({"organisation": "x", "activities": [{"theme": "bewegen"}] * 200_000})
    assert len(body) > 2_621_440  # over DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post("/api/v1/vignet/beoordeling", body, content_type="application/json")
    assert response.status_code == 400
    assert "te groot" in response.json()["detail"]


def test_json_with_a_charset_is_still_json(client):
    response = client.post(
        "/api/v1/vignet/beoordeling", "{}", content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 422  # read and judged, not refused for its type
