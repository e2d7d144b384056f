"""The vignet in the browser: its page, the register and the verification pages at 375 px and
1280 px (Dutch, one h1, no serious or critical axe violation, no sideways scrolling, no console
error); the application in five steps by keyboard alone at 375 px and 1280 px, with those checks
on every step and the check page, and the verdict of a step under its fields and above its
buttons on a phone, beside them on a wide screen; step 1 with errors; the live verdict.

Step 1 of a new application takes 30 posts an hour per address; this file posts it 4 times
(errors, the keyboard walk at two widths, the live-verdict draft). The steps of a draft have
their own limit (120 an hour), the live verdict's requests too."""

import re
import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_vouchers import FOCUSED, check_page

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
STEP_URL = re.compile(r"/vignet/aanvraag/[^/]+/stap/(\d)/")
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
    assert rows.count() >= 3  # the demo: holders across the provinces, one up for renewal
    page.fill("#register-zoekterm", "lindeloo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".register-table tbody tr").count() == 1
    with page.expect_navigation():
        page.locator(".register-table tbody a").first.click()
    assert page.locator("#geldigheid-titel").inner_text() == "Geldig"


def step_number(page) -> int:
    match = STEP_URL.search(page.url)
    assert match, page.url
    return int(match.group(1))


class Keyboard:
    """Fill in a step with Tab, typing and Space only; press Enter on a button by its text."""

    def __init__(self, page):
        self.page = page

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED)

    def tab(self) -> dict:
        self.page.keyboard.press("Tab")
        return self.focused()

    def enter_field(self, focused, values, done):
        name = focused["name"]
        if name in values and name not in done:
            value = values[name]
            if value == "check":
                self.page.keyboard.press("Space")
            elif isinstance(value, date):
                self.type_date(name, value)
            else:
                self.page.keyboard.type(value)
            done.add(name)

    def type_date(self, name, day):
        """Type a date into a date field: its parts come in the order of the browser's own
        language (dd-mm-jjjj in Dutch, mm/dd/yyyy in an English Chromium); the arrow keys go
        back to the first part to try the other order."""
        field = f"[name='{name}']"
        self.page.keyboard.type(f"{day:%d%m%Y}")
        if self.page.input_value(field) != day.isoformat():
            self.page.keyboard.press("ArrowLeft")
            self.page.keyboard.press("ArrowLeft")
            self.page.keyboard.type(f"{day:%m%d%Y}")
        assert self.page.input_value(field) == day.isoformat(), name

    def fill(self, values: dict, until: str, limit: int = 150) -> list[str]:
        """Tab from where the focus is to the button `until`, typing `values` (field name →
        text, a date, or "check" for a check box) on the way; the names passed, in order."""
        done, order = set(), []
        for _ in range(limit):
            focused = self.tab()
            if focused["tag"] == "button" and focused["text"] == until:
                missing = set(values) - done
                assert not missing, f"not reached by Tab: {missing}"
                return order
            if focused["name"]:
                order.append(focused["name"])
            self.enter_field(focused, values, done)
        raise AssertionError(f"button {until!r} not reached by Tab; passed {order}")

    def press_enter(self):
        with self.page.expect_navigation() as navigation:
            self.page.keyboard.press("Enter")
        return navigation.value

    def into_form(self):
        """Tab from the top of the page to the form's first field."""
        for _ in range(80):
            if self.tab()["inForm"]:
                return
        raise AssertionError("the form is not reached by Tab")


def assert_verdict_placed(page, width: int):
    """Phones: the verdict directly under the step's fields and above its buttons. Wide
    screens: beside the fields."""
    fields = page.locator(".vignet-step__fields").bounding_box()
    verdict = page.locator(".vignet-step__verdict").bounding_box()
    buttons = page.locator(".vignet-step__actions").bounding_box()
    if width < 600:
        assert fields["y"] + fields["height"] <= verdict["y"] + 1
        assert verdict["y"] + verdict["height"] <= buttons["y"] + 1, (verdict, buttons)
    else:
        assert verdict["x"] >= fields["x"] + fields["width"] - 1, (fields, verdict)
        assert verdict["y"] < buttons["y"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_whole_application_by_keyboard(site_url, page_at, width):
    page = page_at(width)
    keys = Keyboard(page)
    today = date.today()
    baseline = today - timedelta(days=270)
    start = baseline + timedelta(days=30)
    organisation = unique("Drukkerij Toetsenbord")

    response = page.goto(site_url + "/vignet/aanvragen/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Stap 1 van 5: Je organisatie"
    assert page.locator(".vignet-steps [aria-current=step]").count() == 1
    check_page(page, f"stap-1-{width}", widths=[width])
    keys.into_form()
    assert keys.focused()["name"] == "organisation"
    page.keyboard.type(organisation)
    order = keys.fill(
        {"contact_name": "Kees Toets", "email": "kees.toets@kennislab.example",
         "place": "Turfhaven", "consent": "check"},
        until="Opslaan en verder",
    )  # fmt: skip
    assert order.index("place") < order.index("contact_name") < order.index("consent")
    keys.press_enter()
    assert step_number(page) == 2
    assert page.locator(".notice[role=status]").inner_text().startswith("Je aanvraag is bewaard.")

    # step 2: the target group and the baseline; its verdict follows what is typed
    assert page.locator("h1").inner_text() == "Stap 2 van 5: Doelgroep en nulmeting"
    check_page(page, f"stap-2-{width}", widths=[width])
    keys.into_form()
    assert keys.focused()["name"] == "target_group_size"
    page.keyboard.type("80")
    keys.fill(
        {"baseline_date": baseline, "baseline_method": "Vragenlijst vitaliteit",
         "baseline_participants": "52"},
        until="Opslaan en verder",
    )  # fmt: skip
    assert page.input_value("#id_baseline_date") == baseline.isoformat()
    expect(page.locator("[data-verdict]")).to_contain_text("Nulmeting gedaan op")
    assert_verdict_placed(page, width)
    keys.press_enter()
    assert step_number(page) == 3

    # step 3: two activities, the second added without a page load
    check_page(page, f"stap-3-{width}", widths=[width])
    keys.into_form()
    assert keys.focused()["name"] == "activiteit-0-theme"
    row = {"activiteit-0-theme": "Bew", "activiteit-0-title": "Wandelen",
           "activiteit-0-start": start, "activiteit-0-participants": "20"}  # fmt: skip
    keys.enter_field(keys.focused(), row, set())
    keys.fill({k: v for k, v in row.items() if k != "activiteit-0-theme"},
              until="Nog een activiteit toevoegen")  # fmt: skip
    page.keyboard.press("Enter")  # JavaScript adds the row and moves the focus into it
    assert keys.focused()["name"] == "activiteit-1-theme"
    page.keyboard.type("Voe")
    keys.fill(
        {"activiteit-1-title": "Gezonde lunch", "activiteit-1-start": start,
         "activiteit-1-participants": "30"},
        until="Nog een activiteit toevoegen",
    )  # fmt: skip
    assert page.input_value("#id_activiteit-0-theme") == "bewegen"
    assert page.input_value("#id_activiteit-1-theme") == "voeding"
    verdict = page.locator("[data-verdict]")
    expect(verdict).to_contain_text("Voldaan: 2 thema")
    assert_verdict_placed(page, width)
    check_page(page, f"stap-3-ingevuld-{width}", widths=[width])
    keys.fill({}, until="Opslaan en verder")
    keys.press_enter()
    assert step_number(page) == 4

    # step 4: the guidance (evidence is optional: passed by Tab)
    check_page(page, f"stap-4-{width}", widths=[width])
    keys.into_form()
    assert keys.focused()["name"] == "guidance_name"
    page.keyboard.type("Lotte Brinkhorst")
    order = keys.fill({"guidance_organisation": "Bureau Vitaal Werk"}, until="Opslaan en verder")
    assert "evidence" in order
    assert_verdict_placed(page, width)
    keys.press_enter()
    assert step_number(page) == 5

    # the check page: every answer, "Wijzigen" per step, the verdict; then submit
    assert page.locator("h1").inner_text() == "Stap 5 van 5: Controleren en indienen"
    main = page.locator("main").inner_text()
    for answer in (organisation, "Kees Toets", "Vragenlijst vitaliteit", "Wandelen",
                   "Gezonde lunch", "Lotte Brinkhorst"):  # fmt: skip
        assert answer in main, answer
    assert page.get_by_role("link", name=re.compile("^Wijzigen")).count() == 4
    assert "Je aanvraag voldoet aan alle criteria." in main
    check_page(page, f"controleren-{width}", widths=[width])
    for _ in range(120):
        focused = keys.tab()
        if focused["text"] == "Aanvraag indienen":
            break
    else:
        raise AssertionError("'Aanvraag indienen' is not reached by Tab")
    keys.press_enter()
    assert "/stap/" not in page.url and "status=ingediend" in page.url
    status = page.locator(".notice[role=status]").inner_text()
    assert status.startswith("Je aanvraag is ingediend.")
    check_page(page, f"ingediend-{width}", widths=[width])


def test_step_1_with_errors(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/aanvragen/")
    page.fill("#id_email", "niet-goed@")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Opslaan en verder").click()
    assert navigation.value.status == 400
    assert page.title().startswith("Fout:")
    assert page.evaluate(FOCUSED)["summary"], "the error summary should have focus"
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Vul de naam van de organisatie in." in summary
    assert "Vul een geldig e-mailadres in" in summary
    assert "Geef toestemming" in summary
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    check_page(page, "stap-1-fouten")


def test_the_live_verdict_of_step_3_follows_the_rows(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + "/vignet/aanvragen/")
    page.fill("#id_organisation", unique("Bakkerij Test"))
    page.fill("#id_contact_name", "Vera Test")
    page.fill("#id_email", "vera.test@kennislab.example")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en verder").click()
    baseline = date.today() - timedelta(days=270)
    page.fill("#id_target_group_size", "80")
    page.fill("#id_baseline_date", baseline.isoformat())
    page.fill("#id_baseline_method", "Vragenlijst")
    page.fill("#id_baseline_participants", "60")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en verder").click()
    assert step_number(page) == 3
    verdict = page.locator("[data-verdict]")
    assert "Er zijn nog geen activiteiten ingevuld" in verdict.inner_text()
    start = (baseline + timedelta(days=30)).isoformat()
    page.select_option("#id_activiteit-0-theme", "bewegen")
    page.fill("#id_activiteit-0-title", "Wandelen")
    page.fill("#id_activiteit-0-start", start)
    page.fill("#id_activiteit-0-participants", "19")
    # (the page's Content-Security-Policy forbids eval: wait with expect, not wait_for_function)
    expect(verdict).to_contain_text("haalt 23% van de doelgroep, 25% is nodig")
    page.fill("#id_activiteit-0-participants", "20")  # exactly 25%
    expect(verdict).to_contain_text("Nog 1 thema nodig")
    assert "nulmeting" not in verdict.inner_text().lower()  # step 2's criterion stays there
    # "Opslaan en later verder" keeps the row; the server renders the same verdict
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en later verder").click()
    assert step_number(page) == 3
    assert page.locator("[data-activity-row]").count() == 2  # the saved one and a blank one
    assert "Nog 1 thema nodig" in page.locator("[data-verdict]").inner_text()
    check_page(page, "stap-3-bewaard")
    # Enter in a field goes on to the next step (not "Nog een activiteit toevoegen")
    page.focus("#id_activiteit-0-title")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert step_number(page) == 4
