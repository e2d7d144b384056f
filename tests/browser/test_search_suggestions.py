"""The search box suggestions (header and home page) at 375 px and 1280 px: an ARIA 1.2
combobox whose listbox lists titles with their type; arrow keys and Enter open the chosen page,
Escape closes, a click chooses, focus stays in the box, a live region counts the suggestions;
no serious or critical axe violation with the list open; without JavaScript a plain search."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages import blocking_violations

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]


def suggestions_for(page, site_url, query):
    response = page.request.get(f"{site_url}/zoeken/suggesties/?q={quote(query)}")
    assert response.ok
    return response.json()["suggestions"]


def listbox_of(page, box):
    controls = box.get_attribute("aria-controls")
    assert controls, "the box is no combobox"
    return page.locator(f"#{controls}")


def no_sideways_scrolling(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", WIDTHS)
def test_typing_lists_pages_and_arrow_down_enter_opens_one(site_url, page_at, width):
    page = page_at(width)
    page.goto(site_url + "/")
    box = page.locator("#header-zoekterm")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-autocomplete") == "list"
    listbox = listbox_of(page, box)
    assert listbox.get_attribute("role") == "listbox"
    assert listbox.get_attribute("aria-label") == "Suggesties"
    expected = suggestions_for(page, site_url, "moestuin")
    assert expected and expected[0]["kind"] == "page"

    box.click()
    box.press_sequentially("moestuin", delay=20)
    options = listbox.locator("[role=option]")
    expect(options).to_have_count(len(expected))
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = options.first
    expect(first).to_contain_text(expected[0]["title"])
    expect(first).to_contain_text(expected[0]["type"])
    status = page.locator(f"#{listbox.get_attribute('id')}-status")
    assert status.get_attribute("role") == "status"
    expect(status).to_have_text(re.compile(rf"^{len(expected)} suggesties?\."))

    box.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "header-zoekterm"  # focus stays
    assert blocking_violations(page) == []  # with the listbox open
    assert no_sideways_scrolling(page)

    with page.expect_navigation():
        box.press("Enter")
    assert page.url == site_url + expected[0]["url"]
    assert page.console_errors == []  # no Content-Security-Policy violation


@pytest.mark.parametrize("width", WIDTHS)
def test_an_abbreviation_suggests_its_expansion_and_escape_closes(site_url, page_at, width):
    page = page_at(width)
    page.goto(site_url + "/")
    box = page.locator("#zoekterm-home")
    listbox = listbox_of(page, box)
    box.click()
    box.press_sequentially("ggd", delay=20)
    first = listbox.locator("[role=option]").first
    expect(first).to_contain_text("GGD — Gemeentelijke gezondheidsdienst")
    expect(first).to_contain_text("Afkorting")
    assert blocking_violations(page) == []

    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.input_value() == "ggd"  # Escape closes the list, the text stays
    assert box.get_attribute("aria-activedescendant") is None

    box.press("ArrowDown")  # opens the list again on the first option
    expect(first).to_have_attribute("aria-selected", "true")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == site_url + "/zoeken/?q=GGD"
    marks = {mark.lower() for mark in page.locator(".search-result mark").all_inner_texts()}
    assert marks and marks <= {"ggd", "gemeentelijke gezondheidsdienst"}  # not "gemeenten"


def test_a_click_chooses_and_an_empty_box_shows_popular_topics(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/")
    box = page.locator("#zoekterm-home")
    listbox = listbox_of(page, box)
    box.focus()
    options = listbox.locator("[role=option]")
    expect(options.first).to_be_visible()  # an empty box: popular topics or the themes
    types = set(options.locator(".suggest-list__type").all_inner_texts())
    assert types and types <= {"Veel gezocht", "Thema"}

    box.press_sequentially("groene s", delay=20)
    expected = suggestions_for(page, site_url, "groene s")
    assert len(expected) >= 2
    expect(options).to_have_count(len(expected))
    expect(options.nth(1)).to_contain_text(expected[1]["title"])
    with page.expect_navigation():
        options.nth(1).click()
    assert page.url == site_url + expected[1]["url"]


@pytest.mark.parametrize("box_id", ["header-zoekterm", "zoekterm-home"])
def test_without_javascript_the_box_is_a_plain_search_form(site_url, browser, box_id):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(site_url + "/")
    box = page.locator(f"#{box_id}")
    assert box.get_attribute("role") is None  # no combobox promises without its behaviour
    assert page.locator("[role=listbox]").count() == 0
    box.fill("ggd")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == site_url + "/zoeken/?q=ggd"
    assert page.locator(".search-result").count() >= 1
    context.close()
