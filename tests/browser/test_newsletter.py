"""The newsletter in the browser at 375 px and 1280 px (Dutch, one h1, no serious or critical axe
violation, no sideways scrolling, no console error): the sign-up form empty, with errors and the
neutral confirmation, the confirm step and the preferences page of the private link, the
unsubscribe page before and after; and signing up by keyboard alone.

A subscriber's private link comes from the site's database through manage.py. The sign-up form
takes 20 posts an hour per address; this file posts it 3 times."""

import pytest

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

SIGN_UP = "/nieuwsbrief/aanmelden/"
# A pending sign-up with a known private link (the demo's links are not kept).
PRIVATE_LINK = (
    "import uuid; from kennislab.newsletter import services; "
    "from kennislab.content.models import Theme; "
    "signed = services.sign_up({'email': f'browser.{uuid.uuid4().hex[:8]}@example.org', "
    "'name': 'Browser Tester', 'themes': list(Theme.objects.all()[:1])}, 'Toestemming (test).'); "
    "print(signed.token, signed.subscriber.unsubscribe_key)"
)


def shell(code: str) -> str:
    """The last line printed by `manage.py shell -c` (Django first reports its auto-imports)."""
    return manage("shell", "-c", code).strip().splitlines()[-1]


@pytest.fixture(scope="module")
def private(site_url):
    token, key = shell(PRIVATE_LINK).split()
    return {
        "page": f"/nieuwsbrief/voorkeuren/{token}/",
        "unsubscribe": f"/nieuwsbrief/afmelden/{key}/",
    }


@pytest.mark.parametrize("width", [375, 1280])
def test_the_empty_form(site_url, page_at, width):
    page = page_at(width)
    assert page.goto(site_url + SIGN_UP).status == 200
    assert page.locator("input[name=themes]").count() >= 1
    check_page(page, "nieuwsbrief-leeg", widths=[width])


def test_errors_then_the_neutral_confirmation(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SIGN_UP)
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Aanmelden").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul een geldig e-mailadres in" in summary and "Geef toestemming" in summary
    check_page(page, "nieuwsbrief-fouten")

    page.fill("#id_email", unique_email("hersteld"))
    page.check("#id_themes_0")
    page.check("#id_consent")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Aanmelden").click()
    assert page.url.endswith("/nieuwsbrief/aangemeld/")
    assert page.locator("h1").inner_text() == "Kijk in je mailbox"
    page.console_errors.clear()  # the 400 before
    check_page(page, "nieuwsbrief-aangemeld")


def test_confirm_then_preferences(site_url, page_at, private):
    page = page_at(1280)
    response = page.goto(site_url + private["page"])
    assert response.status == 200
    assert response.headers["cache-control"] == "private, no-store"
    assert page.locator("h1").inner_text() == "Bevestig je aanmelding"
    check_page(page, "nieuwsbrief-bevestigen")
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, meld mij aan").click()
    assert "Je aanmelding is bevestigd." in page.locator("main").inner_text()
    check_page(page, "nieuwsbrief-voorkeuren")
    page.fill("#id_name", "Browser Tester Twee")
    with page.expect_navigation():
        page.get_by_role("button", name="Voorkeuren opslaan").click()
    assert "Je voorkeuren zijn opgeslagen." in page.locator("main").inner_text()
    check_page(page, "nieuwsbrief-voorkeuren-opgeslagen", widths=[375])


def test_the_unsubscribe_page(site_url, page_at, private):
    page = page_at(375)
    assert page.goto(site_url + private["unsubscribe"]).status == 200
    check_page(page, "nieuwsbrief-afmelden")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Afmelden voor de nieuwsbrief").click()
    assert "Je bent afgemeld." in page.locator("main").inner_text()
    check_page(page, "nieuwsbrief-afgemeld")


def test_sign_up_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SIGN_UP)
    focused = {"inForm": False}
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "email"
    order = []
    values = {"email": unique_email("toets"), "name": "Kees Toets"}
    while focused["tag"] != "button":
        order.append(focused["name"])
        if focused["name"] in values:
            page.keyboard.type(values[focused["name"]])
        if focused["name"] == "consent" or (
            focused["name"] == "themes" and order.count("themes") == 1
        ):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
    assert order[:2] == ["email", "name"] and order[-2:] == ["consent", "privacy"]
    assert set(order[2:-2]) == {"themes"}  # every theme is a check box of its own
    assert "website" not in order  # the spam trap is skipped
    assert focused["text"] == "Aanmelden"
    assert page.is_checked("#id_themes_0") and page.is_checked("#id_consent")
    with page.expect_navigation():  # POST 3
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Kijk in je mailbox"
