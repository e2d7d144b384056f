"""Events people can decide on, in the browser at 375 px and 1280 px (Dutch, one h1, no serious or
critical axe violation, no sideways scrolling, no console error): an event page with programme,
speakers, costs, accessibility and route; a past event ("Afgelopen"); the archive of events to
watch back (also without JavaScript); the registration form with the dietary and accessibility
questions, empty and with its character counter in use.

Demo events: `werkplaats-gezonde-schoolpleinen` (on site, costs, asks both questions) and
`webinar-positieve-gezondheid-in-de-praktijk` (past, with a recording and slides). No form is
sent here (the registration form's rate limit is shared with test_campaigns.py)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages import blocking_violations
from tests.browser.test_vouchers import check_page

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
WORKSHOP = "werkplaats-gezonde-schoolpleinen"
PAST = "webinar-positieve-gezondheid-in-de-praktijk"
PAGES = {
    "evenement-met-programma": f"/agenda/{WORKSHOP}/",
    "evenement-afgelopen": f"/agenda/{PAST}/",
    "terugkijken-archief": "/agenda/terugkijken/",
    "aanmelden-met-vragen": f"/agenda/{WORKSHOP}/aanmelden/",
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_event_pages_are_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


def test_the_event_page_helps_to_decide(site_url, page_at):
    page = page_at(1280)
    page.goto(f"{site_url}/agenda/{WORKSHOP}/")
    main = page.locator("main")
    assert page.get_by_role("heading", name="Programma").is_visible()
    assert page.get_by_role("heading", name="Sprekers").is_visible()
    assert page.locator(".programme__slot").count() >= 3
    assert "€ 25" in main.inner_text()
    assert page.get_by_role("heading", name="Toegankelijkheid en route").is_visible()
    for name in ("Agendabestand (.ics)", "Google Agenda", "Outlook.com"):
        assert page.get_by_role("link", name=name).count() == 1, name
    google = page.get_by_role("link", name="Google Agenda").get_attribute("href")
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert page.get_by_role("link", name="Aanmelden", exact=True).is_visible()


def test_a_past_event_is_afgelopen_and_can_be_watched_back(site_url, page_at):
    page = page_at(375)
    page.goto(f"{site_url}/agenda/{PAST}/")
    assert page.locator(".badge--past").inner_text() == "Afgelopen"
    assert page.get_by_role("link", name="Aanmelden").count() == 0
    assert page.get_by_role("link", name="Google Agenda").count() == 0
    with page.expect_navigation():
        page.get_by_role("link", name="Terugkijken", exact=True).click()
    assert page.url.endswith(f"/agenda/{PAST}/terugkijken/")


def test_the_archive_works_without_javascript(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 900}, locale="nl-NL",
                                  java_script_enabled=False)  # fmt: skip
    try:
        page = context.new_page()
        page.goto(f"{site_url}/agenda/")
        with page.expect_navigation():
            page.get_by_role("link", name="Terugkijken: afgelopen evenementen").click()
        assert page.url.endswith("/agenda/terugkijken/")
        assert page.locator("h1").inner_text() == "Terugkijken"
        cards = page.locator(".card-list .card__link")
        assert cards.count() >= 1
        assert "Positieve Gezondheid in de praktijk" in cards.first.inner_text()
        assert "Opname" in page.locator(".card-list").inner_text()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_registration_form_counts_characters(site_url, page_at, width):
    page = page_at(width)
    page.goto(f"{site_url}/agenda/{WORKSHOP}/aanmelden/")
    counter = page.locator("#id_dietary-teller")
    assert counter.inner_text() == "Hoogstens 500 tekens."  # without typing (or JavaScript)
    page.fill("#id_dietary", "Vegetarisch")
    expect(counter).to_have_text("Nog 489 van 500 tekens over.")  # after a short pause
    assert page.locator("#id_name").get_attribute("autocomplete") == "name"
    assert page.locator("#id_email").get_attribute("autocomplete") == "email"
    assert page.locator("#id_organisation").get_attribute("autocomplete") == "organization"
    assert page.get_by_role("link", name="privacyverklaring").count() >= 1
    assert blocking_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
