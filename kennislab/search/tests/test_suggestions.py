"""The search box's suggestions endpoint (/zoeken/suggesties/): pages with their type,
abbreviations and synonyms as searches, popular topics on an empty box, the rate limit, and
hostile input."""

import types
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.core import ratelimit
from kennislab.core.testing_queries import HOSTILE_QUERIES
from kennislab.search import suggestions
from kennislab.search.documents import BODY, TITLE, DocumentData
from kennislab.search.models import SearchQueryStat

from .test_engine import doc, index

pytestmark = pytest.mark.django_db
URL = "/zoeken/suggesties/"


@pytest.fixture
def corpus():
    index(
        doc(
            "1",
            "Moestuin in de wijk",
            "Bewoners beginnen een moestuin.",
            item_type="practice_example",
        ),
        doc("2", "Moestuinen op school", "Kinderen kweken groenten.", item_type="toolkit"),
        doc(
            "3",
            "Samen met de GGD",
            "De GGD en de gemeentelijke gezondheidsdienst.",
            item_type="news",
        ),
        doc("4", "Gemeenten en de wijk", "Veertig gemeenten doen mee.", item_type="news"),
        DocumentData(
            key="test.theme:1",
            kind="theme",
            url="/themas/groen/",
            title="Groen en gezondheid",
            fields=[("Groen en gezondheid", TITLE), ("Natuur dichtbij.", BODY)],
            text="Natuur dichtbij.",
            item_type="theme",
            themes=["groen-en-gezondheid"],
        ),
    )


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_pages_come_with_title_url_and_type(client, corpus):
    data = get(client, q="moestu")
    assert data["suggestions"] == [
        {"title": "Moestuin in de wijk", "url": "/test/1/", "type": "Praktijkvoorbeeld",
         "kind": "page"},
        {"title": "Moestuinen op school", "url": "/test/2/", "type": "Toolkit", "kind": "page"},
    ]  # fmt: skip
    assert data["status"].startswith("2 suggesties.")


def test_an_abbreviation_suggests_its_expansion_as_a_search(client, corpus):
    first, *pages = get(client, q="ggd")["suggestions"]
    assert first == {
        "title": "GGD — Gemeentelijke gezondheidsdienst",
        "url": "/zoeken/?q=GGD",
        "type": "Afkorting",
        "kind": "search",
    }
    assert [page["title"] for page in pages] == ["Samen met de GGD"]  # not "Gemeenten …"
    typed_out = get(client, q="gemeentelijke gezondheidsd")["suggestions"]
    assert typed_out[0]["title"] == "GGD — Gemeentelijke gezondheidsdienst"
    started = [s["title"] for s in get(client, q="gg")["suggestions"] if s["kind"] == "search"]
    assert started == ["GGZ — Geestelijke gezondheidszorg", "GGD — Gemeentelijke gezondheidsdienst"]


def test_a_synonym_suggests_its_equivalents(client, corpus):
    [first] = [s for s in get(client, q="senioren")["suggestions"] if s["kind"] == "search"]
    assert first == {
        "title": "senioren — ouderen",
        "url": "/zoeken/?q=senioren",
        "type": "Zoekterm",
        "kind": "search",
    }


def test_expansions_need_a_real_start():
    groups = [["GGD", "gemeentelijke gezondheidsdienst"], ["dokter", "arts"]]
    assert suggestions.expansions("g", groups) == []
    assert suggestions.expansions("gem", groups) == []  # three letters of a long expression
    assert suggestions.expansions("geme", groups)[0][1] == "GGD"
    assert suggestions.expansions("ARTS", groups) == [("arts — dokter", "arts", False)]
    assert suggestions.expansions("huisarts", groups) == []


def stat(query, searches, without_results=0, days_ago=1):
    SearchQueryStat.objects.create(
        day=timezone.localdate() - timedelta(days=days_ago),
        query=query,
        searches=searches,
        without_results=without_results,
    )


def test_an_empty_box_shows_topics_searched_by_many_in_the_last_30_days(client, corpus):
    stat("moestuin", 4)
    stat("moestuin", 3, days_ago=20)
    stat("gemeenten", 5)
    stat("groenten", 50, days_ago=31)  # too long ago
    stat("wijk", 2)  # too few searches
    stat("qqqzzz", 9, without_results=9)  # never found anything
    stat("jan de vries diabetes", 9)  # words the site does not use: a visitor's own text
    stat("moestuin 0612345678", 9)  # a number
    stat("moestuin@example.nl", 9)  # an address
    data = get(client, q="")
    assert data["suggestions"] == [
        {"title": "moestuin", "url": "/zoeken/?q=moestuin", "type": "Veel gezocht",
         "kind": "search"},
        {"title": "gemeenten", "url": "/zoeken/?q=gemeenten", "type": "Veel gezocht",
         "kind": "search"},
    ]  # fmt: skip
    assert data["status"].startswith("2 suggesties.")


def test_an_empty_box_shows_the_themes_without_statistics(client, corpus):
    stat("wijk", 1)
    assert get(client)["suggestions"] == [
        {"title": "Groen en gezondheid", "url": "/themas/groen/", "type": "Thema", "kind": "page"}
    ]
    assert get(client, q="   ")["suggestions"][0]["type"] == "Thema"


def test_nothing_to_suggest(client, corpus):
    assert get(client, q="qqqzzzxx") == {"suggestions": [], "status": "Geen suggesties."}
    assert get(client, q="m")["suggestions"] == []


def test_suggestions_are_rate_limited_as_json(client, corpus, settings, monkeypatch):
    settings.RATE_LIMITS_ENABLED = True
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))
    statuses = [client.get(URL, {"q": ""}).status_code for _ in range(240)]
    assert set(statuses) == {200}
    blocked = client.get(URL, {"q": "moestuin"})
    assert blocked.status_code == 429
    assert "Wacht" in blocked.json()["detail"]
    assert client.get(URL, {"q": ""}, REMOTE_ADDR="10.0.0.9").status_code == 200


@pytest.mark.parametrize("query", [*HOSTILE_QUERIES, "\x00ggd", "gg\x1bd", "ggd" * 1000])
def test_hostile_queries_never_fail(client, corpus, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.parametrize(
    "query_string",
    ["q=%ED%A0%80", "q=%FF%FE", "q=%00", "q=a&q=b", "q[]=ggd", "q=%25%5F%5C", "zz=1"],
)
def test_malformed_query_strings_never_fail(client, corpus, query_string):
    response = client.get(f"{URL}?{query_string}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert isinstance(response.json()["suggestions"], list)


def test_a_suggestion_costs_few_queries(client, corpus, django_assert_max_num_queries):
    get(client, q="moestu")  # warm the reader
    with django_assert_max_num_queries(4):
        get(client, q="moestuin wi")


def test_other_methods_are_refused(client, corpus):
    assert client.post(URL, {"q": "ggd"}).status_code == 405
