"""The question and interest forms in the browser at 375 px and 1280 px (Dutch, one h1, no
serious or critical axe violation, no sideways scrolling, no console error): each form empty,
with errors and after sending; and the question form by keyboard alone.

Demo: the Health Transformation Community (open). Each form takes 20 posts an hour per address;
this file posts the question form 3 times and the interest form twice."""

import re

import pytest

from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

ASK = "/vragen/stel-je-vraag/"
INTEREST = "/vragen/interesse/health-transformation-community/"


@pytest.mark.parametrize("url", [ASK, ASK + "?thema=leefstijl", INTEREST])
def test_empty_forms_are_accessible(site_url, page_at, url):
    page = page_at(1280)
    response = page.goto(site_url + url)
    assert response.status == 200
    check_page(page, url)


def test_question_with_errors_then_sent(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + ASK + "?thema=leefstijl")
    assert page.input_value("#id_theme") == "leefstijl"
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Vraag versturen").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul je naam in." in summary and "Schrijf je vraag." in summary
    check_page(page, "vraag-fouten")
    page.console_errors.clear()
    page.fill("#id_name", "Toets Vrager (verzonnen)")
    page.fill("#id_email", unique_email("vrager"))
    page.fill("#id_question", "Hoe begin ik met leefstijl in de wijk?")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag versturen").click()
    assert page.url.endswith("/vragen/stel-je-vraag/verstuurd/")
    assert "Toets Vrager" not in page.locator("main").inner_text()
    check_page(page, "vraag-verstuurd")


def test_interest_with_errors_then_sent(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + INTEREST)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Interesse versturen").click()
    assert navigation.value.status == 400
    assert "Vul de naam van je organisatie in." in page.locator("[data-error-summary]").inner_text()
    check_page(page, "interesse-fouten")
    page.console_errors.clear()
    page.fill("#id_name", "Toets Deelnemer")
    page.fill("#id_email", unique_email("deelnemer"))
    page.fill("#id_organisation", "Gemeente Toetsdorp (verzonnen)")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Interesse versturen").click()
    assert re.search(r"/aangemeld/$", page.url)
    check_page(page, "interesse-aangemeld")


def test_question_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + ASK)
    focused = {"inForm": False}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "name"
    values = {"name": "Kees Toets", "email": unique_email("kees"),
              "question": "Een vraag met alleen het toetsenbord."}  # fmt: skip
    order = []
    while focused["tag"] != "button":
        order.append(focused["name"])
        if focused["name"] in values:
            page.keyboard.type(values[focused["name"]])
        if focused["name"] == "theme":
            page.keyboard.press("ArrowDown")  # the first theme
        if focused["name"] == "consent":
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
    assert order == ["name", "email", "organisation", "phone", "theme", "question", "consent",
                     "privacy"]  # fmt: skip
    assert focused["text"] == "Vraag versturen"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/vragen/stel-je-vraag/verstuurd/")


@pytest.mark.parametrize("url", [ASK, "/netwerk/praktijkverhaal/"])
def test_the_readability_check_is_accessible(site_url, page_at, url):
    """ "Controleer leesbaarheid" on the question and the practice story form: the report beside
    what was typed, at every width, nothing sent."""
    page = page_at(1280)
    page.goto(site_url + url)
    field = "#id_question" if url == ASK else "#id_what_was_done"
    page.fill(field, "Teneinde de participatie van inwoners te bevorderen hebben wij middels een "
                     "integrale aanpak met maatschappelijke partners een voorziening gerealiseerd. "
                     "Wij willen weten hoe andere gemeenten dit doen en wat zij ervan leerden.")  # fmt: skip
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Controleer leesbaarheid").click()
    assert navigation.value.status == 200
    report = page.locator("#leesbaarheid")
    assert "taalniveau B1" in report.inner_text() and "‘middels’" in report.inner_text()
    assert not page.title().startswith("Fout:")
    check_page(page, f"leesbaarheid {url}")
