"""Phone first: every public page of the demo site (crawled from the home page) at 375 px — no
sideways scrolling, a header of at most 150 px, the menu behind a "Menu" button that works by
keyboard and without JavaScript — and listings whose filters sit behind "Filters (n)" with the
count above them, so that the first result is on the first screen."""

import re
from urllib.parse import urljoin, urlparse

import pytest

from tests.browser.test_pages import blocking_violations

pytestmark = pytest.mark.browser

PHONE = 375
SKIP = re.compile(r"^/(admin|django-admin|api|static|media|documenten)/|\.(ics|svg|xml|json|pdf)$")
MAX_PAGES = 250
LISTINGS = {
    "kennislab": ("/kennislab/", ".listing__results li"),
    "pledgemuur": ("/netwerk/pledges/", ".listing__results li"),
    "zoeken": ("/zoeken/?q=gezondheid", ".search-result"),
    "agenda": ("/agenda/", ".listing__results li"),
}


def crawl(page, site_url):
    """Every page reachable from the home page by links (query strings only for the first
    pages, so that filters and paging do not multiply the walk)."""
    seen, queue = set(), ["/"]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(site_url + path)
        if response is not None and "html" not in response.headers.get("content-type", ""):
            continue  # a feed, a calendar file, a download: not a page to lay out
        yield path, response
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            url = urlparse(urljoin(site_url + path, href))
            if url.netloc != urlparse(site_url).netloc or SKIP.search(url.path):
                continue
            target = url.path + (f"?{url.query}" if url.query and len(seen) < 60 else "")
            if target not in seen:
                queue.append(target)


def test_no_public_page_scrolls_sideways_on_a_phone(site_url, page_at):
    page = page_at(PHONE)
    checked, problems = 0, []
    for path, response in crawl(page, site_url):
        checked += 1
        if response is None or response.status >= 500:
            problems.append(f"{path}: {response.status if response else 'no answer'}")
            continue
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{path} scrolls sideways by {overflow}px")
        header = page.evaluate("document.querySelector('.site-header').offsetHeight")
        if header > 150:
            problems.append(f"{path}: the header is {header}px high")
    assert checked >= 60, checked  # the walk reached the demo's pages
    assert problems == [], problems


@pytest.mark.parametrize("name", list(LISTINGS))
def test_the_first_result_is_on_the_first_screen(site_url, page_at, name):
    path, result = LISTINGS[name]
    page = page_at(PHONE)
    page.goto(site_url + path)
    toggle = page.locator("[data-filter-panel] > summary")
    assert re.match(r"Filters( \(\d+\))?$", toggle.inner_text().strip())
    assert page.locator("[data-filter-panel]").get_attribute("open") is None  # closed on a phone
    count = page.locator(".listing__count, .results__count").first.bounding_box()
    assert count["y"] < toggle.bounding_box()["y"]  # the count above the filters
    first = page.locator(result).first.bounding_box()
    assert first is not None and first["y"] < 800, f"{name}: first result at {first}"
    toggle.click()
    assert page.locator("[data-filter-panel]").get_attribute("open") is not None
    assert blocking_violations(page) == []


def test_filters_stand_open_beside_the_results_on_a_wide_screen(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/kennislab/")
    assert page.locator("[data-filter-panel]").get_attribute("open") is not None


def test_the_menu_by_keyboard(site_url, page_at):
    page = page_at(PHONE)
    page.goto(site_url + "/")
    menu = page.locator("#hoofdmenu")
    assert not menu.is_visible()
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    assert blocking_violations(page) == []  # with the menu open
    # Focus follows what the eye sees: the search row below "Menu", then the opened menu.
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                "document.activeElement.closest('#hoofdmenu') ? 'menu' : document.activeElement.type"
            )
        )
    assert stops == ["search", "submit", "menu"], stops
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"


def test_the_menu_without_javascript(site_url, browser):
    context = browser.new_context(viewport={"width": PHONE, "height": 800}, locale="nl-NL",
                                  java_script_enabled=False)  # fmt: skip
    page = context.new_page()
    page.goto(site_url + "/")
    assert not page.locator("#hoofdmenu").is_visible()
    page.get_by_role("link", name="Menu").click()
    assert page.url.endswith("#hoofdmenu")
    assert page.locator("#hoofdmenu").is_visible()
    assert page.locator("#hoofdmenu a").count() >= 5
    context.close()


def test_on_a_wide_screen_the_menu_is_always_there(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/")
    assert page.locator("#hoofdmenu").is_visible()
    assert not page.locator(".menu-toggle").is_visible()
