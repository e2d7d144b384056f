"""The regional relay campaign in the browser, at 375 px and 1280 px (Dutch, one h1, no serious
or critical axe violation, no sideways scrolling, no console error): the campaign page with its
filters, a published activity, the registration form empty and with errors, the organiser's
private page after registering with only the required fields, completing it there, and the
registration form by keyboard alone.

Demo: `slimme-zorg-estafette`, the 2021 regions in the coming February, registration open.
The registration form takes 20 posts an hour per address; this file posts it 3 times."""

import re

import pytest

from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
CAMPAIGN = "/slimme-zorg-estafette/"
REGISTER = "/campagnes/slimme-zorg-estafette/aanmelden/"
PAGES = {
    "campagne": CAMPAIGN,
    "campagne-gefilterd": CAMPAIGN + "?regio=oost&regio=noord&vorm=op-locatie",
    "activiteit-aanmelden": REGISTER,
}
PRIVATE_URL = re.compile(r"/campagnes/activiteit/[^/]+/(\?.*)?$")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_campaign_page_is_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


def test_filters_and_a_published_activity(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + CAMPAIGN)
    total = page.locator(".card-list > li").count()
    assert total >= 5
    page.check("#filter-regio-1")  # oost
    with page.expect_navigation():
        page.get_by_role("button", name="Toepassen").click()
    oost = page.locator(".card-list > li").count()
    assert 0 < oost < total
    assert page.locator("#regio-oost").count() == 1 and page.locator("#regio-zuid").count() == 0
    with page.expect_navigation():
        page.locator(".card-list .card__link").first.click()
    assert "/campagnes/slimme-zorg-estafette/activiteit/" in page.url
    assert page.get_by_role("link", name="Zet in je agenda (.ics)").count() == 1
    check_page(page, "activiteit")


def test_register_with_errors_then_the_minimum_then_complete(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + REGISTER)
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Activiteit aanmelden").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul de naam van je organisatie in." in summary and "geldig e-mailadres" in summary
    check_page(page, "activiteit-aanmelden-fouten")

    page.fill("#id_organiser", "Buurtzorg Testdorp (verzonnen)")
    page.fill("#id_contact_name", "Ria Test")
    page.fill("#id_email", unique_email("ria"))
    page.fill("#id_title", "Proefmiddag slimme zorg")
    page.select_option("#id_province", "drenthe")
    page.check("#id_consent")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Activiteit aanmelden").click()
    assert PRIVATE_URL.search(page.url)
    assert page.locator("#status-titel").inner_text() == "Dank je wel, je activiteit is aangemeld"
    assert "Nog niet compleet" in page.locator("main").inner_text()
    page.console_errors.clear()  # the 400 before
    check_page(page, "activiteit-prive")

    page.select_option("#id_kind", "workshop")
    page.fill("#id_location", "Dorpshuis De Brink, Testdorp")
    page.fill("#id_description", "Een middag om slimme hulpmiddelen uit te proberen.")
    with page.expect_navigation():  # a POST of the private page (its own limit)
        page.get_by_role("button", name="Wijzigingen opslaan").click()
    assert page.locator(".notice").first.inner_text() == "Je wijzigingen zijn opgeslagen."
    assert page.input_value("#id_location") == "Dorpshuis De Brink, Testdorp"
    check_page(page, "activiteit-prive-opgeslagen")


def test_register_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + REGISTER)
    focused = {"inForm": False}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "organiser"
    values = {"organiser": "Toets BV (verzonnen)", "contact_name": "Kees Toets",
              "email": unique_email("kees"), "title": "Toetsenbordwebinar"}  # fmt: skip
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
    assert order[:6] == ["organiser", "contact_name", "email", "phone", "title", "province"]
    assert order[-2:] == ["consent", "privacy"]
    assert focused["text"] == "Activiteit aanmelden"
    with page.expect_navigation():  # POST 3
        page.keyboard.press("Enter")
    assert PRIVATE_URL.search(page.url)
