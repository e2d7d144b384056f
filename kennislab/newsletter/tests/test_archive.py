"""The newsletter on the site: the web version of an issue (no personal parts), the archive of
sent issues at /nieuwsbrief/archief/ with its RSS feed, and the sign-up page's example."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import pytest

from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.newsletter import archive
from kennislab.newsletter.models import Sending

from .helpers import SIGN_UP, text
from .test_render import build_issue, card, cta, newsletter_index, section

pytestmark = pytest.mark.django_db

ARCHIVE = "/nieuwsbrief/archief/"
FEED = "/nieuwsbrief/archief/feed/"
JANUARY = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
FEBRUARY = datetime(2026, 2, 12, 10, 0, tzinfo=UTC)


@pytest.fixture
def issues(themes):
    """Two sent issues (January, February), one scheduled, one being sent, one draft."""
    article = ArticlePageFactory(title="Bewegen in de wijk")
    body = [
        section("Algemeen", card(article), cta("Doe mee", action="newsletter")),
        section("Alleen voor A", card(article, note="Voor thema A."), theme=themes[0]),
    ]
    return {
        "january": build_issue("januari", body, subject="Kennislab in januari",
                               intro="Het nieuwe jaar.", sent_at=JANUARY),
        "february": build_issue("februari", body, subject="Kennislab in februari",
                                intro="Korte dagen, veel kennis.", sent_at=FEBRUARY),
        "scheduled": build_issue("maart", body, status=Sending.Status.SCHEDULED),
        "sending": build_issue("april", body, status=Sending.Status.SENDING),
        "draft": build_issue("mei", body, live=False),
    }  # fmt: skip


def test_the_web_version_has_every_section_and_nothing_personal(client, issues):
    response = client.get("/nieuwsbrief/februari/")
    assert response.status_code == 200
    html = text(response)
    assert html.count("<h1") == 1 and "Nieuwsbrief februari</h1>" in html
    assert "Korte dagen, veel kennis." in html
    assert ">Algemeen</h2>" in html and ">Alleen voor A</h2>" in html  # all sections
    assert "Bewegen in de wijk" in html and "Voor thema A." in html
    assert "Verstuurd op" in html and "12 februari 2026" in html
    assert "/nieuwsbrief/afmelden/" not in html and "/nieuwsbrief/voorkeuren/" not in html
    assert "Beste" not in html and "lezer," not in html and "\ue000" not in html
    assert f'href="{SIGN_UP}"' in html
    assert 'href="/nieuwsbrief/archief/"' in html
    assert 'href="/nieuwsbrief/januari/" rel="prev"' in html  # the issue before it
    assert 'rel="next"' not in html.split("</main>")[0]  # none after it yet
    assert "<script>" not in html and " style=" not in html  # the site's strict CSP


def test_the_archive_lists_only_sent_issues_newest_first(client, issues):
    for path in (ARCHIVE, "/nieuwsbrief/"):
        response = client.get(path)
        assert response.status_code == 200
        html = text(response)
        assert html.count("<h1") == 1 and "Archief van de nieuwsbrief</h1>" in html
        assert "2 nieuwsbrieven" in html
        february = html.index('href="/nieuwsbrief/februari/"')
        january = html.index('href="/nieuwsbrief/januari/"')
        assert february < january
        assert "Korte dagen, veel kennis." in html and "15 januari 2026" in html
        for other in ("maart", "april", "mei"):
            assert f"/nieuwsbrief/{other}/" not in html
        assert (
            f'<link rel="alternate" type="application/rss+xml" '
            f'title="Nieuwsbrief van het Kennislab (RSS)" href="{FEED}">'
        ) in html
        assert f'<a href="{FEED}">' in html  # visible too
        assert f'<link rel="canonical" href="http://testserver{ARCHIVE}">' in html
        assert f'href="{SIGN_UP}"' in html


def test_the_archive_pages(client, issues, monkeypatch):
    monkeypatch.setattr(archive, "ARCHIVE_PER_PAGE", 1)
    first = text(client.get(ARCHIVE))
    assert "/nieuwsbrief/februari/" in first and "/nieuwsbrief/januari/" not in first
    assert 'href="?pagina=2" rel="next"' in first
    second = text(client.get(ARCHIVE + "?pagina=2"))
    assert "/nieuwsbrief/januari/" in second and "/nieuwsbrief/februari/" not in second
    assert "(pagina 2)" in second


def test_an_empty_archive(client, themes):
    newsletter_index()
    html = text(client.get(ARCHIVE))
    assert "Er is nog geen nieuwsbrief verstuurd." in html


def test_the_feed(client, issues):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    rss = ET.fromstring(response.content)  # noqa: S314 — our own feed
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("link") == "http://testserver" + ARCHIVE
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Kennislab in februari",
        "Kennislab in januari",
    ]
    february = items[0]
    assert february.findtext("link") == "http://testserver/nieuwsbrief/februari/"
    assert february.findtext("description") == "Korte dagen, veel kennis."
    assert parsedate_to_datetime(february.findtext("pubDate")) == FEBRUARY
    assert "afmelden" not in response.content.decode()


def test_the_sign_up_page_shows_the_latest_sent_issue(client, issues):
    html = text(client.get(SIGN_UP))
    assert 'href="/nieuwsbrief/februari/"' in html
    assert "Bekijk de laatste nieuwsbrief: Nieuwsbrief februari" in html
    assert "/nieuwsbrief/maart/" not in html  # scheduled, not sent


def test_no_example_before_the_first_issue(client, themes):
    build_issue("concept", [section("Algemeen", cta("Doe mee", action="newsletter"))],
                status=Sending.Status.SCHEDULED)  # fmt: skip
    html = text(client.get(SIGN_UP))
    assert "Bekijk de laatste nieuwsbrief" not in html
    assert "/nieuwsbrief/concept/" not in html
