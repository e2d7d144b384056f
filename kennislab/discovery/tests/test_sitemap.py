"""/sitemap.xml: an index of paginated sections with every public page and its lastmod, and
nothing private, unpublished or unsent."""

from datetime import UTC, date
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kennislab.campaigns.models import ActivityStatus
from kennislab.content.tests.factories import (
    ArticlePageFactory,
    ContentPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    theme,
)
from kennislab.discovery import sitemaps

from .helpers import activity, publish

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return ElementTree.fromstring(response.content)  # noqa: S314 - the site's own answer


def index_locations(client) -> list[str]:
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [entry.findtext("s:loc", namespaces=NS) for entry in root.findall("s:sitemap", NS)]


def all_urls(client) -> dict[str, str]:
    """{loc: lastmod} over every page of every section in the index."""
    found = {}
    for location in index_locations(client):
        path = location.removeprefix("http://testserver")
        root = parse(client.get(path))
        for url in root.findall("s:url", NS):
            found[url.findtext("s:loc", namespaces=NS)] = url.findtext("s:lastmod", namespaces=NS)
    return found


@pytest.fixture
def site():
    themes = ThemeIndexPageFactory()
    ThemePageFactory(parent=themes, theme=theme("leefstijl"))
    article = ArticlePageFactory(title="Bewegen op het schoolplein", date=date(2025, 3, 18))
    hidden = ContentPageFactory(title="Voor leden", slug="voor-leden")
    below_hidden = ContentPageFactory(title="Ledenverslag", slug="ledenverslag", parent=hidden)
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    unpublished = ArticlePageFactory(title="Nog niet klaar")
    unpublished.unpublish()
    return {"article": article, "hidden": hidden, "below": below_hidden}


def test_index_lists_the_sections_with_absolute_urls(client, site):
    assert index_locations(client) == [
        "http://testserver/sitemap-paginas.xml",
        "http://testserver/sitemap-kennislab.xml",
    ]  # no approved activities: no empty section


def test_public_pages_with_lastmod_and_nothing_private_or_unpublished(client, site):
    urls = all_urls(client)
    article = site["article"]
    expected = {
        "http://testserver/",
        "http://testserver/kennislab/",
        "http://testserver/themas/",
        "http://testserver/themas/leefstijl/",
        "http://testserver/kennislab/bewegen-op-het-schoolplein/",
    }
    assert expected <= set(urls)
    assert urls["http://testserver/kennislab/bewegen-op-het-schoolplein/"] == (
        article.last_published_at.astimezone(UTC).isoformat(timespec="seconds")
    )
    # every published page has its date (home and listing made in code without publishing
    # have none, and then no <lastmod>, which the protocol allows)
    assert urls["http://testserver/themas/leefstijl/"]
    assert urls["http://testserver/themas/"]
    for absent in ("voor-leden/", "ledenverslag/", "nog-niet-klaar/"):
        assert not any(url.endswith(absent) for url in urls), absent


def test_the_sites_own_address_not_the_host_header(client, site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kennislab.example.nl"  # SITE_BASE_URL
    body = client.get("/sitemap-kennislab.xml").content.decode()
    assert "<loc>https://kennislab.example.nl/kennislab/bewegen-op-het-schoolplein/</loc>" in body


def test_unsent_newsletter_issues_are_left_out(client, site):
    from kennislab.newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Sending

    index = publish(NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief"))
    sent = publish(NewsletterIssuePage(title="Maart", slug="maart", subject="Maart"), parent=index)
    publish(NewsletterIssuePage(title="April", slug="april", subject="April"), parent=index)
    Sending.objects.create(
        issue=sent, status=Sending.Status.SENT, scheduled_at=timezone.now(),
        finished_at=timezone.now(),
    )  # fmt: skip
    urls = all_urls(client)
    assert "http://testserver/nieuwsbrief/maart/" in urls
    assert "http://testserver/nieuwsbrief/april/" not in urls


def test_paginated_index_when_a_section_outgrows_its_limit(client, site, monkeypatch):
    for number in range(4):
        ArticlePageFactory(title=f"Extra item {number}")
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    locations = index_locations(client)
    assert locations[1:] == [
        "http://testserver/sitemap-kennislab.xml",
        "http://testserver/sitemap-kennislab-2.xml",
        "http://testserver/sitemap-kennislab-3.xml",
    ]  # five items, two per page
    pages = [
        [u.findtext("s:loc", namespaces=NS) for u in parse(client.get(path)).findall("s:url", NS)]
        for path in (
            "/sitemap-kennislab.xml",
            "/sitemap-kennislab-2.xml",
            "/sitemap-kennislab-3.xml",
        )
    ]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert len({url for page in pages for url in page}) == 5
    assert client.get("/sitemap-kennislab-4.xml").status_code == 404
    assert client.get("/sitemap-kennislab-0.xml").status_code == 404
    # Django's ?p=N and an explicit page 1 redirect to the one address per page
    assert client.get("/sitemap-kennislab.xml?p=2")["Location"] == "/sitemap-kennislab-2.xml"
    assert client.get("/sitemap-kennislab-1.xml")["Location"] == "/sitemap-kennislab.xml"


def test_unknown_section_is_404(client, site):
    assert client.get("/sitemap-bestaat-niet.xml").status_code == 404


def test_approved_activities_of_public_campaigns(client, site):
    from kennislab.campaigns.tests.relay_factories import build_campaign

    campaign = build_campaign()
    approved = activity(campaign, status=ActivityStatus.APPROVED, title="Open dag zorgrobot")
    activity(campaign, status=ActivityStatus.SUBMITTED, title="Nog te beoordelen")
    urls = all_urls(client)
    activity_urls = [url for url in urls if "/activiteit/" in url]
    assert activity_urls == [
        f"http://testserver/campagnes/{campaign.slug}/activiteit/{approved.pk}/"
    ]
    assert client.get(activity_urls[0].removeprefix("http://testserver")).status_code == 200


def test_served_from_the_page_cache(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    assert client.get("/sitemap-kennislab.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-kennislab.xml")["X-Page-Cache"] == "hit"
    # a query string is a redirect (never cached), not another cached copy
    response = client.get("/sitemap.xml?pagina=3")
    assert response.status_code == 301 and "X-Page-Cache" not in response
