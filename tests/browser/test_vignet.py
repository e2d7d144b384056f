"""The vignet in the browser: its page, the application form (empty, with errors, a saved draft
with the live verdict), the register and the verification pages at 375 px and 1280 px (Dutch,
one h1, no serious or critical axe violation, no sideways scrolling, no console error); the
live verdict following the form; and the form by keyboard alone.

The form takes 30 posts an hour per address; this file posts it 4 times (errors, two saves in
the keyboard test, the live-verdict draft). The live verdict's own requests are not counted
against that limit (they have their own)."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
DRAFT_URL = re.compile(r"/vignet/aanvraag/[^/]+/\?status=nieuw")
PAGES = {
    "vignetpagina": "/vignet/",
    "formulier-leeg": "/vignet/aanvragen/",
    "register": "/vignet/register/",
    "register-zoeken-niets": "/vignet/register/?q=bestaat-niet",
}
PUBLIC_IDS = (
    "from kennislab.vignet.models import Vignet; "
    "print(*(f'{v.state()} {v.public_id}' for v in Vignet.objects.all()), sep='\\n')"
)


def unique(name: str) -> str:
    return f"{name} {uuid.uuid4().hex[:6]}"


def public_ids() -> dict[str, str]:
    """state → the public id of a demo vignet in that state."""
    rows = [line.split() for line in manage("shell", "-c", PUBLIC_IDS).splitlines()]
    return dict(row for row in rows if len(row) == 2 and row[0] in ("valid", "expired"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_vignet_page_is_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


@pytest.mark.parametrize("state", ["valid", "expired"])
def test_verification_pages(site_url, page_at, state):
    public_id = public_ids()[state]
    page = page_at(1280)
    response = page.goto(f"{site_url}/vignet/controle/{public_id}/")
    assert response.status == 200
    expected = {"valid": "Geldig", "expired": "Verlopen"}[state]
    assert page.locator("#geldigheid-titel").inner_text() == expected
    check_page(page, f"controle-{state}")
    badge = page.request.get(f"{site_url}/vignet/controle/{public_id}/badge.svg")
    assert badge.headers["content-type"] == "image/svg+xml"
    assert ("geldig t/m" in badge.text()) == (state == "valid")


def test_register_lists_holders_and_links_to_verification(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/register/")
    rows = page.locator(".register-table tbody tr")
    assert rows.count() == 3  # the demo: two current holders and one up for renewal
    page.fill("#register-zoekterm", "lindeloo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".register-table tbody tr").count() == 1
    with page.expect_navigation():
        page.locator(".register-table tbody a").first.click()
    assert page.locator("#geldigheid-titel").inner_text() == "Geldig"


def test_form_with_errors(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/aanvragen/")
    page.fill("#id_email", "niet-goed@")
    page.fill("#id_target_group_size", "40")
    page.fill("#id_baseline_participants", "50")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Aanvraag indienen").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"], "the error summary should have focus"
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul de naam van de organisatie in." in summary
    assert "Meer deelnemers (50) dan medewerkers in de doelgroep (40)." in summary
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    check_page(page, "formulier-fouten")


def test_live_verdict_follows_the_form(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/aanvragen/")
    verdict = page.locator("[data-verdict]")
    assert "Vul het aantal medewerkers" in verdict.inner_text()
    page.fill("#id_target_group_size", "80")
    page.fill("#id_baseline_date", "2025-01-15")
    page.fill("#id_baseline_participants", "60")
    page.select_option("#id_activiteit-0-theme", "bewegen")
    page.fill("#id_activiteit-0-title", "Wandelen")
    page.fill("#id_activiteit-0-start", "2025-02-01")
    page.fill("#id_activiteit-0-participants", "19")
    # (the page's Content-Security-Policy forbids eval: wait with expect, not wait_for_function)
    expect(verdict).to_contain_text("haalt 23% van de doelgroep, 25% is nodig")
    page.fill("#id_activiteit-0-participants", "20")  # exactly 25%
    expect(verdict).to_contain_text("Nog 1 thema nodig")
    # another row without a page load; focus goes to its first field
    page.get_by_role("button", name="Bewaren en nog een activiteit toevoegen").click()
    assert page.evaluate(FOCUSED)["id"] == "id_activiteit-1-theme"
    page.select_option("#id_activiteit-1-theme", "voeding")
    page.fill("#id_activiteit-1-title", "Gezonde lunch")
    page.fill("#id_activiteit-1-start", "2025-03-01")
    page.fill("#id_activiteit-1-participants", "40")
    expect(verdict).to_contain_text("Voldaan: 2 thema")
    # saving keeps both rows and shows the same verdict, rendered by the server
    page.fill("#id_organisation", unique("Bakkerij Test"))
    page.fill("#id_contact_name", "Vera Test")
    page.fill("#id_email", "vera.test@kennislab.example")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaren en later verdergaan").click()
    assert DRAFT_URL.search(page.url)
    assert page.locator("[data-activity-row]").count() == 3  # two saved and one blank
    assert "Voldaan: 2 thema" in page.locator("[data-verdict]").inner_text()
    check_page(page, "concept-met-oordeel")


def test_form_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/aanvragen/")
    keyboard = page.keyboard

    def tab():
        keyboard.press("Tab")
        return page.evaluate(FOCUSED)

    focused = {"inForm": False}
    for _ in range(60):
        focused = tab()
        if focused["inForm"]:
            break
    assert focused["name"] == "organisation"
    keyboard.type(unique("Drukkerij Toetsenbord"))
    order = ["organisation"]
    values = {"contact_name": "Kees Toets", "email": "kees.toets@kennislab.example"}
    for _ in range(120):
        focused = tab()
        name = focused["name"]
        if name in values:
            keyboard.type(values[name])
        if name == "consent":
            keyboard.press("Space")
        if name == "action" and focused["text"] == "Aanvraag indienen":
            break
        if name and name not in order:
            order.append(name)
    # every field is reached by Tab, in the order shown
    for expected in ["place", "contact_name", "email", "target_group_size", "baseline_date",
                     "activiteit-0-theme", "activiteit-0-participants", "guidance_name",
                     "evidence", "consent"]:  # fmt: skip
        assert expected in order, expected
    assert order.index("email") < order.index("activiteit-0-theme") < order.index("consent")
    assert page.is_checked("#id_consent")
    focused = tab()
    assert focused["text"] == "Bewaren en later verdergaan"
    with page.expect_navigation():
        keyboard.press("Enter")
    assert DRAFT_URL.search(page.url)
    assert page.locator("[role=status]").first.inner_text().startswith("Je aanvraag is bewaard.")
