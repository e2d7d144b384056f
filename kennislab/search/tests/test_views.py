"""The search page, autocomplete, the API and the management command."""

import io
import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kennislab.core.testing_queries import HOSTILE_QUERIES
from kennislab.search import indexer
from kennislab.search.models import SearchQueryStat

from .test_engine import doc, index

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    index(
        doc(
            "1",
            "Moestuin in de wijk",
            "Bewoners beginnen een moestuin.",
            item_type="practice_example",
            themes=["wijk-en-sociale-basis"],
            domains=["wijk"],
            day=date(2024, 3, 1),
        ),
        doc(
            "2",
            "Moestuinen op school",
            "Kinderen kweken groenten in de moestuin.",
            themes=["jeugd-en-gezin"],
            domains=["school"],
            day=date(2025, 6, 1),
        ),
        doc(
            "3",
            "Natuur in de stad",
            "Groen en een moestuin op het dak.",
            themes=["groen-en-gezondheid"],
            domains=["wijk"],
            day=date(2023, 1, 1),
        ),
        *[
            doc(
                f"x{n}",
                f"Moestuin extra {n}",
                "moestuin",
                item_type="toolkit",
                day=date(2020, 1, n + 1),
            )
            for n in range(12)
        ],
    )


def page(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_search_page_with_results_facets_and_snippets(client, corpus):
    response, html = page(client, q="moestuin")
    assert "15 resultaten voor ‘moestuin’" in html
    assert len(response.context["results"]) == 10
    assert "<mark>moestuin</mark>" in html
    facets = {name: options for name, _, options in response.context["facets"]}
    assert ("practice_example", "Praktijkvoorbeeld", 1, False) in facets["soort"]
    assert ("wijk", "Wijk", 2, False) in facets["domein"]
    assert 'name="soort" value="news"' in html
    assert 'href="?q=moestuin&amp;pagina=2"' in html


def test_multi_select_filters_and_date_sort(client, corpus):
    response, html = page(client, q="moestuin", soort=["news", "practice_example"], sorteer="datum")
    assert [r.title for r in response.context["results"]] == [
        "Moestuinen op school",
        "Moestuin in de wijk",
        "Natuur in de stad",
    ]
    assert 'value="news" checked' in html and 'value="practice_example" checked' in html
    response, _ = page(client, q="moestuin", soort="news", domein="wijk")
    assert [r.title for r in response.context["results"]] == ["Natuur in de stad"]


def test_second_page(client, corpus):
    response, html = page(client, q="moestuin", pagina=2)
    assert len(response.context["results"]) == 5
    assert 'start="11"' in html


def test_did_you_mean(client, corpus):
    response, html = page(client, q="moestiun")
    assert response.context["results"]
    assert 'Bedoelde je: <a href="?q=moestuin">moestuin</a>?' in html


def test_no_results(client, corpus):
    _, html = page(client, q="qqqzzz")
    assert "Niets gevonden voor ‘qqqzzz’." in html
    assert "0 resultaten" in html


def test_empty_query_shows_the_form_only(client, corpus):
    response, html = page(client)
    assert response.context["results"] == []
    assert 'id="zoekterm"' in html and "resultaten voor" not in html


def test_invalid_parameters_are_explained_and_ignored(client, corpus):
    response, html = page(client, q="moestuin", soort="bestaat-niet", jaar="abc", pagina="-4",
                          sorteer="willekeurig")  # fmt: skip
    assert "Een deel van je zoekopdracht kon niet worden gebruikt" in html
    assert response.context["result_count"] == 15


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_on_the_page_and_the_api(client, corpus, query):
    assert client.get("/zoeken/", {"q": query}).status_code == 200
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    assert set(response.json()) == {"count", "results"}


def test_searches_are_counted_for_the_editors(client, corpus):
    page(client, q="Moestuin")
    page(client, q="moestuin")
    page(client, q="qqqzzz")
    stats = {s.query: (s.searches, s.without_results) for s in SearchQueryStat.objects.all()}
    assert stats == {"moestuin": (2, 0), "qqqzzz": (1, 1)}


def test_a_repeated_search_is_counted_and_costs_few_queries(
    client, corpus, django_assert_max_num_queries
):
    _first, html = page(client, q="moestuin", soort="toolkit")
    # The index state and the statistics (the filters' themes and domains are kept).
    with django_assert_max_num_queries(2):
        _again, same = page(client, q="moestuin", soort="toolkit")
    assert same == html
    assert SearchQueryStat.objects.get().searches == 2


def test_the_search_page_is_never_served_from_the_page_cache(client, corpus, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get("/zoeken/", {"q": "moestuin"})
    assert "X-Page-Cache" not in first
    indexer.remove_object("test.item:1")
    second = client.get("/zoeken/", {"q": "moestuin"})
    assert second.context["result_count"] == 14


def test_suggestions(client, corpus):
    response = client.get("/zoeken/suggesties/", {"q": "moestu"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert 1 <= len(suggestions) <= 8
    titles = [suggestion["title"] for suggestion in suggestions]
    assert all(title.lower().startswith(("moestuin", "natuur")) for title in titles)
    wijk = client.get("/zoeken/suggesties/", {"q": "moestuin wi"}).json()["suggestions"]
    assert "Moestuin in de wijk" in [suggestion["title"] for suggestion in wijk]
    assert client.get("/zoeken/suggesties/", {"q": "m"}).json()["suggestions"] == []


def test_api_search_contract(client, corpus):
    response = client.get("/api/v1/search", {"q": "moestuin", "limit": 2})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 15
    assert len(data["results"]) == 2
    for result in data["results"]:
        assert set(result) == {"title", "url", "type", "snippet", "score"}
        assert isinstance(result["score"], float)
        assert "<mark>" not in result["snippet"]
    assert all(result["url"].startswith("/test/") for result in data["results"])
    narrow = client.get("/api/v1/search", {"q": "moestuin wijk"}).json()
    assert narrow["results"][0]["url"] == "/test/1/"  # both words, one of them in the title


@pytest.mark.parametrize("limit", ["abc", "0", "1000"])
def test_api_rejects_a_bad_limit_in_dutch(client, corpus, limit):
    response = client.get("/api/v1/search", {"q": "moestuin", "limit": limit})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Ongeldige invoer. limit:")


def test_openapi_description(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert "/api/v1/search" in spec["paths"]
    assert spec["info"]["title"] == "Kennislab API"


def test_search_command_jsonl(corpus):
    out = io.StringIO()
    call_command("search", "moestuin", "wijk", "--limit", "3", "--format", "jsonl", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 3
    assert lines[0] == {
        "title": "Moestuin in de wijk",
        "url": "/test/1/",
        "type": "practice_example",
        "score": lines[0]["score"],
    }
    assert lines[0]["score"] >= lines[1]["score"] >= lines[2]["score"]


def test_statistics_reports_need_permission(client, corpus):
    from kennislab.search.service import record_query

    record_query("moestuin", 3)
    User = get_user_model()
    editor = User.objects.create_user("redacteur", password="x" * 12, is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/zoekopdrachten/").status_code in (302, 403)
    editor.user_permissions.add(Permission.objects.get(codename="view_searchquerystat"))
    response = client.get("/admin/reports/zoekopdrachten/")
    assert response.status_code == 200
    assert "moestuin" in response.content.decode()
    export = client.get("/admin/reports/zoekopdrachten-zonder-resultaat/?export=csv")
    assert export.status_code == 200
