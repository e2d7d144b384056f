"""The 30-day challenge in the browser, at 375 px and 1280 px (Dutch, one h1, no serious or
critical axe violation, no sideways scrolling, no console error): the challenge page, the sign-up
form empty and with errors, the neutral confirmation, a team's invitation page, the participant's
private page with the 30-day grid, the unsubscribe page; and signing up by keyboard alone.

The demo edition starts next March with sign-up open (kennislab/challenge/demo.py); its teams
and a participant's private link come from the site's database through manage.py. The sign-up
form takes 20 posts an hour per address; this file posts it 3 times."""

import re

import pytest

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
EDITION = (
    "from django.utils import timezone; from kennislab.challenge import demo; "
    "print(demo.slug_for(demo.edition_start(timezone.localdate()).year))"
)
TEAM_CODE = (
    "from kennislab.challenge.models import Team; "
    "print(Team.objects.get(name='Team Uitgerust').code)"
)
# A participant of the demo edition with a fresh private link (the demo's links are not kept).
PRIVATE_LINK = (
    "import uuid; from kennislab.challenge import services; "
    "from kennislab.challenge.models import ChallengePage; "
    "page = ChallengePage.objects.live().order_by('-starts_on').first(); "
    "signed = services.sign_up(page.pk, {'name': 'Browser Tester', "
    "'email': f'browser.{uuid.uuid4().hex[:8]}@example.org', 'theme': 'sleep', "
    "'goal': 'Om 23 uur naar bed.', 'participation': 'start_team', "
    "'team_name': 'Team Browser'}, 'Toestemming (test).'); "
    "print(signed.token, signed.participant.unsubscribe_key)"
)


def shell(code: str) -> str:
    """The last line printed by `manage.py shell -c` (Django first reports its auto-imports)."""
    return manage("shell", "-c", code).strip().splitlines()[-1]


@pytest.fixture(scope="module")
def slug(site_url):
    return shell(EDITION)


@pytest.fixture(scope="module")
def private(site_url):
    token, key = shell(PRIVATE_LINK).split()
    return {"page": f"/uitdaging/deelname/{token}/", "unsubscribe": f"/uitdaging/afmelden/{key}/"}


@pytest.fixture(scope="module")
def team_code(site_url):
    return shell(TEAM_CODE)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_challenge_page(site_url, page_at, slug, width):
    page = page_at(width)
    response = page.goto(f"{site_url}/{slug}/")
    assert response.status == 200
    assert "no-cache" in response.headers["cache-control"]
    assert page.locator(".figure-list__number").first.inner_text() != "0"
    assert page.get_by_role("link", name="Toolkit voor scholen").count() == 1
    check_page(page, "uitdaging", widths=[width])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_empty_form(site_url, page_at, slug, width):
    page = page_at(width)
    assert page.goto(f"{site_url}/uitdaging/{slug}/aanmelden/").status == 200
    check_page(page, "aanmelden-leeg", widths=[width])


def test_the_team_page(site_url, page_at, slug, team_code):
    page = page_at(1280)
    assert page.goto(f"{site_url}/uitdaging/{slug}/team/{team_code}/").status == 200
    assert page.locator("h1").inner_text() == "Doe mee met team Team Uitgerust"
    assert page.input_value("#id_team_code") == team_code
    assert page.is_checked("#id_participation_2")  # "Ik doe mee met een team"
    check_page(page, "team")


def test_errors_then_the_neutral_confirmation(site_url, page_at, slug):
    page = page_at(1280)
    page.goto(f"{site_url}/uitdaging/{slug}/aanmelden/")
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Aanmelden").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul je naam in." in summary and "Kies een thema." in summary
    assert "Schrijf je persoonlijke doel op." in summary
    check_page(page, "aanmelden-fouten")

    page.fill("#id_name", "Fout Hersteld")
    page.fill("#id_email", unique_email("hersteld"))
    page.check("#id_theme_1")
    page.fill("#id_goal", "Elke dag fruit.")
    page.check("#id_consent")
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Aanmelden").click()
    assert re.search(r"/uitdaging/[^/]+/aangemeld/$", page.url)
    assert page.locator("h1").inner_text() == "Kijk in je mailbox"
    page.console_errors.clear()  # the 400 before
    check_page(page, "aangemeld")


def test_the_participants_page(site_url, page_at, private):
    page = page_at(1280)
    response = page.goto(site_url + private["page"])
    assert response.status == 200
    assert response.headers["cache-control"] == "private, no-store"
    assert page.locator("h1").inner_text() == "Bevestig je deelname"
    check_page(page, "deelname-bevestigen")
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestig mijn deelname").click()
    assert "Je deelname is bevestigd." in page.locator("main").inner_text()
    assert page.locator(".day-grid input[type=checkbox]").count() == 30
    assert "Team Browser" in page.locator("#team-titel").inner_text()
    check_page(page, "deelname")
    page.fill("#id_goal", "Om 22.30 uur naar bed.")
    with page.expect_navigation():
        page.get_by_role("button", name="Doel opslaan").click()
    assert "Je thema en doel zijn opgeslagen." in page.locator("main").inner_text()
    check_page(page, "deelname-opgeslagen")


def test_the_unsubscribe_page_and_undo(site_url, page_at, private):
    page = page_at(375)
    assert page.goto(site_url + private["unsubscribe"]).status == 200
    check_page(page, "afmelden")
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden voor steunberichten").click()
    assert "Je bent afgemeld." in page.locator("main").inner_text()
    check_page(page, "afgemeld")
    with page.expect_navigation():
        page.get_by_role("button", name="Toch weer berichten ontvangen").click()
    assert "Je krijgt de steunberichten weer." in page.locator("main").inner_text()


def test_sign_up_by_keyboard(site_url, page_at, slug):
    page = page_at(1280)
    page.goto(f"{site_url}/uitdaging/{slug}/aanmelden/")
    focused = {"inForm": False}
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inForm"]:
            break
    assert focused["name"] == "name"
    order = []
    values = {"name": "Kees Toets", "email": unique_email("kees"), "goal": "Elke dag wandelen."}
    while focused["tag"] != "button":
        order.append(focused["name"])
        if focused["name"] in values:
            page.keyboard.type(values[focused["name"]])
        if focused["name"] in ("theme", "consent"):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
    assert order == ["name", "email", "province", "theme", "goal", "participation", "team_name",
                     "team_code", "consent", "privacy", "impact_consent"]  # fmt: skip
    assert focused["text"] == "Aanmelden"
    assert page.is_checked("#id_theme_0") and page.is_checked("#id_participation_0")
    with page.expect_navigation():  # POST 3
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Kijk in je mailbox"
