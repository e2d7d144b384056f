"""The RSS feeds parse back with feedparser: entries, categories, absolute links; advertised on
the pages they follow; unknown themes and types are 404; served by the page cache."""

from datetime import date, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from kennislab.campaigns.models import ActivityStatus
from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.relay_factories import build_campaign
from kennislab.content.tests.factories import (
    ArticlePageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    theme,
)
from kennislab.core.testing import data_for_module

from .helpers import activity

BASE = "http://testserver"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        groen, leefstijl = theme("groen-en-gezondheid"), theme("leefstijl")
        themes = ThemeIndexPageFactory()
        ThemePageFactory(parent=themes, theme=groen)
        items = {
            "schoolplein": ArticlePageFactory(
                title="Groene schoolpleinen werken",
                date=date(2025, 3, 18),
                item_type="practice_example",
                intro="Kinderen bewegen meer op een groen schoolplein. " * 8,
                themes=[groen, leefstijl],
            ),
            "nieuws": ArticlePageFactory(
                title="Nieuwe wijkaanpak", date=date(2025, 4, 2), item_type="news", themes=[]
            ),
            "oud": ArticlePageFactory(
                title="Natuur in de wijk",
                date=date(2023, 6, 1),
                item_type="news",
                themes=[groen],
            ),
        }
        event = build_event(title="Webinar groene wijken", slug="webinar-groene-wijken",
                            themes=["groen-en-gezondheid"], starts_in=timedelta(days=3))  # fmt: skip
        build_event(title="Afgelopen webinar", slug="afgelopen", starts_in=timedelta(days=-3))
        campaign = build_campaign(themes=["leefstijl"])
        approved = activity(campaign, status=ActivityStatus.APPROVED, title="Open dag zorgrobot",
                            days_ahead=5)  # fmt: skip
        activity(campaign, status=ActivityStatus.SUBMITTED, title="Nog niet beoordeeld")
        yield {"items": items, "event": event, "campaign": campaign, "activity": approved}


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    return parsed


def check_absolute(parsed):
    assert parsed.feed.link.startswith(BASE + "/")
    for entry in parsed.entries:
        assert entry.link.startswith(BASE + "/"), entry.link
        assert entry.id == entry.link


@pytest.mark.django_db
def test_whole_kennislab_newest_first_with_intro_date_and_themes(client, site):
    parsed = parse(client, "/kennislab/feed.xml")
    check_absolute(parsed)
    assert parsed.feed.title == "Kennislab: de nieuwste items"
    assert parsed.feed.language == "nl"
    assert parsed.feed.link == f"{BASE}/kennislab/"
    assert [e.title for e in parsed.entries] == [
        "Nieuwe wijkaanpak", "Groene schoolpleinen werken", "Natuur in de wijk",
    ]  # fmt: skip
    entry = parsed.entries[1]
    assert entry.link == f"{BASE}/kennislab/groene-schoolpleinen-werken/"
    assert entry.summary == site["items"]["schoolplein"].intro.strip()  # the full intro
    assert sorted(tag.term for tag in entry.tags) == ["Groen en gezondheid", "Leefstijl"]
    assert entry.published.startswith("Tue, 18 Mar 2025")  # the item's date, in Dutch time
    assert "tags" not in parsed.entries[0]  # no themes: no categories


@pytest.mark.django_db
def test_theme_feed(client, site):
    parsed = parse(client, "/kennislab/thema/groen-en-gezondheid/feed.xml")
    check_absolute(parsed)
    assert "Groen en gezondheid" in parsed.feed.title
    assert parsed.feed.link == f"{BASE}/themas/groen-en-gezondheid/"
    assert [e.title for e in parsed.entries] == ["Groene schoolpleinen werken", "Natuur in de wijk"]
    # a theme without a theme page links to the filtered listing
    parsed = parse(client, "/kennislab/thema/leefstijl/feed.xml")
    assert parsed.feed.link == f"{BASE}/kennislab/?thema=leefstijl"
    assert [e.title for e in parsed.entries] == ["Groene schoolpleinen werken"]


@pytest.mark.django_db
def test_type_feed(client, site):
    parsed = parse(client, "/kennislab/soort/news/feed.xml")
    check_absolute(parsed)
    assert parsed.feed.title == "Kennislab: Nieuws"
    assert parsed.feed.link == f"{BASE}/kennislab/?soort=news"
    assert [e.title for e in parsed.entries] == ["Nieuwe wijkaanpak", "Natuur in de wijk"]


@pytest.mark.django_db
def test_agenda_feed_upcoming_events_and_approved_activities(client, site):
    parsed = parse(client, "/agenda/feed.xml")
    check_absolute(parsed)
    assert parsed.feed.title == "Agenda van het Kennislab"
    assert parsed.feed.link == f"{BASE}/agenda/"
    campaign, approved = site["campaign"], site["activity"]
    assert [e.title for e in parsed.entries] == ["Webinar groene wijken", "Open dag zorgrobot"]
    webinar, open_day = parsed.entries
    assert webinar.link == f"{BASE}/agenda/webinar-groene-wijken/"
    assert [tag.term for tag in webinar.tags] == ["Groen en gezondheid"]
    assert site["event"].intro in webinar.summary
    assert "uur" in webinar.summary and "Online" in webinar.summary  # when and where
    assert open_day.link == f"{BASE}/campagnes/{campaign.slug}/activiteit/{approved.pk}/"
    assert [tag.term for tag in open_day.tags] == [campaign.title, "Leefstijl"]
    assert "Buurthuis De Wilg, Arnhem" in open_day.summary


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/kennislab/thema/bestaat-niet/feed.xml",
        "/kennislab/soort/bestaat-niet/feed.xml",
        "/kennislab/soort/NEWS/feed.xml",
    ],
)
def test_unknown_theme_or_type_is_404(client, site, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_feeds_come_from_the_page_cache_and_queries_do_not_make_variants(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    for path in ("/kennislab/feed.xml", "/kennislab/thema/leefstijl/feed.xml", "/agenda/feed.xml"):
        assert client.get(path)["X-Page-Cache"] == "miss", path
        assert client.get(path)["X-Page-Cache"] == "hit", path
    for query in ("?thema=x1", "?pagina=2", "?utm_source=lezer"):
        response = client.get("/kennislab/feed.xml" + query)
        assert response.status_code == 301 and response["Location"] == "/kennislab/feed.xml"
        assert "X-Page-Cache" not in response


def alternates(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {
        link["href"]: link["title"]
        for link in soup.head.find_all("link", rel="alternate", type="application/rss+xml")
    }


def visible(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {a["href"]: a.get_text(strip=True) for a in soup.body.find_all("a", href=True)}


@pytest.mark.django_db
def test_feeds_advertised_and_linked_on_the_pages_they_follow(client, site):
    html = client.get("/kennislab/").content.decode()
    assert alternates(html) == {"/kennislab/feed.xml": "Kennislab: de nieuwste items (RSS)"}
    assert visible(html)["/kennislab/feed.xml"] == "Volg het Kennislab via RSS"

    html = client.get("/kennislab/?soort=news&thema=leefstijl").content.decode()
    assert set(alternates(html)) == {
        "/kennislab/feed.xml",
        "/kennislab/soort/news/feed.xml",
        "/kennislab/thema/leefstijl/feed.xml",
    }
    assert visible(html)["/kennislab/soort/news/feed.xml"] == "Volg de soort nieuws via RSS"
    # an unknown value offers no feed (and no error)
    html = client.get("/kennislab/?soort=onzin&thema=onzin").content.decode()
    assert set(alternates(html)) == {"/kennislab/feed.xml"}

    html = client.get("/themas/groen-en-gezondheid/").content.decode()
    feed = "/kennislab/thema/groen-en-gezondheid/feed.xml"
    assert alternates(html) == {feed: "Kennislab: Groen en gezondheid (RSS)"}
    assert visible(html)[feed] == "Volg dit thema via RSS"

    html = client.get("/agenda/").content.decode()
    assert alternates(html) == {"/agenda/feed.xml": "Agenda van het Kennislab (RSS)"}
    assert visible(html)["/agenda/feed.xml"] == "Volg de agenda via RSS"
    for path in alternates(html) | alternates(client.get("/kennislab/").content.decode()):
        assert client.get(path).status_code == 200
