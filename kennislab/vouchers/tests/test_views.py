"""The public voucher pages over HTTP: the application form (its contract, bad input, refusals,
CSRF, rate limit), the applicant's private page, and the scheme and example pages."""

import re
import types
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kennislab.core import ratelimit
from kennislab.core.models import OutgoingEmail
from kennislab.vouchers import services
from kennislab.vouchers.models import Application, ApplicationEvent, Status

from .factories import form_data, good_example, submit

pytestmark = pytest.mark.django_db

CONTRACT_FIELDS = [
    "organisation",
    "contact_name",
    "email",
    "phone",
    "organisation_type",
    "motivation",
    "own_contribution",
    "consent",
]
APPLICATION_URL = re.compile(r"^/kennisvouchers/aanvraag/([A-Za-z0-9_-]{20,})/$")


def text(response) -> str:
    return response.content.decode()


def nothing_stored():
    return (
        Application.objects.count() == 0
        and ApplicationEvent.objects.count() == 0
        and OutgoingEmail.objects.count() == 0
    )


def token_of(response) -> str:
    match = APPLICATION_URL.match(response["Location"])
    assert match, response["Location"]
    return match.group(1)


# --- the form -------------------------------------------------------------------------------


def test_form_has_the_contract_fields(client, voucher_site):
    response = client.get(voucher_site.apply_url())
    assert response.status_code == 200
    html = text(response)
    assert re.search(r'<form class="form" method="post"', html)
    assert 'name="csrfmiddlewaretoken"' in html
    for name in CONTRACT_FIELDS:
        assert f'name="{name}"' in html, name
    assert html.count('name="organisation_type"') == 4  # one radio button per type
    assert 'type="checkbox" name="consent"' in html
    assert re.search(r'Provincie <span class="form-optional">\(niet verplicht\)</span>', html)
    assert ">Wil ik niet zeggen</option>" in html and ">Limburg</option>" in html
    assert 'type="checkbox" name="impact_consent"' in html
    assert "Kennisvoucher aanvragen" in html
    assert "Goed voorbeeld 1" in html
    assert "nog 2 van 2 beschikbaar" in html


def test_a_valid_application_is_granted_and_confirmed(client, voucher_site):
    response = client.post(voucher_site.apply_url(), form_data(organisation="GGD Waterstreek"))
    assert response.status_code == 303
    token = token_of(response)
    application = Application.objects.get()
    assert services.by_token(token).pk == application.pk
    assert (application.organisation, application.status) == ("GGD Waterstreek", Status.GRANTED)
    assert application.example_id == voucher_site.examples[0].pk
    assert application.consent_text.startswith("Ik geef toestemming om de gegevens")
    assert "vragenlijst" not in application.consent_text
    assert (application.province, application.impact_consent) == ("", False)

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = text(page)
    assert re.search(r"KV-\d{4}-\d{4}", html)
    assert application.reference in html
    assert "Voorlopig toegekend" in html
    assert "Op de wachtlijst" not in html


def test_province_and_the_impact_survey_are_asked_and_stored(client, voucher_site):
    data = form_data(province="noord-brabant", impact_consent="on")
    response = client.post(voucher_site.apply_url(), data)
    assert response.status_code == 303
    application = Application.objects.get()
    assert (application.province, application.impact_consent) == ("noord-brabant", True)
    assert application.consent_text.endswith(
        "Ik wil drie maanden na de definitieve toekenning een korte vragenlijst ontvangen over "
        "wat de voucher heeft opgeleverd."
    )


def test_an_application_beyond_the_caps_goes_to_the_waiting_list(client, voucher_site):
    example = voucher_site.examples[0]
    submit(example)
    submit(example)
    response = client.post(voucher_site.apply_url(example), form_data())
    assert response.status_code == 303
    page = text(client.get(response["Location"]))
    assert "Op de wachtlijst, plaats 1" in page
    assert "Je staat op plaats 1 van de wachtlijst." in page

    second = client.post(voucher_site.apply_url(example), form_data())
    assert "Op de wachtlijst, plaats 2" in text(client.get(second["Location"]))


MISSING = {
    "organisation": "Vul de naam van je organisatie in.",
    "contact_name": "Vul de naam van de contactpersoon in.",
    "email": "Vul een e-mailadres in.",
    "organisation_type": "Kies de soort organisatie.",
    "motivation": "Schrijf je motivatie.",
    "own_contribution": "Beschrijf de eigen inzet van je organisatie.",
    "consent": "Geef toestemming om de aanvraag te kunnen behandelen.",
}


@pytest.mark.parametrize(("field", "message"), MISSING.items())
def test_a_missing_field_is_named_and_nothing_is_stored(client, voucher_site, field, message):
    data = form_data()
    del data[field]
    response = client.post(voucher_site.apply_url(), data)
    assert response.status_code == 400
    assert message in text(response)
    assert response.context["form"].errors[field] == [message]
    assert "Er is 1 ding niet goed ingevuld" in text(response)
    assert nothing_stored()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("motivation", "x" * 100_000, "Je motivatie is te lang: hoogstens 5000 tekens (nu 100000)."),
        ("email", "niet-een-adres", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ("email", "naam@", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ("organisation_type", "hacker", "Kies een van de soorten organisaties."),
        ("phone", "bel me maar", "Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes."),
        ("organisation", "   ", "Vul de naam van je organisatie in."),
        ("consent", "", "Geef toestemming om de aanvraag te kunnen behandelen."),
        ("own_contribution", "y" * 2001, "Te lang: hoogstens 2000 tekens (nu 2001)."),
        ("province", "atlantis", "Kies een van de provincies uit de lijst."),
    ],
)  # fmt: skip
def test_bad_input_gets_a_dutch_message_and_stores_nothing(
    client, voucher_site, field, value, message
):
    response = client.post(voucher_site.apply_url(), form_data(**{field: value}))
    assert response.status_code == 400
    assert message in text(response)
    assert response.context["form"].errors[field] == [message]
    assert nothing_stored()


def test_an_empty_post_names_every_required_field(client, voucher_site):
    response = client.post(voucher_site.apply_url(), {})
    assert response.status_code == 400
    html = text(response)
    for message in MISSING.values():
        assert message in html, message
    assert "Er zijn 7 dingen niet goed ingevuld" in html
    assert nothing_stored()


def test_the_spam_trap_stores_nothing(client, voucher_site):
    response = client.post(voucher_site.apply_url(), form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd." in text(
        response
    )
    assert nothing_stored()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_example_is_a_dutch_404(client, voucher_site, method):
    url = f"/kennisvouchers/{voucher_site.scheme.slug}/bestaat-niet/aanvragen/"
    response = getattr(client, method)(url, form_data())
    assert response.status_code == 404
    html = text(response)
    assert "Goed voorbeeld niet gevonden" in html
    assert "Dit goede voorbeeld hoort niet (meer) bij deze regeling." in html
    assert f'href="{voucher_site.page.url}"' in html  # the way back to the scheme's examples
    assert nothing_stored()


def test_an_example_of_another_scheme_or_unpublished_is_unknown(
    client, voucher_site, make_voucher_site
):
    other = make_voucher_site(examples=0)
    elsewhere = good_example(other.page, 99, slug="alleen-elders")
    assert (
        client.get(f"/kennisvouchers/{other.scheme.slug}/alleen-elders/aanvragen/").status_code
        == 200
    )
    url = f"/kennisvouchers/{voucher_site.scheme.slug}/{elsewhere.slug}/aanvragen/"
    assert client.post(url, form_data()).status_code == 404
    voucher_site.examples[0].unpublish()
    response = client.post(voucher_site.apply_url(voucher_site.examples[0]), form_data())
    assert response.status_code == 404
    assert nothing_stored()


@pytest.mark.parametrize(
    ("restricted", "message"),
    [
        ("example", "Dit goede voorbeeld hoort niet (meer) bij deze regeling."),
        ("scheme", "Deze voucherregeling bestaat niet (meer)."),
    ],
)
def test_a_page_behind_a_login_or_password_takes_no_applications(
    client, voucher_site, restricted, message
):
    page = voucher_site.examples[0] if restricted == "example" else voucher_site.page
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.post(voucher_site.apply_url(), form_data())
    assert response.status_code == 404
    assert message in text(response)
    assert nothing_stored()
    assert client.get(voucher_site.apply_url(voucher_site.examples[1])).status_code == (
        404 if restricted == "scheme" else 200
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_scheme_is_a_dutch_404(client, voucher_site, method):
    url = f"/kennisvouchers/bestaat-niet/{voucher_site.examples[0].slug}/aanvragen/"
    response = getattr(client, method)(url, form_data())
    assert response.status_code == 404
    assert "Deze voucherregeling bestaat niet (meer)." in text(response)
    assert "Naar de startpagina" in text(response)
    assert nothing_stored()


def csrf_token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response)).group(1)


def test_a_tampered_csrf_token_is_refused_in_dutch(voucher_site):
    client = Client(enforce_csrf_checks=True)
    form = client.get(voucher_site.apply_url())
    assert form.status_code == 200
    token = csrf_token_in(form)
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(voucher_site.apply_url(), form_data(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    html = text(response)
    assert "Formulier niet verstuurd" in html
    assert "dus we hebben niets opgeslagen" in html
    assert nothing_stored()
    # The same client with the real token gets through: the 403 was the token's doing.
    accepted = client.post(voucher_site.apply_url(), form_data(csrfmiddlewaretoken=token))
    assert accepted.status_code == 303


def test_a_post_without_csrf_cookie_is_refused(voucher_site):
    client = Client(enforce_csrf_checks=True)
    response = client.post(voucher_site.apply_url(), form_data(csrfmiddlewaretoken="x" * 32))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert nothing_stored()


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("closed", "Deze regeling is gesloten: er kunnen geen aanvragen meer worden ingediend."),
        ("not_yet", "Aanvragen kan vanaf "),
    ],
)
def test_a_scheme_that_is_not_open_shows_why_and_takes_nothing(
    client, voucher_site, phase, message
):
    voucher_site.set_phase(phase)
    page = client.get(voucher_site.apply_url())
    assert page.status_code == 200
    assert message in text(page)
    assert 'name="organisation"' not in text(page)
    assert "Terug naar de regeling" in text(page)

    response = client.post(voucher_site.apply_url(), form_data())
    assert response.status_code == 409
    assert message in text(response)
    assert 'name="organisation"' not in text(response)
    assert nothing_stored()


def test_a_duplicate_organisation_is_refused_on_the_organisation_field(client, voucher_site):
    first = client.post(voucher_site.apply_url(), form_data(organisation="Gemeente Ünna"))
    assert first.status_code == 303
    counts = (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        OutgoingEmail.objects.count(),
    )
    response = client.post(voucher_site.apply_url(), form_data(organisation="gemeente unna."))
    assert response.status_code == 409
    errors = response.context["form"].errors["organisation"]
    assert errors[0].startswith("Deze organisatie heeft al een aanvraag gedaan voor dit goede")
    assert "Per organisatie kan één aanvraag per voorbeeld worden ingediend." in text(response)
    assert (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        OutgoingEmail.objects.count(),
    ) == counts


def test_the_21st_post_in_an_hour_is_rate_limited(client, voucher_site, monkeypatch):
    # A fixed clock, so that the hour's window cannot end in the middle of the test.
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    for _ in range(20):
        assert client.post(voucher_site.apply_url(), form_data(email="fout")).status_code == 400
    blocked = client.post(voucher_site.apply_url(), form_data())
    assert blocked.status_code == 429
    assert "Je hebt in korte tijd heel veel verzoeken gedaan." in text(blocked)
    assert int(blocked["Retry-After"]) > 0
    assert nothing_stored()  # the valid 21st application was not taken
    assert client.get(voucher_site.apply_url()).status_code == 200  # reading is not limited
    other = client.post(voucher_site.apply_url(), form_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 303  # another visitor is not affected


# --- the applicant's page -------------------------------------------------------------------


def test_the_applicant_page_is_private(client, voucher_site):
    application, token = submit(voucher_site.examples[0], organisation="Buurtwerk Oosterwaard")
    response = client.get(f"/kennisvouchers/aanvraag/{token}/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    assert application.reference in html
    assert "Buurtwerk Oosterwaard" in html
    assert 'name="intrekken"' in html


def test_withdrawing_on_the_applicant_page_moves_the_next_one_up(client, voucher_site):
    example = voucher_site.examples[0]
    first, token = submit(example)
    submit(example)
    waiting, _ = submit(example)
    response = client.post(f"/kennisvouchers/aanvraag/{token}/", {"intrekken": "ja"})
    assert response.status_code == 200
    html = text(response)
    assert "Je aanvraag is ingetrokken." in html
    assert "Ingetrokken" in html
    assert 'name="intrekken"' not in html  # nothing left to withdraw
    assert Application.objects.get(pk=first.pk).status == Status.WITHDRAWN
    assert Application.objects.get(pk=waiting.pk).status == Status.GRANTED
    assert OutgoingEmail.objects.filter(
        topic=waiting.reference, subject__startswith="Goed nieuws"
    ).exists()

    again = client.post(f"/kennisvouchers/aanvraag/{token}/", {"intrekken": "ja"})
    assert "kan niet ‘ingetrokken’ worden" in text(again)


def test_withdrawing_needs_the_checkbox(client, voucher_site):
    application, token = submit(voucher_site.examples[0])
    events = ApplicationEvent.objects.count()
    response = client.post(f"/kennisvouchers/aanvraag/{token}/", {})
    assert response.status_code == 200
    assert "Vink aan dat je de aanvraag wilt intrekken." in text(response)
    assert Application.objects.get(pk=application.pk).status == Status.GRANTED
    assert ApplicationEvent.objects.count() == events


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_or_expired_link_is_a_dutch_404(client, voucher_site, method):
    application, token = submit(voucher_site.examples[0])
    unknown = getattr(client, method)("/kennisvouchers/aanvraag/bestaat-niet/", {"intrekken": "ja"})
    assert unknown.status_code == 404
    assert "Aanvraag niet gevonden" in text(unknown)
    assert "Deze link hoort niet bij een aanvraag, of hij is verlopen." in text(unknown)
    Application.objects.filter(pk=application.pk).update(
        token_expires_at=timezone.now() - timedelta(days=1)
    )
    expired = getattr(client, method)(f"/kennisvouchers/aanvraag/{token}/", {"intrekken": "ja"})
    assert expired.status_code == 404
    assert Application.objects.get(pk=application.pk).status == Status.GRANTED


# --- scheme, example and index pages --------------------------------------------------------


def test_scheme_page_shows_availability_per_example(client, voucher_site):
    a, b, c = voucher_site.examples
    submit(a)
    submit(a)
    submit(b)
    submit(c)  # waits: all 3 vouchers are granted
    response = client.get(voucher_site.page.url)
    assert response.status_code == 200
    html = text(response)
    assert "vol – wachtlijst" in html
    assert "nog 1 van 2 beschikbaar" in html
    assert "De 3 goede voorbeelden" in html
    assert re.search(r"Vouchers nog beschikbaar</dt><dd>0 van 3</dd>", html)
    assert re.search(r"Op de wachtlijst</dt><dd>1</dd>", html)
    assert "Deze regeling is gesloten" not in html


@pytest.mark.parametrize(
    ("phase", "notice"),
    [
        ("closed", "Deze regeling is gesloten: er kunnen geen aanvragen meer worden ingediend."),
        ("not_yet", "Aanvragen kan vanaf "),
    ],
)
def test_pages_of_a_scheme_that_is_not_open_show_the_notice_and_no_apply_button(
    client, voucher_site, phase, notice
):
    voucher_site.set_phase(phase)
    scheme_page = text(client.get(voucher_site.page.url))
    assert notice in scheme_page
    example = voucher_site.examples[0]
    response = client.get(example.url)
    assert response.status_code == 200
    assert notice in text(response)
    assert voucher_site.apply_url(example) not in text(response)
    assert "Vraag een voucher aan</a>" not in text(response)


def test_example_page_links_to_the_form_while_open(client, voucher_site):
    example = voucher_site.examples[0]
    html = text(client.get(example.url))
    assert f'href="{voucher_site.apply_url(example)}"' in html
    assert "Vraag een voucher aan</a>" in html
    assert "nog 2 van 2 beschikbaar" in html
    submit(example)
    submit(example)
    full = text(client.get(example.url))
    assert "vol – wachtlijst" in full
    assert "Aanvragen voor de wachtlijst</a>" in full  # still open: the waiting list takes more


def test_index_page_lists_the_scheme(client, voucher_site):
    submit(voucher_site.examples[0])
    response = client.get(voucher_site.index.url)
    assert response.status_code == 200
    html = text(response)
    assert voucher_site.scheme.title in html
    assert "Nog 2 van 3 vouchers beschikbaar." in html
    assert ">Open<" in html


# --- caching --------------------------------------------------------------------------------


def test_voucher_pages_are_never_served_from_the_page_cache(client, voucher_site, settings):
    settings.PAGE_CACHE_SECONDS = 30
    for url in [voucher_site.index.url, voucher_site.page.url, voucher_site.examples[0].url]:
        first = client.get(url)
        assert first.status_code == 200, url
        assert "no-cache" in first["Cache-Control"], url
        submit(voucher_site.examples[0])
        assert "X-Page-Cache" not in client.get(url), url


def test_the_form_remembers_its_pages_until_content_changes(
    client, voucher_site, settings, django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.PAGE_CACHE_SECONDS = 30
    url = voucher_site.apply_url()
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(1):  # the live availability, nothing else
        again = client.get(url)
    assert again.status_code == 200
    assert "Goed voorbeeld 1" in text(again)
    # an application changes nothing the form remembers; unpublishing the example does
    assert client.post(url, form_data()).status_code == 303
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the commit bumps the generation
        voucher_site.examples[0].unpublish()
    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    assert Application.objects.count() == 1
