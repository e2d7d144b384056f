"""The knowledge-voucher pages and the application form in the browser: every state of the form
and of the applicant's page at 375 px and 1280 px (Dutch, one h1, no serious or critical axe
violation, no sideways scrolling, no console error), and the whole form by keyboard alone.

The session fixture opens the demo scheme whatever today's date is. The demo applications make
`gezonde-regio-veenland` and `bewoners-onderzoeken-de-kolken-heuvelrade` full and leave room on
the others. Each test applies for its own example with its own organisation, so the tests do not
depend on each other's order.

The form takes at most 20 posts an hour per address; this file posts it 8 times:
the empty form, the form with some errors, a granted and a waiting-list application (1 each),
the keyboard test (2: once with an error, once corrected) and a duplicate (2). Withdrawing is
not limited, and a post without a CSRF token never reaches the form.
"""

import re
import uuid

import pytest

from tests.browser.test_pages import blocking_violations

pytestmark = pytest.mark.browser

SCHEME = "/kennisvouchers/positieve-gezondheid-2026/"
ROOM = "jongerenwerk-zilverdam"  # 2 of 2 free in the demo; only ever looked at here
FULL = "gezonde-regio-veenland"  # full, one application waiting; only ever looked at here
FULL_TO_APPLY = "bewoners-onderzoeken-de-kolken-heuvelrade"  # full: the waiting-list test
ERRORS_TO_APPLY = "groene-zorg-kustvallei"  # the forms with errors (nothing is stored)
GRANTED_TO_APPLY = "bibliotheek-lindeloo-gezondheidsplek"  # granted, then withdrawn
KEYBOARD_TO_APPLY = "vitaal-werken-dijkenland"  # the keyboard test
REFUSED_TO_APPLY = "herstelhuis-kustvallei-ervaringsdeskundigheid"  # duplicate, CSRF
WIDTHS = [375, 1280]
REFERENCE = re.compile(r"^KV-\d{4}-\d{4}$")
APPLICATION_URL = re.compile(r"/kennisvouchers/aanvraag/[^/]+/$")
# Fields in the order they are shown (radio buttons: the group; the trap `website` is not one).
FIELD_ORDER = [
    "organisation",
    "organisation_type",
    "region",
    "province",
    "contact_name",
    "email",
    "phone",
    "motivation",
    "own_contribution",
    "consent",
]
REQUIRED = ["organisation", "organisation_type", "contact_name", "email", "motivation",
            "own_contribution", "consent"]  # fmt: skip

PAGES = {
    "overzicht": "/kennisvouchers/",
    "regeling": SCHEME,
    "voorbeeld-met-ruimte": f"{SCHEME}{ROOM}/",
    "voorbeeld-vol": f"{SCHEME}{FULL}/",
    "formulier-leeg": f"{SCHEME}{ROOM}/aanvragen/",
}

# What document.activeElement is, in a form the tests can compare.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: "body", name: "", id: "", inForm: false};
  return {
    tag: e.tagName.toLowerCase(), id: e.id,
    // a field by its name; the link to the privacy statement beside a consent box as "privacy"
    name: e.getAttribute("name") || (e.tagName === "A" && /privacyverklaring/i.test(e.textContent) ? "privacy" : ""),
    type: e.getAttribute("type") || "", text: (e.textContent || "").trim(),
    inForm: e.closest("form.form") !== null, summary: e.hasAttribute("data-error-summary"),
  };
}"""
# Every element that gets focus, also by script (forms.js), across page loads.
FOCUS_LOG = """
window.__focusLog = [];
document.addEventListener("focusin", (event) => {
  const e = event.target;
  window.__focusLog.push(e.getAttribute ? (e.getAttribute("name") || e.id || e.tagName) : "");
}, true);
"""


def apply_url(example: str) -> str:
    return f"{SCHEME}{example}/aanvragen/"


def unique(name: str) -> str:
    return f"{name} {uuid.uuid4().hex[:8]}"


def unique_email(name: str) -> str:
    """An address no other test run used (the browser tests share one site database)."""
    return f"{name}.{uuid.uuid4().hex[:6]}@kennislab.example"


# The elements that stick out on the right, innermost last (for the message of a failed check).
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
  .slice(-4).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.getBoundingClientRect().right.toFixed(2)}`)"""


def check_page(page, label: str, widths=WIDTHS):
    """The checks of test_pages.py on the page as it is now, at each width (resizing the same
    page: the states after a POST cannot be loaded twice)."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        where = f"{label} at {width}px"
        assert page.locator("html").get_attribute("lang") == "nl", where
        assert page.locator("h1").count() == 1, where
        assert blocking_violations(page) == [], where
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{where} scrolls sideways by {overflow}px: {page.evaluate(WIDEST)}"
    # The browser logs a form sent back with errors as a failed resource (status 400): that is
    # the page itself, not a Content-Security-Policy violation or a missing asset.
    errors = [error for error in page.console_errors if "status of 400" not in error]
    assert errors == [], f"{label}: {errors}"


def submit(page):
    """Click the form's submit button; the response of the page the browser lands on."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Aanvraag versturen").click()
    return navigation.value


def fill_valid(page, organisation: str):
    page.fill("#id_organisation", organisation)
    page.check("#id_organisation_type_1")
    page.fill("#id_region", "Zilverdam")
    page.fill("#id_contact_name", "Fenna de Test")
    page.fill("#id_email", "fenna.de.test@kennislab.example")
    page.fill("#id_phone", "030 000 00 99")
    page.fill("#id_motivation", "We willen leren van dit voorbeeld.\nEn het in onze wijk doen.")
    page.fill("#id_own_contribution", "Een beleidsmedewerker voor 40 uur en € 2.000.")
    page.check("#id_consent")


def landed_after_redirect(response) -> bool:
    """The page came from a 303 after the POST (the applicant's page is a GET)."""
    previous = response.request.redirected_from
    return (
        previous is not None
        and previous.method == "POST"
        and previous.response().status == 303
        and response.request.method == "GET"
    )


# --- the pages that are the same for everyone --------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_voucher_page_is_accessible(site_url, page_at, name, width):
    page = page_at(width)
    response = page.goto(site_url + PAGES[name])
    assert response.status == 200
    check_page(page, name, widths=[width])


def test_scheme_page_lists_the_examples_by_level(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + SCHEME)
    assert page.locator(".level-section").count() == 3
    assert page.locator(".level-section .card").count() == 11
    full = page.locator(".card", has=page.locator(f"a[href$='/{FULL}/']"))
    assert full.locator(".availability").inner_text() == "vol – wachtlijst"
    room = page.locator(".card", has=page.locator(f"a[href$='/{ROOM}/']"))
    assert room.locator(".availability").inner_text() == "nog 2 van 2 beschikbaar"


def test_example_pages_call_to_action(site_url, page_at):
    page = page_at(1280)
    page.goto(f"{site_url}{SCHEME}{ROOM}/")
    button = page.locator(".cta--voucher a.button")
    assert button.inner_text() == "Vraag een voucher aan"
    assert button.get_attribute("href") == apply_url(ROOM)
    page.goto(f"{site_url}{SCHEME}{FULL}/")
    assert page.locator(".cta--voucher .availability").inner_text() == "vol – wachtlijst"
    button = page.locator(".cta--voucher a.button")
    assert button.inner_text() == "Aanvragen voor de wachtlijst"
    with page.expect_navigation():
        button.click()
    assert page.url == site_url + apply_url(FULL)
    assert page.locator("h1").inner_text() == "Kennisvoucher aanvragen"


# --- the form and the applicant's page (each POST counts against the rate limit) ---------------


def test_empty_form_shows_every_error(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + apply_url(ERRORS_TO_APPLY))
    response = submit(page)  # POST 1
    assert response.status == 400
    assert page.title().startswith("Fout:")
    summary = page.locator("[data-error-summary]")
    assert page.evaluate(FOCUSED)["summary"], "the error summary should have focus"
    links = summary.locator("a")
    assert links.count() == len(REQUIRED)
    for name in REQUIRED:
        field_id = f"id_{name}"
        assert summary.locator(f"a[href='#{field_id}']").count() == 1, name
        assert page.locator(f"#{field_id}-fout").count() == 1, name
    for name in ["organisation", "contact_name", "email", "motivation", "own_contribution",
                 "consent", "organisation_type_0"]:  # fmt: skip
        field = page.locator(f"#id_{name}")
        assert field.get_attribute("aria-invalid") == "true", name
        assert f"id_{name.removesuffix('_0')}-fout" in field.get_attribute("aria-describedby")
    check_page(page, "formulier-alle-fouten")

    # A link in the summary moves focus to its field, also for the group of radio buttons
    # and for a field that is not the first one of its fieldset.
    for name, focused_id in [
        ("organisation_type", "id_organisation_type_0"),
        ("email", "id_email"),
        ("motivation", "id_motivation"),
        ("consent", "id_consent"),
    ]:
        summary.locator(f"a[href='#id_{name}']").focus()
        page.keyboard.press("Enter")
        assert page.evaluate(FOCUSED)["id"] == focused_id, name


def test_form_with_some_errors(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + apply_url(ERRORS_TO_APPLY))
    organisation = unique("Stichting Samen Gezond in de Wijk en de Regio").ljust(100, "x")
    assert len(organisation) == 100
    page.fill("#id_organisation", organisation)
    page.fill("#id_contact_name", "Fenna de Test")
    page.fill("#id_email", "fenna.de.test@")
    response = submit(page)  # POST 2
    assert response.status == 400
    assert page.input_value("#id_organisation") == organisation
    assert page.get_attribute("#id_organisation", "aria-invalid") is None
    assert page.locator("#id_organisation-fout").count() == 0
    assert page.input_value("#id_email") == "fenna.de.test@"
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    assert "geldig e-mailadres" in page.locator("#id_email-fout").inner_text()
    expected = ["organisation_type", "email", "motivation", "own_contribution", "consent"]
    hrefs = page.locator("[data-error-summary] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert hrefs == [f"#id_{name}" for name in expected]
    assert page.evaluate(FOCUSED)["summary"]
    check_page(page, "formulier-enkele-fouten")


def test_granted_application_and_withdrawing_it(site_url, page_at):
    page = page_at(1280)
    page.goto(site_url + apply_url(GRANTED_TO_APPLY))
    organisation = unique("Bibliotheek Teststad")
    fill_valid(page, organisation)
    response = submit(page)  # POST 3
    assert response.status == 200
    assert landed_after_redirect(response)
    assert APPLICATION_URL.search(page.url)
    assert REFERENCE.match(page.locator(".reference").inner_text())
    assert page.locator("#status-titel").inner_text() == "Voorlopig toegekend"
    assert organisation in page.locator(".summary-list").inner_text()
    assert response.headers["cache-control"] == "private, no-store"
    check_page(page, "aanvraag-toegekend")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.check("#intrekken")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Aanvraag intrekken").click()
    assert navigation.value.status == 200
    assert page.locator(".notice[role=status]").inner_text() == "Je aanvraag is ingetrokken."
    assert page.locator("#status-titel").inner_text() == "Ingetrokken"
    assert page.locator("#intrekken").count() == 0
    check_page(page, "aanvraag-ingetrokken")


def test_application_for_a_full_example_goes_on_the_waiting_list(site_url, page_at):
    page = page_at(375)
    page.goto(f"{site_url}{SCHEME}{FULL_TO_APPLY}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Aanvragen voor de wachtlijst").click()
    fill_valid(page, unique("Wijkteam Teststad"))
    response = submit(page)  # POST 4
    assert landed_after_redirect(response)
    assert APPLICATION_URL.search(page.url)
    assert REFERENCE.match(page.locator(".reference").inner_text())
    assert re.fullmatch(r"Op de wachtlijst, plaats \d+", page.locator("#status-titel").inner_text())
    check_page(page, "aanvraag-wachtlijst")


# --- keyboard only --------------------------------------------------------------------------


def test_whole_form_by_keyboard(site_url, page_at):
    page = page_at(1280)
    page.add_init_script(FOCUS_LOG)
    page.goto(site_url + apply_url(KEYBOARD_TO_APPLY))
    keyboard = page.keyboard
    focused_names = []  # every element that had focus, also by script, on every page

    def tab(backwards=False):
        keyboard.press("Shift+Tab" if backwards else "Tab")
        return page.evaluate(FOCUSED)

    def send():
        focused_names.extend(page.evaluate("window.__focusLog"))
        with page.expect_navigation() as navigation:
            keyboard.press("Enter")
        return navigation.value

    # From the top of the page, Tab passes the header and the breadcrumbs (nothing of the form)
    # and then lands on the first field.
    before = []
    for _ in range(60):
        focused = tab()
        if focused["inForm"]:
            break
        before.append(focused)
    assert before and before[0]["text"] == "Ga direct naar de inhoud"
    assert focused["name"] == "organisation"

    organisation = unique("Gemeente Toetsenbord")
    keys = {  # what the keyboard does in each field, in FIELD_ORDER
        "organisation": organisation,
        "organisation_type": " ",  # Space chooses the first radio button ...
        "region": "Dijkenland",
        "province": "",  # an optional select: left as it is
        "contact_name": "Kees Toets",
        "email": "kees.toets@kennislab",  # invalid: no top-level domain
        "phone": "030 000 00 98",
        "motivation": "Wij willen leren van Dijkenland.\nMet de expert maken we een plan.",
        "own_contribution": "Een adviseur voor 24 uur en € 1.500 voor een bijeenkomst.",
        "consent": " ",  # ... and Space checks the box
    }
    order = []
    for index, name in enumerate(FIELD_ORDER):
        if index:
            focused = tab()
        order.append(focused["name"])
        if keys[name] == " ":
            keyboard.press("Space")
        else:
            keyboard.type(keys[name])
    assert order == FIELD_ORDER
    assert page.is_checked("#id_organisation_type_0")
    assert page.is_checked("#id_consent")
    assert tab()["name"] == "privacy"  # the privacy statement, beside the consent box
    assert tab()["name"] == "impact_consent"  # the optional follow-up survey
    focused = tab()
    assert (focused["tag"], focused["text"]) == ("button", "Aanvraag versturen")
    assert tab(backwards=True)["name"] == "impact_consent"  # Shift+Tab goes back
    assert tab()["tag"] == "button"

    assert send().status == 400  # POST 5
    # forms.js moves focus to the error summary; its link moves focus to the field.
    assert page.evaluate(FOCUSED)["summary"]
    focused = tab()
    assert focused["tag"] == "a" and "e-mailadres" in focused["text"]
    keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "id_email"
    keyboard.press("ControlOrMeta+A")
    keyboard.type("kees.toets@kennislab.example")

    # Everything else was kept: Tab on to the button and send again.
    assert [tab()["name"] for _ in range(6)] == ["phone", "motivation", "own_contribution",
                                                 "consent", "privacy", "impact_consent"]  # fmt: skip
    assert page.is_checked("#id_consent") and page.is_checked("#id_organisation_type_0")
    assert tab()["text"] == "Aanvraag versturen"
    assert landed_after_redirect(send())  # POST 6
    assert APPLICATION_URL.search(page.url)
    assert REFERENCE.match(page.locator(".reference").inner_text())
    assert page.locator("#status-titel").inner_text() == "Voorlopig toegekend"
    assert organisation in page.locator(".summary-list").inner_text()

    assert "organisation" in focused_names and "consent" in focused_names
    assert "website" not in focused_names, "the spam trap must never get focus"
    assert [e for e in page.console_errors if "status of 400" not in e] == []


# --- refusals: a duplicate (409), an unknown example (404), a tampered form (403) -------------


def test_refusal_pages_are_accessible(site_url, page_at):
    page = page_at(1280)
    organisation = unique("Herstelcollectief Teststad")
    for _attempt in range(2):  # POSTs 7 and 8
        page.goto(site_url + apply_url(REFUSED_TO_APPLY))
        fill_valid(page, organisation)
        response = submit(page)
    assert response.status == 409
    assert "al een aanvraag gedaan" in page.locator("#id_organisation-fout").inner_text()
    page.console_errors.clear()  # the browser logs the page's own 409
    check_page(page, "aanvraag-dubbel")

    response = page.goto(site_url + apply_url("bestaat-niet"))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Goed voorbeeld niet gevonden"
    page.console_errors.clear()  # the browser logs the page's own 404
    check_page(page, "voorbeeld-onbekend")

    page.goto(site_url + apply_url(REFUSED_TO_APPLY))
    page.evaluate("document.querySelector('input[name=csrfmiddlewaretoken]').value = 'vervalst'")
    fill_valid(page, unique("Vervalst formulier"))
    response = submit(page)
    assert response.status == 403
    page.console_errors.clear()  # the browser logs the page's own 403
    check_page(page, "csrf-geweigerd")
