"""Pledges and practice stories in the browser, at 375 px and 1280 px (Dutch, one h1, no serious
or critical axe violation, no sideways scrolling, no console error): the pledge form empty, with
errors and its confirmation (the signer's private page), the pledge wall (also filtered), a
pledge's page, the story form empty, with errors and its confirmation, and the pledge form by
keyboard alone.

Demo: three approved pledges (kennislab/network/demo.py). The pledge form takes 20 posts an hour
per address and the story form 10; this file posts each at most 3 times."""

import re

import pytest

from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
WALL = "/netwerk/pledges/"
SIGN = "/netwerk/pledges/tekenen/"
STORY = "/netwerk/praktijkverhaal/"
PAGES = {
    "pledge-tekenen": SIGN,
    "pledgemuur": WALL,
    "pledgemuur-gefilterd": WALL + "?thema=leefstijl&regio=gelderland&regio=utrecht",
    "pledge": WALL + "gemeente-lindeloo-verzonnen/",
    "praktijkverhaal": STORY,
    "pledge-nieuwe-link": "/netwerk/pledges/link/",
    "kaart": "/netwerk/kaart/",
    "kaart-provincie": "/netwerk/kaart/?soort=vouchers&provincie=utrecht",
}
PRIVATE_URL = re.compile(r"/netwerk/pledges/link/[^/]+/(\?.*)?$")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_network_page_is_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


def test_the_wall_filters_and_a_pledge_page(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + WALL)
    total = page.locator(".card-list > li").count()
    assert total >= 3
    page.get_by_label("Gelderland").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toepassen").click()
    assert 0 < page.locator(".card-list > li").count() < total
    with page.expect_navigation():
        page.locator(".card-list .card__link").first.click()
    assert "/netwerk/pledges/gemeente-lindeloo" in page.url
    assert page.get_by_role("heading", name="Voortgang en daden", exact=True).count() == 1
    check_page(page, "pledge-na-filter")


def test_sign_with_errors_then_valid(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SIGN)
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Pledge tekenen").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul de naam van je organisatie in." in summary and "geldig e-mailadres" in summary
    check_page(page, "pledge-tekenen-fouten")

    page.fill("#id_organisation", "Gemeente Browserdorp (verzonnen)")
    page.fill("#id_contact_name", "Ria Test")
    page.fill("#id_email", unique_email("ria"))
    page.select_option("#id_province", "drenthe")
    page.get_by_label("Leefstijl").check()
    page.fill("#id_commitments", "Wij zorgen voor een gezonde kantine op elke school.")
    page.check("#id_consent")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Pledge tekenen").click()
    assert PRIVATE_URL.search(page.url)
    assert page.locator("#status-titel").inner_text() == "Dank je wel, je pledge is ontvangen"
    page.console_errors.clear()  # the 400 before
    check_page(page, "pledge-bevestiging")


def test_sign_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SIGN)
    focused = {"inForm": False}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "organisation"
    values = {"organisation": "Toets BV (verzonnen)", "contact_name": "Kees Toets",
              "email": unique_email("kees"),
              "commitments": "Elke week een gezonde lunch."}  # fmt: skip
    order = []
    while focused["tag"] != "button":
        order.append(focused["name"])
        if focused["name"] in values:
            page.keyboard.type(values[focused["name"]])
        if focused["name"] == "province":
            page.keyboard.press("ArrowDown")  # the first province
        if focused["name"] == "consent":
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert len(order) < 60, order
    assert order[:5] == ["organisation", "contact_name", "email", "phone", "province"]
    assert (
        order[-2:] == ["consent", "privacy"] and "commitments" in order and "website" not in order
    )
    assert focused["text"] == "Pledge tekenen"
    with page.expect_navigation():  # POST 3
        page.keyboard.press("Enter")
    assert PRIVATE_URL.search(page.url)


def test_story_with_errors_then_valid(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + STORY)
    page.fill("#id_title", "Buurtmoestuin")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Verhaal versturen").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vat je verhaal kort samen." in summary
    check_page(page, "praktijkverhaal-fouten")

    page.fill("#id_summary", "Bewoners kweken samen groente.")
    page.fill("#id_what_was_done", "Een moestuin op een braakliggend veld.")
    page.fill("#id_what_worked", "Vaste tuindagen.")
    page.fill("#id_lessons", "Begin klein.")
    page.fill("#id_contact_name", "Sam Test")
    page.fill("#id_email", unique_email("sam"))
    page.fill("#id_organisation", "Buurtinitiatief Test (verzonnen)")
    page.check("#id_consent")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Verhaal versturen").click()
    assert page.url.endswith("/netwerk/praktijkverhaal/verstuurd/")
    page.console_errors.clear()
    check_page(page, "praktijkverhaal-bevestiging")
