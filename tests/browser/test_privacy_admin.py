"""The page Persoonsgegevens in the browser: reached from the admin menu, a demo address looked
up (its records per register entry, the downloads, erasing and the erasure requests), and an
address erased by keyboard with a reason and the confirmation page — each state without serious
or critical axe violations.

The address that is erased gets its records through manage.py (a question), so that erasing
changes nothing other browser tests look at."""

import re
import uuid

import pytest

from tests.browser.conftest import manage
from tests.browser.test_admin import blocking_violations, staff_page  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PAGE = "/admin/persoonsgegevens/"
# A demo address (network/demo.py): an approved pledge with two progress updates, and its mails.
DEMO_ADDRESS = "anouk.verhoef@kennislab.example"
ASK = """
from kennislab.content.models import Theme
from kennislab.questions import services
services.ask({{"name": "Wis Mij", "email": "{address}", "theme": Theme.objects.first(),
               "question": "Hoe begin ik met een gezonde kantine?"}}, "Toestemming (test).")
"""
COUNT = """
from kennislab.privacy import services
print(sum(len(found.records) for found in services.find("{address}")))
"""


def shell(code: str) -> str:
    """The last line printed by `manage.py shell -c` (Django first reports its auto-imports)."""
    return manage("shell", "-c", code).strip().splitlines()[-1]


def look_up(page, address: str) -> None:
    page.get_by_label("E-mailadres").fill(address)
    with page.expect_navigation():
        page.get_by_label("E-mailadres").press("Enter")


def test_looking_up_a_demo_address_from_the_menu(site_url, staff_page):  # noqa: F811
    page = staff_page
    page.goto(site_url + "/admin/")
    page.get_by_role("link", name="Persoonsgegevens").click()
    page.wait_for_url(re.compile(r"/admin/persoonsgegevens/$"))
    assert page.locator("h1").first.inner_text().strip() == "Persoonsgegevens"
    assert page.get_by_role("heading", name="Verwijderverzoeken").is_visible()
    assert blocking_violations(page) == []  # empty

    look_up(page, DEMO_ADDRESS.upper())
    assert page.url.endswith(PAGE)  # the address went in the POST body, not in the URL
    main = page.locator("main")
    assert f"Gegevens van {DEMO_ADDRESS}" in main.inner_text()
    headings = main.locator("h2, h3").all_inner_texts()
    for heading in ("Pledges", "Voortgang bij pledges", "Downloaden", "Wissen",
                    "Verwijderverzoeken"):  # fmt: skip
        assert heading in headings, headings
    assert "contactpersoon wordt verwijderd, de rest blijft bewaard" in main.inner_text()
    assert page.get_by_role("button", name="Download als JSON").is_visible()
    assert blocking_violations(page) == []  # results

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als JSON").click()
    assert download.value.suggested_filename == "persoonsgegevens.json"


def test_erasing_an_address_by_keyboard(site_url, staff_page):  # noqa: F811
    page = staff_page
    address = f"wis.mij.{uuid.uuid4().hex[:6]}@kennislab.example"
    shell(ASK.format(address=address))
    assert int(shell(COUNT.format(address=address))) >= 1
    page.goto(site_url + PAGE)
    look_up(page, address)
    assert "Vragen aan de netwerkadviseurs" in page.locator("main h3").all_inner_texts()

    # without a reason: the confirmation does not come
    page.get_by_role("button", name="Verder: controleren wat er gewist wordt").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Geef een reden op" in page.locator("main").inner_text()
    assert blocking_violations(page) == []  # the error

    page.get_by_label("Reden").fill("Verzoek per e-mail (browsertest).")
    page.get_by_role("button", name="Verder: controleren wat er gewist wordt").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").first.inner_text().strip() == "Persoonsgegevens wissen"
    assert page.get_by_role("heading", name="Wordt geanonimiseerd").is_visible()
    assert int(shell(COUNT.format(address=address))) >= 1  # nothing erased yet
    assert blocking_violations(page) == []  # the confirmation

    page.get_by_role("button", name="Ja, definitief wissen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    message = page.locator(".messages li.success")
    message.wait_for()
    assert message.inner_text().strip().startswith("Gewist. "), message.inner_text()
    assert "Vragen aan de netwerkadviseurs: 1 geanonimiseerd" in message.inner_text()
    assert page.url.endswith(PAGE)
    assert blocking_violations(page) == []  # after erasing
    assert shell(COUNT.format(address=address)) == "0"
