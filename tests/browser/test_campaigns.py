"""The agenda, event pages and the registration form in the browser, at 375 px and 1280 px
(Dutch, one h1, no serious or critical axe violation, no sideways scrolling, no console error):
the agenda with filters, a full event, the form empty and with errors, the confirmation and the
cancelled state, watching a past webinar back; and registering by keyboard alone. After signing
up the browser lands on the neutral answer page; the private page is opened with the link from
the e-mail (read from the outbox).

Demo events: `webinar-eenzaamheid-in-de-wijk` is full (3 places, 2 waiting),
`werkplaats-gezonde-schoolpleinen` has room, `webinar-positieve-gezondheid-in-de-praktijk` is
past with materials. The registration form takes 20 posts an hour per address; this file
posts it 3 times."""

import re

import pytest

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
FULL = "webinar-eenzaamheid-in-de-wijk"
ROOM = "werkplaats-gezonde-schoolpleinen"
PAST = "webinar-positieve-gezondheid-in-de-praktijk"
PAGES = {
    "agenda": "/agenda/",
    "agenda-gefilterd": "/agenda/?soort=webinar&soort=workshop&vorm=online",
    "evenement-vol": f"/agenda/{FULL}/",
    "evenement-met-plaats": f"/agenda/{ROOM}/",
    "aanmelden-leeg": f"/agenda/{ROOM}/aanmelden/",
    "terugkijken-formulier": f"/agenda/{PAST}/terugkijken/",
}
REGISTRATION_URL = re.compile(r"/agenda/aanmelding/[^/]+/$")
ANSWER_URL = re.compile(r"/agenda/[^/]+/aangemeld/$")
PRIVATE_LINK = (
    "import re; from kennislab.core.models import OutgoingEmail; "
    "body = OutgoingEmail.objects.filter(to={email!r}).order_by('pk').last().body; "
    "print(re.search(r'/agenda/aanmelding/[^/\\s]+/', body).group(0))"
)


def private_link(email: str) -> str:
    """The path of the private page in the latest e-mail to `email`."""
    return manage("shell", "-c", PRIVATE_LINK.format(email=email)).strip().splitlines()[-1]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_agenda_page_is_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


def test_agenda_filters_combine(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/agenda/")
    total = page.locator(".card-list > li").count()
    assert total >= 3
    page.check("#filter-vorm-1")  # online
    with page.expect_navigation():
        page.get_by_role("button", name="Toepassen").click()
    online = page.locator(".card-list > li").count()
    assert 0 < online < total
    assert page.is_checked("#filter-vorm-1")
    assert page.locator(".listing__count").inner_text().startswith(f"{online} activiteit")


def test_full_event_offers_the_waiting_list(site_url, page_at):
    page = page_at(1280)
    page.goto(f"{site_url}/agenda/{FULL}/")
    assert page.locator(".availability").first.inner_text() == "vol – wachtlijst"
    with page.expect_navigation():
        page.get_by_role("link", name="Aanmelden voor de wachtlijst").click()
    page.fill("#id_name", "Wachtende Tester")
    email = unique_email("wachtende")
    page.fill("#id_email", email)
    page.check("#id_consent")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Aanmelden").click()
    assert navigation.value.status == 200
    assert ANSWER_URL.search(page.url)
    assert "wachtlijst" in page.locator("main").inner_text()
    check_page(page, "aangemeld-vol")
    page.goto(site_url + private_link(email))
    assert REGISTRATION_URL.search(page.url)
    assert re.fullmatch(r"Op de wachtlijst, plaats \d+", page.locator("#status-titel").inner_text())
    check_page(page, "aanmelding-wachtlijst")


def test_form_errors_then_register_and_cancel(site_url, page_at):
    page = page_at(1280)
    page.goto(f"{site_url}/agenda/{ROOM}/aanmelden/")
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 2
        page.get_by_role("button", name="Aanmelden").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul je naam in." in summary and "geldig e-mailadres" in summary
    check_page(page, "aanmelden-fouten")

    page.fill("#id_name", "Toetsenbord Tester")
    email = unique_email("tester")
    page.fill("#id_email", email)
    page.check("#id_consent")
    with page.expect_navigation():  # POST 3
        page.get_by_role("button", name="Aanmelden").click()
    assert ANSWER_URL.search(page.url)
    page.console_errors.clear()  # the 400 before
    check_page(page, "aangemeld")
    page.goto(site_url + private_link(email))
    assert page.locator("#status-titel").inner_text() == "Je bent aangemeld"
    check_page(page, "aanmelding-bevestigd")

    page.check("#afmelden")
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    assert page.locator("#status-titel").inner_text() == "Afgemeld"
    check_page(page, "aanmelding-afgemeld")


def test_register_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(f"{site_url}/agenda/{ROOM}/aanmelden/")
    focused = {"inForm": False}
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "name"
    order = []
    values = {"name": "Kees Toets", "email": unique_email("kees")}
    while focused["tag"] != "button":
        order.append(focused["name"])
        if focused["name"] in values:
            page.keyboard.type(values[focused["name"]])
        if focused["name"] == "consent":
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
    # the workshop asks for dietary and accessibility needs
    assert order == [
        "name", "email", "organisation", "dietary", "access_needs", "consent", "privacy"]  # fmt: skip
    assert focused["text"] == "Aanmelden"
    assert page.is_checked("#id_consent")


def test_past_webinar_after_sign_up(site_url, page_at):
    page = page_at(375)
    page.goto(f"{site_url}/agenda/{PAST}/terugkijken/")
    page.fill("#id_email", unique_email("kijker"))
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Bekijken").click()
    assert "Fragment 1" in page.locator("main").inner_text()
    check_page(page, "terugkijken-open")
