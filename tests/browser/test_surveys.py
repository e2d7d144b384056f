"""The demo survey in the browser at 375 px and 1280 px (Dutch, one h1, no serious or critical
axe violation, no sideways scrolling, no console error): the empty form, the form with errors,
the thank-you page and the "already answered" page; and the whole form by keyboard alone.

Demo: `/vragenlijst-preventie-in-je-gemeente/`, open now. The form takes 60 posts an hour per
address; this file posts it 3 times. Each test uses its own browser context, so its own cookies."""

import pytest

from tests.browser.test_vouchers import FOCUSED, check_page

pytestmark = pytest.mark.browser

SURVEY = "/vragenlijst-preventie-in-je-gemeente/"
SUBMIT = "Antwoorden versturen"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_empty_form_is_accessible(site_url, page_at, width):
    page = page_at(width)
    response = page.goto(site_url + SURVEY)
    assert response.status == 200
    assert page.locator("fieldset legend").count() >= 3
    check_page(page, "vragenlijst-leeg", widths=[width])


def test_errors_then_thanks_then_already_answered(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SURVEY)
    with page.expect_navigation() as navigation:  # POST 1: nothing filled in
        page.get_by_role("button", name=SUBMIT).click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Kies minstens één antwoord" in summary and "Kies een antwoord bij" in summary
    check_page(page, "vragenlijst-fouten")

    page.locator("[data-error-summary] a").first.click()
    assert page.evaluate(FOCUSED)["name"].startswith("welke")
    page.get_by_label("Eenzaamheid").check()
    page.get_by_label("Armoede").check()
    page.get_by_label("4 – Urgent", exact=True).check()
    page.get_by_label("GGD", exact=True).check()
    page.select_option("#id_region", "gelderland")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name=SUBMIT).click()
    assert "bedankt=1" in page.url
    assert "Bedankt, je antwoorden zijn opgeslagen" in page.locator("main").inner_text()
    page.console_errors.clear()  # the 400 before
    check_page(page, "vragenlijst-bedankt")

    page.goto(site_url + SURVEY)
    assert "Je hebt deze vragenlijst al ingevuld" in page.locator("main").inner_text()
    assert page.get_by_role("button", name=SUBMIT).count() == 0
    check_page(page, "vragenlijst-al-ingevuld")
    page.get_by_role("link", name="Vul de vragenlijst in als iemand anders").click()
    assert page.get_by_role("button", name=SUBMIT).count() == 1


def test_the_form_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SURVEY)
    focused = {"inForm": False}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["type"] == "checkbox"
    order = []
    while focused["tag"] != "button":
        name = focused["name"]
        order.append(name)
        if focused["type"] == "checkbox" and len([n for n in order if n == name]) <= 2:
            page.keyboard.press("Space")  # the first two themes
        if focused["type"] == "radio":
            page.keyboard.press("ArrowDown")  # moves to and chooses the second answer
        if focused["tag"] == "textarea":
            page.keyboard.type("Graag een vervolgbijeenkomst.")
        if focused["tag"] == "select":
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
    assert order[-1] == "region"
    assert "website" not in order
    assert focused["text"] == SUBMIT
    with page.expect_navigation():  # POST 3
        page.keyboard.press("Enter")
    assert "bedankt=1" in page.url
    assert "Bedankt, je antwoorden zijn opgeslagen" in page.locator("main").inner_text()
