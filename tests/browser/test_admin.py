"""The back office in the browser: signing in (in Dutch), the inbox, and one detail page of every
kind of record — each without serious or critical axe violations — and deciding on an item
reached from the inbox, without typing a URL."""

import base64
import re

import pytest
from django_otp.oath import totp

from tests.browser.conftest import manage
from tests.browser.test_pages import blocking_violations as axe_violations

# Wagtail's messages fade in over half a second; axe measures contrast as it is at that moment.
SETTLED = """() => [...document.querySelectorAll('.messages > ul')]
    .every((list) => getComputedStyle(list).opacity === '1')"""


def blocking_violations(page):
    page.wait_for_function(SETTLED)
    return axe_violations(page)


pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "beheerder", "een-lang-demo-wachtwoord-2026"
LISTINGS = {
    "voucheraanvraag": "/admin/voucheraanvragen/",
    "vignetaanvraag": "/admin/vignetaanvragen/",
    "vignet": "/admin/vignetten/",
    "evenementaanmelding": "/admin/aanmeldingen/",
    "terugkijker": "/admin/terugkijkers/",
    "estafette-activiteit": "/admin/activiteiten/",
    "uitdaging-deelnemer": "/admin/uitdaging-deelnemers/",
    "uitdaging-team": "/admin/uitdaging-teams/",
    "pledge": "/admin/netwerk/pledges/",
    "voortgangsupdate": "/admin/netwerk/updates/",
    "praktijkverhaal": "/admin/netwerk/praktijkverhalen/",
    "vraag": "/admin/vragen/",
    "interesse": "/admin/interesse/",
    "nieuwsbriefabonnee": "/admin/nieuwsbrief-abonnees/",
    "uitgaande-email": "/admin/uitgaande-email/",
}


RECOVERY_CODES: list[str] = []  # from the first sign-in; later sign-ins (other modules) use one


def second_factor(page):
    """The production settings always ask for a second factor. The first sign-in sets up an
    authenticator app (here: the key shown under the QR code, turned into the current code the
    way an app does) and shows the recovery codes once; both steps pass axe. A later sign-in
    of the same account answers with a recovery code (each works once)."""
    page.wait_for_url(re.compile(r"/admin/tweestapsverificatie/(instellen|controleren)/"))
    if "/controleren/" in page.url:
        assert RECOVERY_CODES, "the account has an app, but no recovery code was kept"
        page.get_by_label("Code").fill(RECOVERY_CODES.pop())
        page.get_by_role("button", name="Aanmelden").click()
        return
    assert page.locator("h1").inner_text().strip() == "Tweestapsverificatie instellen"
    assert page.locator(".qr-code svg").is_visible()  # the QR code, inline
    assert blocking_violations(page) == []
    secret = re.sub(r"\s", "", page.locator(".kl-secret").inner_text()).upper()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(re.compile(r"/tweestapsverificatie/herstelcodes/"))
    codes = page.locator(".kl-recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    RECOVERY_CODES[:] = codes
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Ik heb ze bewaard, ga verder").click()


@pytest.fixture(scope="module")
def staff_page(site_url, browser):
    manage("shell", "-c", (
        "from django.contrib.auth.models import User; "
        f"User.objects.filter(username='{USERNAME}').exists() or "
        f"User.objects.create_superuser('{USERNAME}', 'beheer@kennislab.example', '{PASSWORD}')"
    ))  # fmt: skip
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "/admin/login/")
    assert page.locator("h1").inner_text().strip() == "Inloggen in het beheer van Kennislab"
    assert page.get_by_label("Wachtwoord").count() == 1  # Dutch labels throughout
    assert blocking_violations(page) == []
    page.get_by_label("Gebruikersnaam").fill(USERNAME)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")
    second_factor(page)
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def test_the_inbox_is_accessible_and_sorted_by_deadline(site_url, staff_page):
    page = staff_page
    page.goto(site_url + "/admin/inbox/")
    assert page.locator("h1").first.inner_text().strip() == "Inbox"
    headers = page.locator("table.listing thead th").all_inner_texts()
    assert headers[:5] == ["Soort", "Wat", "Binnengekomen", "Besluit uiterlijk", "Toegewezen aan"]
    kinds = set(page.locator("table.listing tbody tr td:first-child").all_inner_texts())
    assert {"Voucheraanvragen", "Vignetaanvragen", "Activiteiten"} <= kinds, kinds
    assert blocking_violations(page) == []


@pytest.mark.parametrize("kind", list(LISTINGS))
def test_a_detail_page_of_every_kind_is_accessible(site_url, staff_page, kind):
    page = staff_page
    page.goto(site_url + LISTINGS[kind])
    first = page.locator("table.listing tbody tr td.title a").first
    first.click()  # the row's main column leads to the record
    page.wait_for_load_state()
    assert "/inspect/" in page.url, page.url
    assert page.locator("main h2").count() >= 1  # the sections
    text = page.locator("main").inner_text()
    assert not re.search(r"\bNone\b|\bTrue\b|\bFalse\b|Token", text), kind
    assert blocking_violations(page) == [], kind


def test_deciding_from_the_inbox_without_typing_a_url(site_url, staff_page):
    page = staff_page
    page.goto(site_url + "/admin/inbox/?soort=vouchers")
    row = page.locator("table.listing tbody tr").first
    reference = row.locator("td").nth(1).inner_text().split(" – ")[0]
    row.locator("td a").first.click()
    page.wait_for_load_state()
    assert "Definitief besluit uiterlijk" in page.locator("main").inner_text()
    page.get_by_label("Definitief toekennen").check()
    page.get_by_role("button", name="Besluit vastleggen").focus()
    page.keyboard.press("Enter")  # by keyboard
    message = page.get_by_text(f"{reference} is definitief toegekend.")
    message.wait_for()
    assert message.is_visible()
    assert "Definitief toegekend" in page.locator("main").inner_text()
    assert blocking_violations(page) == []
