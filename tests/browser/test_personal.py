"""Mijn Kennislab in the browser at 375 px and 1280 px (Dutch, one h1, no serious or critical axe
violation, no sideways scrolling, no console error): the request form empty and with an error,
the neutral confirmation, and the overview of an address with a pledge, a practice story, a
question and a newsletter subscription; "Openen" on the pledge lands on the pledge's own page.
Jouw gegevens: the download (JSON; a zip when there are uploaded files) and the erase flow by
keyboard (the confirmation, its error, the done page), and the privacy statement generated from
the register.

The records and the overview link come from the site's database through manage.py. The request
form takes 10 posts an hour per address; this file posts it twice."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page, unique_email

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
REQUEST = "/mijn-kennislab/"
# One address with four kinds of record, made through the apps' services; then the overview
# link as it is mailed. Prints the address and the overview's path.
OVERVIEW = """
import re, uuid
from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import services as network
from kennislab.newsletter import services as newsletter
from kennislab.personal import services as personal
from kennislab.questions import services as questions
address = f"Browser.{uuid.uuid4().hex[:8]}@Kennislab.example"
network.sign({"organisation": "Gemeente Browserdorp", "contact_name": "Bo Browser",
              "email": address, "phone": "", "province": "utrecht",
              "partners": "GGD Testregio", "commitments": "Elke school een gezonde kantine."},
             "Toestemming (test).")
network.submit_story({"title": "Samen wandelen in de wijk", "summary": "Elke week wandelen.",
                      "what_was_done": "We liepen samen.", "what_worked": "Vaste tijden.",
                      "lessons": "Begin klein.", "contact_name": "Bo Browser", "email": address,
                      "organisation": "Welzijn Browserdorp", "name_public": False},
                     None, "Toestemming (test).")
questions.ask({"name": "Bo Browser", "email": address, "theme": Theme.objects.first(),
               "question": "Hoe begin ik met een gezonde kantine?"}, "Toestemming (test).")
newsletter.sign_up({"email": address, "name": "Bo Browser", "themes": []}, "Toestemming (test).")
assert personal.request_link(address.lower())
body = OutgoingEmail.objects.filter(topic="mijn-kennislab").order_by("pk").last().body
print(address, re.search(r"(/mijn-kennislab/[A-Za-z0-9_-]+/)", body).group(1))
"""


def shell(code: str) -> str:
    """The last line printed by `manage.py shell -c` (Django first reports its auto-imports)."""
    return manage("shell", "-c", code).strip().splitlines()[-1]


@pytest.fixture(scope="module")
def overview(site_url):
    address, path = shell(OVERVIEW).split()
    return {"address": address, "path": path}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_request_form(site_url, page_at, width):
    page = page_at(width)
    assert page.goto(site_url + REQUEST).status == 200
    assert page.get_by_label("E-mailadres").count() == 1
    check_page(page, "mijn-kennislab-formulier", widths=[width])


def test_an_error_then_the_neutral_confirmation(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + REQUEST)
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:  # POST 1
        page.get_by_role("button", name="Stuur mij de link").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    check_page(page, "mijn-kennislab-fout")

    page.fill("#id_email", unique_email("onbekend"))
    with page.expect_navigation():  # POST 2
        page.get_by_role("button", name="Stuur mij de link").click()
    assert page.url.endswith("/mijn-kennislab/verstuurd/")
    assert page.locator("h1").inner_text() == "Kijk in je mailbox"
    page.console_errors.clear()  # the 400 before
    check_page(page, "mijn-kennislab-verstuurd")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_overview(site_url, page_at, overview, width):
    page = page_at(width)
    response = page.goto(site_url + overview["path"])
    assert response.status == 200
    assert response.headers["cache-control"] == "private, no-store"
    assert page.locator("h1").inner_text() == "Mijn Kennislab"
    for heading in ("Pledges", "Praktijkverhalen", "Vragen aan een netwerkadviseur",
                    "Nieuwsbrief"):  # fmt: skip
        assert page.get_by_role("heading", name=heading, exact=True).count() == 1, heading
    assert page.get_by_role("button", name=re.compile("^Openen")).count() == 2  # pledge, newsletter
    check_page(page, "mijn-kennislab-overzicht", widths=[width])


def test_openen_leads_to_the_pledges_own_page(site_url, page_at, overview):
    page = page_at(375)
    page.goto(site_url + overview["path"])
    button = page.get_by_role("button", name=re.compile(r"^Openen\W+Gemeente Browserdorp$"))
    button.focus()
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")  # by keyboard
    assert navigation.value.status == 200
    assert re.search(r"/netwerk/pledges/link/[^/]+/$", page.url), page.url
    assert page.get_by_text("Gemeente Browserdorp").count() >= 1
    assert page.locator("h1").inner_text() == "Je pledge"


# An address whose erase has every kind of outcome: a pledge and a question (emptied), a
# newsletter subscription (deleted), and a submitted vignet application with a file (in
# progress: waits for staff; the file makes the download a zip).
ERASABLE = """
import re, uuid
from django.core.files.uploadedfile import SimpleUploadedFile
from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import services as network
from kennislab.newsletter import services as newsletter
from kennislab.personal import services as personal
from kennislab.questions import services as questions
from kennislab.vignet.tests.factories import PDF, submitted
address = f"Wis.{uuid.uuid4().hex[:8]}@Kennislab.example"
network.sign({"organisation": "Gemeente Wisdorp", "contact_name": "Wim Wis",
              "email": address, "phone": "", "province": "utrecht",
              "partners": "GGD Testregio", "commitments": "Elke school een watertappunt."},
             "Toestemming (test).")
questions.ask({"name": "Wim Wis", "email": address, "theme": Theme.objects.first(),
               "question": "Hoe begin ik met een watertappunt?"}, "Toestemming (test).")
newsletter.sign_up({"email": address, "name": "Wim Wis", "themes": []}, "Toestemming (test).")
submitted(email=address, organisation="Wisbedrijf BV",
          files=[SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf")])
assert personal.request_link(address.lower())
body = OutgoingEmail.objects.filter(topic="mijn-kennislab").order_by("pk").last().body
print(address, re.search(r"(/mijn-kennislab/[A-Za-z0-9_-]+/)", body).group(1))
"""


@pytest.fixture(scope="module")
def erasable(site_url):
    address, path = shell(ERASABLE).split()
    return {"address": address, "path": path}


def press_on(page, locator, key="Enter"):
    """Focus an element and press a key on it (by keyboard, as someone without a mouse)."""
    locator.focus()
    page.keyboard.press(key)


def test_download_my_data_by_keyboard(site_url, page_at, overview):
    """A JSON file with the address's records (pledge, story, question, newsletter)."""
    page = page_at(375)
    page.goto(site_url + overview["path"])
    section = page.locator("#gegevens")
    assert section.get_by_role("heading", name="Jouw gegevens").count() == 1
    with page.expect_download() as info:
        press_on(page, section.get_by_role("button", name="Download mijn gegevens"))
    download = info.value
    assert download.suggested_filename == "mijn-gegevens-kennislab.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert [r["organisation"] for r in data["network.pledge"]] == ["Gemeente Browserdorp"]
    assert [r["title"] for r in data["network.story"]] == ["Samen wandelen in de wijk"]
    assert len(data["questions.question"]) == 1 and len(data["newsletter.subscriber"]) == 1
    assert overview["address"].lower() in json.dumps(data).lower()
    assert page.url.endswith(overview["path"])  # the page stays where it was
    check_page(page, "mijn-kennislab-na-download", widths=[375])


def test_download_is_a_zip_with_the_uploaded_file(site_url, page_at, erasable):
    page = page_at(1280)
    page.goto(site_url + erasable["path"])
    with page.expect_download() as info:
        press_on(page, page.get_by_role("button", name="Download mijn gegevens"))
    download = info.value
    assert download.suggested_filename == "mijn-gegevens-kennislab.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    names = archive.namelist()
    assert names[0] == "gegevens.json"
    assert any(name.startswith("vignet.evidence/") and name.endswith(".pdf") for name in names)
    data = json.loads(archive.read("gegevens.json"))
    assert [r["organisation"] for r in data["vignet.application"]] == ["Wisbedrijf BV"]


def test_erase_my_data_by_keyboard(site_url, page_at, erasable):
    page = page_at(375)
    page.goto(site_url + erasable["path"])
    with page.expect_navigation():
        press_on(page, page.get_by_role("link", name="Verwijder mijn gegevens"))
    assert page.url.endswith(erasable["path"] + "verwijderen/")
    assert page.locator("h1").inner_text() == "Verwijder mijn gegevens"
    for heading in ("Dit verwijderen we helemaal", "Hier halen we je gegevens uit",
                    "Hier beslist eerst een medewerker over", "Weet je het zeker?"):  # fmt: skip
        assert page.get_by_role("heading", name=heading).count() == 1, heading
    assert page.get_by_text("Pledges: Gemeente Wisdorp").count() == 1
    check_page(page, "verwijderen-bevestigen")

    # without the check box: an error, nothing erased
    button = page.get_by_role("button", name="Verwijder mijn gegevens")
    with page.expect_navigation() as navigation:
        press_on(page, button)
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"]
    check_page(page, "verwijderen-fout")

    # the check box by keyboard (space), then the button
    box = page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden")
    press_on(page, box, "Space")
    assert box.is_checked()
    with page.expect_navigation() as navigation:
        press_on(page, page.get_by_role("button", name="Verwijder mijn gegevens"))
    assert navigation.value.status == 200
    assert navigation.value.headers["cache-control"] == "private, no-store"
    assert page.locator("h1").inner_text() == "Je verzoek is voorgelegd aan een medewerker"
    assert (
        page.get_by_role("heading", name="Voorgelegd aan een medewerker", exact=True).count() == 1
    )
    assert page.get_by_text("Aanvragen voor het vignet").count() >= 1
    assert page.get_by_text("Je krijgt geen nieuwsbrief meer van ons.").count() == 1
    page.console_errors.clear()  # the 400 before
    check_page(page, "verwijderen-klaar")

    # the overview link no longer works
    assert page.goto(site_url + erasable["path"]).status == 404


@pytest.mark.parametrize("width", WIDTHS)
def test_the_privacy_statement_from_the_register(site_url, page_at, width):
    page = page_at(width)
    assert page.goto(site_url + "/privacyverklaring/").status == 200
    for heading in ("Welke gegevens we bewaren, waarom en hoe lang", "Jouw rechten",
                    "Zo gebruik je je rechten", "Wie je gegevens ziet", "Kennisvouchers"):  # fmt: skip
        assert page.get_by_role("heading", name=heading, exact=True).count() == 1, heading
    assert page.get_by_text("7 jaar na het sluiten van de regeling").count() == 1
    assert page.get_by_role("link", name="Naar Mijn Kennislab").get_attribute("href") == REQUEST
    check_page(page, "privacyverklaring", widths=[width])
