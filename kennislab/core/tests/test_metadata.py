"""Metadata for search engines and social media (issue 16, item 3): the canonical URL, Open Graph
and Twitter cards, and JSON-LD checked against the properties Google documents for Article, Event
and BreadcrumbList (https://developers.google.com/search/docs/appearance/structured-data)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from kennislab.campaigns.models import ActivityStatus
from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.relay_factories import (
    TODAY_2021,
    Clock,
    add_activity,
    build_campaign,
    complete,
)
from kennislab.content.models import ArticleContact
from kennislab.content.site import ensure_home
from kennislab.content.tests.factories import ArticlePageFactory, PersonFactory, theme
from kennislab.core import metadata
from kennislab.core.models import SiteSettings
from kennislab.core.templatetags import metadata_tags

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d$")
ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
ATTENDANCE_MODES = {metadata.ONLINE, metadata.OFFLINE, metadata.MIXED}
AVAILABILITY = {f"https://schema.org/{name}" for name in
                ("InStock", "SoldOut", "PreOrder", "LimitedAvailability", "OnlineOnly")}  # fmt: skip


# --- validators: Google's rules for each type, as data checks ------------------------------------


def _is_url(value) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _moment(value: str) -> datetime | date:
    if ISO_DATE.match(value):
        return date.fromisoformat(value)
    assert ISO_WITH_OFFSET.match(value), f"not ISO 8601 with a UTC offset: {value!r}"
    return datetime.fromisoformat(value)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def article_problems(node: dict) -> list[str]:
    """Article / NewsArticle: no property is required; recommended are headline (≤ 110
    characters), author with name (Person or Organization), datePublished and dateModified
    (ISO 8601), and image (URLs) when the article has one."""
    problems = []
    if node.get("@type") not in ("Article", "NewsArticle", "BlogPosting"):
        problems.append(f"type {node.get('@type')!r}")
    headline = node.get("headline")
    if not isinstance(headline, str) or not headline or len(headline) > 110:
        problems.append(f"headline {headline!r}")
    authors = _as_list(node.get("author"))
    if not authors or authors == [None]:
        problems.append("no author")
    for author in authors:
        if not isinstance(author, dict) or author.get("@type") not in ("Person", "Organization"):
            problems.append(f"author {author!r}")
        elif not author.get("name"):
            problems.append("author without name")
    published = node.get("datePublished")
    if not published:
        problems.append("no datePublished")
    else:
        start = _moment(published)
        if node.get("dateModified"):
            end = _moment(node["dateModified"])
            if (end.date() if isinstance(end, datetime) else end) < (
                start.date() if isinstance(start, datetime) else start
            ):
                problems.append("dateModified before datePublished")
    if "image" in node and not all(_is_url(url) for url in _as_list(node["image"])):
        problems.append("image is not a URL")
    return problems


def event_problems(node: dict) -> list[str]:
    """Event: required name, startDate (ISO 8601 with an offset) and location (a Place with an
    address, or a VirtualLocation with a url); eventAttendanceMode from the schema.org values;
    offers, when present, with price, priceCurrency and url (availability from the values)."""
    problems = []
    if node.get("@type") != "Event":
        problems.append(f"type {node.get('@type')!r}")
    if not node.get("name"):
        problems.append("no name")
    if not node.get("startDate") or not ISO_WITH_OFFSET.match(node["startDate"]):
        problems.append(f"startDate {node.get('startDate')!r}")
    if node.get("endDate"):
        if not ISO_WITH_OFFSET.match(node["endDate"]):
            problems.append(f"endDate {node['endDate']!r}")
        elif node.get("startDate") and _moment(node["endDate"]) < _moment(node["startDate"]):
            problems.append("ends before it starts")
    locations = _as_list(node.get("location"))
    if not locations or locations == [None]:
        problems.append("no location")
    for place in locations:
        kind = place.get("@type") if isinstance(place, dict) else None
        if kind == "Place" and not place.get("address"):
            problems.append("Place without address")
        elif kind == "VirtualLocation" and not _is_url(place.get("url")):
            problems.append("VirtualLocation without url")
        elif kind not in ("Place", "VirtualLocation"):
            problems.append(f"location {place!r}")
    if node.get("eventAttendanceMode") not in ATTENDANCE_MODES:
        problems.append(f"eventAttendanceMode {node.get('eventAttendanceMode')!r}")
    for offer in _as_list(node.get("offers", [])):
        if not isinstance(offer.get("price"), str | int | float) or offer.get("price") == "":
            problems.append("offer without price")
        if not re.fullmatch(r"[A-Z]{3}", str(offer.get("priceCurrency", ""))):
            problems.append("offer without priceCurrency")
        if not _is_url(offer.get("url")):
            problems.append("offer without url")
        if "availability" in offer and offer["availability"] not in AVAILABILITY:
            problems.append(f"availability {offer['availability']!r}")
    return problems


def breadcrumb_problems(node: dict) -> list[str]:
    """BreadcrumbList: at least two ListItems, positions 1, 2, …, each with name and item."""
    items = node.get("itemListElement") or []
    problems = [] if len(items) >= 2 else ["fewer than two items"]
    for number, item in enumerate(items, start=1):
        if item.get("@type") != "ListItem" or item.get("position") != number:
            problems.append(f"item {number}: {item!r}")
        if not item.get("name") or not _is_url(item.get("item")):
            problems.append(f"item {number} without name or URL")
    return problems


# --- reading a page's head -----------------------------------------------------------------------


class Head:
    def __init__(self, response):
        assert response.status_code == 200, response.status_code
        self.html = response.content.decode()
        self.soup = BeautifulSoup(self.html, "html.parser")
        head = self.soup.head
        self.canonicals = [link["href"] for link in head.find_all("link", rel="canonical")]
        self.og = {}
        for tag in head.find_all("meta", property=True):
            self.og.setdefault(tag["property"], []).append(tag["content"])
        self.names = {
            tag["name"]: tag["content"] for tag in head.find_all("meta", attrs={"name": True})
        }
        self.scripts = head.find_all("script", type="application/ld+json")
        self.nodes = []
        for script in self.scripts:
            document = json.loads(script.string)
            assert document["@context"] == "https://schema.org"
            self.nodes.extend(document.get("@graph", [document]))

    @property
    def canonical(self) -> str | None:
        assert len(self.canonicals) <= 1
        return self.canonicals[0] if self.canonicals else None

    def one(self, prop: str) -> str:
        values = self.og.get(prop, [])
        assert len(values) == 1, (prop, values)
        return values[0]

    def typed(self, *types: str) -> list[dict]:
        return [node for node in self.nodes if node.get("@type") in types]


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def network(db):
    settings = SiteSettings.for_site(ensure_home().get_site())
    settings.organisation_name = "Netwerk Gezond Samen"
    settings.contact_email = "info@kennislab.example"
    settings.tagline = "Kennis en leerervaringen uit het netwerk"
    settings.save()
    return settings


@pytest.fixture
def article(network):
    page = ArticlePageFactory(
        title="Groene schoolpleinen werken",
        item_type="practice_example",
        date=date(2025, 3, 18),
        intro="Wat scholen leerden van een groen schoolplein.",
        search_description="Drie scholen vertellen over hun groene schoolplein.",
        themes=[theme("groen-en-gezondheid"), theme("leefstijl")],
    )
    person = PersonFactory(name="Sanne Veldkamp", organisation="GGD Waterstreek")
    ArticleContact.objects.create(page=page, person=person, sort_order=0)
    ArticleContact.objects.create(page=page, role="Projectleider", sort_order=1)
    return page


# --- articles --------------------------------------------------------------------------------


def test_an_article_has_canonical_card_and_a_valid_article(client, article):
    head = Head(client.get(article.url))
    url = f"{BASE}/kennislab/groene-schoolpleinen-werken/"
    assert head.canonical == url
    assert head.one("og:url") == url
    assert head.one("og:type") == "article"
    assert head.one("og:title") == "Groene schoolpleinen werken"
    assert head.one("og:description") == "Drie scholen vertellen over hun groene schoolplein."
    assert head.one("og:site_name") == "Kennislab"
    assert head.one("og:locale") == "nl_NL"
    assert head.one("article:published_time") == "2025-03-18"
    assert ISO_WITH_OFFSET.match(head.one("article:modified_time"))
    assert head.og["article:tag"] == ["Groen en gezondheid", "Leefstijl"]
    assert "og:image" not in head.og  # no page has an image
    assert head.names["twitter:card"] == "summary"
    assert head.names["twitter:title"] == "Groene schoolpleinen werken"
    assert "robots" not in head.names
    assert len(head.scripts) == 1

    [node] = head.typed("Article", "NewsArticle")
    assert article_problems(node) == []
    assert node["@type"] == "Article"
    assert node["headline"] == "Groene schoolpleinen werken"
    assert node["datePublished"] == "2025-03-18"
    assert node["author"] == [{"@type": "Organization", "name": "GGD Waterstreek"}]
    assert node["publisher"]["name"] == "Netwerk Gezond Samen"
    assert node["about"] == [{"@type": "Thing", "name": "Groen en gezondheid"},
                             {"@type": "Thing", "name": "Leefstijl"}]  # fmt: skip
    assert node["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert node["articleSection"] == "Praktijkvoorbeeld"

    [crumbs] = head.typed("BreadcrumbList")
    assert breadcrumb_problems(crumbs) == []
    assert [(i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        ("Startpagina", f"{BASE}/"),
        ("Kennislab", f"{BASE}/kennislab/"),
        ("Groene schoolpleinen werken", url),
    ]


def test_a_news_item_is_a_news_article_by_the_network(client, network):
    page = ArticlePageFactory(title="Nieuwe subsidie voor buurtsport", item_type="news",
                              search_description="", intro="")  # fmt: skip
    head = Head(client.get(page.url))
    [node] = head.typed("Article", "NewsArticle")
    assert article_problems(node) == []
    assert node["@type"] == "NewsArticle"
    assert node["author"] == [{"@type": "Organization", "@id": f"{BASE}/#organisatie",
                               "name": "Netwerk Gezond Samen", "url": f"{BASE}/"}]  # fmt: skip
    assert "about" not in node
    # no description of its own: the site's tagline
    assert head.one("og:description") == "Kennis en leerervaringen uit het netwerk"


def test_a_title_with_a_closing_script_tag_stays_inside_the_json(client, network):
    title = 'Gezond </script><script>alert("x")</script> & "meer"'
    page = ArticlePageFactory(title=title, slug="gezond-script")
    head = Head(client.get(page.url))
    raw = head.html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    [node] = head.typed("Article", "NewsArticle")
    assert node["headline"] == title
    assert head.one("og:title") == title
    assert head.html.count("<script>alert") == 0


def test_a_long_title_is_a_headline_of_at_most_110_characters(client, network):
    page = ArticlePageFactory(title="Samen gezond " * 15, slug="lang")
    [node] = Head(client.get(page.url)).typed("Article", "NewsArticle")
    assert article_problems(node) == []
    assert len(node["headline"]) <= 110 and node["headline"].endswith("…")


# --- events ----------------------------------------------------------------------------------


def test_an_online_event_has_a_virtual_location_that_is_its_own_page(client, network):
    event = build_event(title="Webinar eenzaamheid in de wijk", slug="webinar-eenzaamheid",
                        online=True, capacity=20, costs="",
                        join_url="https://webinar.voorbeeld.example/geheim")  # fmt: skip
    head = Head(client.get(event.url))
    url = f"{BASE}/agenda/webinar-eenzaamheid/"
    assert head.canonical == url
    assert head.one("og:type") == "website"
    assert "article:published_time" not in head.og
    [node] = head.typed("Event")
    assert event_problems(node) == []
    assert node["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert node["location"] == {"@type": "VirtualLocation", "url": url}
    assert "geheim" not in head.html.split("</head>")[0]
    assert node["eventStatus"] == "https://schema.org/EventScheduled"
    assert node["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url,
                              "availability": "https://schema.org/InStock"}  # fmt: skip
    assert node["organizer"]["name"] == "Netwerk Gezond Samen"
    assert datetime.fromisoformat(node["startDate"]) == event.starts_at
    assert node["startDate"].endswith(("+01:00", "+02:00"))  # Amsterdam time
    assert datetime.fromisoformat(node["endDate"]) == event.ends_at
    assert breadcrumb_problems(head.typed("BreadcrumbList")[0]) == []


def test_an_event_on_location_with_costs_has_a_place_and_no_invented_price(client, network):
    event = build_event(title="Informatiemarkt Gezonde School", slug="markt", online=False,
                        kind="market", location="Stadskantoor, Zwolle", organiser="GGD IJsselland",
                        costs="€ 25 (inclusief lunch); gratis voor scholen")  # fmt: skip
    [node] = Head(client.get(event.url)).typed("Event")
    assert event_problems(node) == []
    assert node["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert node["location"] == {"@type": "Place", "name": "Stadskantoor, Zwolle",
                                "address": "Stadskantoor, Zwolle"}  # fmt: skip
    assert node["organizer"] == {"@type": "Organization", "name": "GGD IJsselland"}
    assert "offers" not in node


def test_a_full_event_is_offered_as_sold_out(client, network):
    from kennislab.campaigns import services

    event = build_event(title="Klein webinar", slug="klein", capacity=1)
    services.register(event.pk, {"name": "Deelnemer Een", "email": "een@voorbeeld.example",
                                 "organisation": ""}, "Ik geef toestemming.")  # fmt: skip
    [node] = Head(client.get(event.url)).typed("Event")
    assert node["offers"]["availability"] == "https://schema.org/SoldOut"


# --- relay activities ------------------------------------------------------------------------


@pytest.fixture
def relay(db, network, monkeypatch):
    Clock(monkeypatch, TODAY_2021)
    return build_campaign(title="Slimme Zorg Estafette", slug="slimme-zorg-estafette")


def test_an_approved_activity_is_an_event(client, relay):
    activity, _token = add_activity(relay, complete(title="Beeldbellen in de wijk",
                                                   organiser="Zorggroep De Linde"),
                                    status=ActivityStatus.APPROVED)  # fmt: skip
    head = Head(client.get(activity.get_absolute_url()))
    url = f"{BASE}/campagnes/slimme-zorg-estafette/activiteit/{activity.pk}/"
    assert head.canonical == url
    assert head.one("og:title") == "Beeldbellen in de wijk – Slimme Zorg Estafette"
    assert head.one("og:description") == "Zorgverleners laten zien hoe beeldbellen werkt."
    [node] = head.typed("Event")
    assert event_problems(node) == []
    assert node["name"] == "Beeldbellen in de wijk"
    assert node["startDate"] == "2021-02-03T14:00:00+01:00"
    assert node["endDate"] == "2021-02-03T15:30:00+01:00"
    assert node["location"]["address"] == "Buurthuis De Wilg, Arnhem"
    assert node["organizer"] == {"@type": "Organization", "name": "Zorggroep De Linde"}
    assert "offers" not in node  # an activity has no costs field: nothing invented
    [crumbs] = head.typed("BreadcrumbList")
    assert breadcrumb_problems(crumbs) == []
    assert [i["name"] for i in crumbs["itemListElement"]] == [
        "Startpagina",
        "Slimme Zorg Estafette",
        "Beeldbellen in de wijk",
    ]


def test_an_online_activity_points_to_its_page_not_to_the_join_link(client, relay):
    activity, _token = add_activity(
        relay,
        complete(online=True, location="", link="https://meet.voorbeeld.example/kamer"),
        status=ActivityStatus.APPROVED,
    )
    [node] = Head(client.get(activity.get_absolute_url())).typed("Event")
    assert event_problems(node) == []
    assert node["location"] == {"@type": "VirtualLocation",
                                "url": f"{BASE}{activity.get_absolute_url()}"}  # fmt: skip


def test_an_undated_activity_has_no_event(client, relay):
    activity, _token = add_activity(relay, complete(date=None, starts_at=None, ends_at=None),
                                    status=ActivityStatus.APPROVED)  # fmt: skip
    head = Head(client.get(activity.get_absolute_url()))
    assert head.typed("Event") == []
    assert head.typed("BreadcrumbList")  # the trail is still there


def test_a_private_link_has_no_canonical_and_is_not_indexed(client, relay):
    _activity, token = add_activity(relay, complete(title="Proeftuin dispenser"))
    head = Head(client.get(f"/campagnes/activiteit/{token}/"))
    assert head.canonical is None
    assert head.names["robots"] == "noindex"
    assert head.og == {} and head.nodes == []
    assert token not in head.html.split("</head>")[0]


# --- other views with breadcrumbs ------------------------------------------------------------


def test_a_pledge_shows_its_breadcrumbs_as_a_list(client, network):
    from kennislab.network.tests.conftest import sign

    pledge, _token = sign("approved", organisation="Gemeente Veldhoven-Test")
    head = Head(client.get(f"/netwerk/pledges/{pledge.slug}/"))
    [crumbs] = head.typed("BreadcrumbList")
    assert breadcrumb_problems(crumbs) == []
    assert [(i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        ("Startpagina", f"{BASE}/"),
        ("Pledgemuur", f"{BASE}/netwerk/pledges/"),
        ("Gemeente Veldhoven-Test", f"{BASE}/netwerk/pledges/{pledge.slug}/"),
    ]


def test_the_archive_shows_its_breadcrumbs_as_a_list(client, network):
    build_event(title="Afgelopen webinar", slug="afgelopen", starts_in=-timedelta(days=3),
                materials=[{"type": "embed", "value": {
                    "url": "https://video.voorbeeld.example/opname", "title": "Opname",
                    "kind": "video", "description": "", "transcript": ""}}])  # fmt: skip
    head = Head(client.get("/agenda/terugkijken/?pagina=1"))
    assert head.canonical == f"{BASE}/agenda/terugkijken/"
    [crumbs] = head.typed("BreadcrumbList")
    assert breadcrumb_problems(crumbs) == []
    assert [i["name"] for i in crumbs["itemListElement"]] == [
        "Startpagina",
        "Agenda",
        "Terugkijken",
    ]


# --- home, listings, search --------------------------------------------------------------------


def test_the_home_page_describes_the_network(client, network):
    head = Head(client.get("/"))
    assert head.canonical == f"{BASE}/"
    assert head.one("og:type") == "website"
    assert head.one("og:url") == f"{BASE}/"
    assert head.one("og:title") == "Kennislab – kennis en leerervaringen uit ons netwerk"
    [organisation] = head.typed("Organization")
    assert organisation["name"] == "Netwerk Gezond Samen"
    assert organisation["url"] == f"{BASE}/"
    assert organisation["email"] == "info@kennislab.example"
    assert re.match(rf"{BASE}/static/core/img/favicon(\.\w+)?\.svg$", organisation["logo"])
    assert head.typed("BreadcrumbList") == []  # the home page shows none


def test_a_filtered_listing_points_to_the_unfiltered_listing(client, network, monkeypatch):
    monkeypatch.setattr("kennislab.content.models.LISTING_PAGE_SIZE", 1)
    for number in range(3):
        ArticlePageFactory(title=f"Item {number}", themes=[theme("leefstijl")])
    listing = f"{BASE}/kennislab/"
    assert Head(client.get("/kennislab/?soort=news&thema=leefstijl")).canonical == listing
    assert Head(client.get("/kennislab/?jaar=2025&pagina=1")).canonical == listing
    head = Head(client.get("/kennislab/?thema=leefstijl&pagina=2"))
    assert head.canonical == f"{listing}?pagina=2"
    assert head.one("og:url") == f"{listing}?pagina=2"
    assert Head(client.get("/kennislab/?pagina=99")).canonical == f"{listing}?pagina=3"
    assert Head(client.get("/kennislab/?pagina=abc")).canonical == listing
    # an item is no listing: a stray ?pagina= is left out
    item = ArticlePageFactory(title="Los item", slug="los-item")
    assert Head(client.get(f"{item.url}?pagina=2")).canonical == f"{BASE}{item.url}"


def test_the_search_page_is_not_indexed_and_its_canonical_has_no_query(client, network):
    ArticlePageFactory(title="Groen in de wijk")
    head = Head(client.get("/zoeken/?q=groen&pagina=2&soort=news"))
    assert head.canonical == f"{BASE}/zoeken/"
    assert head.names["robots"] == "noindex"
    assert "groen" not in head.one("og:url")


def test_a_form_view_points_to_its_path(client, network):
    head = Head(client.get("/nieuwsbrief/aanmelden/?thema=leefstijl"))
    assert head.canonical == f"{BASE}/nieuwsbrief/aanmelden/"
    assert head.one("og:type") == "website"


# --- cost, cache and security ----------------------------------------------------------------


def _queries(client, url, monkeypatch, *, metadata_on: bool) -> int:
    cache.clear()
    with monkeypatch.context() as patch:
        if not metadata_on:  # the tag's shortest path: only "noindex", no lookups at all
            patch.setattr(metadata_tags, "is_private_link", lambda request: True)
        client.get(url)  # warm: site root paths and settings in the cache
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    return len(queries)


def test_metadata_costs_at_most_one_query(client, article, monkeypatch):
    with_metadata = _queries(client, article.url, monkeypatch, metadata_on=True)
    without = _queries(client, article.url, monkeypatch, metadata_on=False)
    assert with_metadata - without <= 1  # the item's themes; contacts and ancestors are shared
    event = build_event(title="Webinar", slug="webinar")
    with_metadata = _queries(client, event.url, monkeypatch, metadata_on=True)
    without = _queries(client, event.url, monkeypatch, metadata_on=False)
    assert with_metadata - without == 0


def test_pages_with_metadata_stay_in_the_anonymous_page_cache(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = client.get(article.url)
    second = client.get(article.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert Head(second).canonical == f"{BASE}{article.url}"


def test_json_ld_is_the_only_inline_script_and_the_policy_is_unchanged(client, article):
    response = client.get(article.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    soup = BeautifulSoup(response.content, "html.parser")
    inline = [s for s in soup.find_all("script") if not s.get("src")]
    assert inline and all(s["type"] == "application/ld+json" for s in inline)


def test_error_pages_are_not_indexed_and_have_no_canonical(client, network):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    head = BeautifulSoup(response.content, "html.parser").head
    assert head.find("link", rel="canonical") is None
    assert head.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_every_page_type_with_breadcrumbs_gets_a_breadcrumb_list():
    """PAGES_WITHOUT_BREADCRUMBS names exactly the page templates that show no breadcrumbs."""
    from django.template.loader import get_template

    without = set()
    for model in apps.get_models():
        if (
            not issubclass(model, Page)
            or model is Page
            or model._meta.label_lower in ("content.homepage",)
        ):
            continue
        source = Path(get_template(model.template).origin.name).read_text()
        if "breadcrumbs" not in source and "page_header.html" not in source:
            without.add(model._meta.label_lower)
    assert without == set(metadata_tags.PAGES_WITHOUT_BREADCRUMBS)


# --- the rules themselves ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "indexable", "last", "expected"),
    [
        ({}, True, 5, "https://k.example/kennislab/"),
        ({"thema": "leefstijl", "soort": "news"}, True, 5, "https://k.example/kennislab/"),
        ({"pagina": "3", "thema": "x"}, True, 5, "https://k.example/kennislab/?pagina=3"),
        ({"pagina": "3"}, True, 2, "https://k.example/kennislab/?pagina=2"),
        ({"pagina": "1"}, True, 5, "https://k.example/kennislab/"),
        ({"pagina": "-4"}, True, 5, "https://k.example/kennislab/"),
        ({"pagina": "3"}, False, 5, "https://k.example/kennislab/"),  # not indexed
        ({"pagina": "3"}, True, None, "https://k.example/kennislab/"),  # no listing
    ],
)
def test_canonical_url(query, indexable, last, expected):
    assert metadata.canonical_url("https://k.example/kennislab/?x=1", query,
                                  indexable=indexable, last_page=last) == expected  # fmt: skip


def test_json_ld_escapes_what_could_end_the_script():
    text = metadata.json_ld({"name": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!-- & \u2028"}


def test_an_event_without_start_or_place_is_left_out():
    common = {"url": "https://k.example/a/", "name": "A", "description": "", "ends": None,
              "organizer": {"@type": "Organization", "name": "N"}}  # fmt: skip
    starts = datetime(2026, 5, 1, 14, 0).astimezone()
    assert metadata.event(starts=None, online=True, location="", **common) is None
    assert metadata.event(starts=starts, online=False, location=" ", **common) is None
    both = metadata.event(starts=starts, online=True, location="Buurthuis", free=True, **common)
    assert both["eventAttendanceMode"] == metadata.MIXED
    assert [place["@type"] for place in both["location"]] == ["Place", "VirtualLocation"]
    assert "availability" not in both["offers"]
    assert event_problems(both) == []


def test_an_article_is_never_modified_before_it_was_published():
    node = metadata.article(url="https://k.example/a/", title="A", description="",
                            published=date(2026, 5, 1), modified=datetime(2026, 4, 1, 9, 0),
                            publisher={"@type": "Organization", "name": "N"})  # fmt: skip
    assert node["dateModified"] == "2026-05-01"
    assert article_problems(node) == []


def test_strip_site_suffix():
    assert metadata.strip_site_suffix("Zoeken – Kennislab", "Kennislab") == "Zoeken"
    assert metadata.strip_site_suffix("Kennislab", "Kennislab") == "Kennislab"
    assert metadata.strip_site_suffix("Kennislab – ons netwerk", "Kennislab") == (
        "Kennislab – ons netwerk"
    )
