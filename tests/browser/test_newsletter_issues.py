"""The newsletter's archive and the web version of an issue in the browser at 375 px and 1280 px
(Dutch, one h1, no serious or critical axe violation, no sideways scrolling, no console error:
nothing the Content-Security-Policy blocks), and the RSS feed the archive advertises.

The demo has two sent issues and a draft; the issue is found by following the archive's first
link, as a visitor would."""

import xml.etree.ElementTree as ET

import pytest

from tests.browser.test_vouchers import check_page

pytestmark = pytest.mark.browser

ARCHIVE = "/nieuwsbrief/archief/"
FEED = "/nieuwsbrief/archief/feed/"
ISSUE_LINKS = "main .card-list .card__link"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_archive(site_url, page_at, width):
    page = page_at(width)
    assert page.goto(site_url + ARCHIVE).status == 200
    assert page.locator(ISSUE_LINKS).count() >= 2  # the demo's sent issues, not its draft
    feed = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    assert feed.get_attribute("href") == FEED
    assert page.locator(f'main a[href="{FEED}"]').count() == 1
    check_page(page, "nieuwsbrief-archief", widths=[width])


@pytest.mark.parametrize("width", [375, 1280])
def test_the_web_version_of_an_issue(site_url, page_at, width):
    page = page_at(width)
    page.goto(site_url + ARCHIVE)
    first = page.locator(ISSUE_LINKS).first
    title = first.inner_text()
    with page.expect_navigation() as navigation:
        first.click()
    assert navigation.value.status == 200
    assert page.locator("h1").inner_text() == title
    assert page.locator("main h2").count() >= 2  # its sections
    main = page.locator("main")
    assert main.locator('a[href*="/nieuwsbrief/afmelden/"]').count() == 0
    assert main.locator('a[href*="/nieuwsbrief/voorkeuren/"]').count() == 0
    assert "Beste " not in main.inner_text()
    assert main.locator('a[href="/nieuwsbrief/aanmelden/"]').count() >= 1
    check_page(page, "nieuwsbrief-editie", widths=[width])


def test_the_feed(site_url, page_at):
    page = page_at(1280)
    response = page.request.get(site_url + FEED)
    assert response.status == 200
    assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.body()).find("channel")  # noqa: S314 — our own feed
    links = [item.findtext("link") for item in channel.findall("item")]
    assert len(links) >= 2 and all(link.startswith(site_url + "/nieuwsbrief/") for link in links)
    assert page.goto(links[0]).status == 200
