"""The public event pages over HTTP: the registration form (bad input, refusals, CSRF, rate limit),
the participant's private page, the event and agenda pages with their filters, the iCal downloads
and feeds, and watching a webinar back."""

import html as html_lib
import re
import types
from datetime import timedelta

import icalendar
import pytest
from django.core import signing
from django.test import Client

from kennislab.campaigns.models import Registration, RegistrationEvent, Status
from kennislab.campaigns.views import RECORDING_COOKIE
from kennislab.core import ratelimit
from kennislab.core.models import OutgoingEmail

from .conftest import form_data, register

pytestmark = pytest.mark.django_db

FORM = '<form class="form" method="post"'
MATERIALS = [
    {"type": "heading", "value": {"level": "h2", "text": "Opname en presentatie"}},
    {"type": "paragraph", "value": "<p>De opname staat op video.voorbeeld.example/opname-42.</p>"},
]


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def nothing_stored():
    return (
        Registration.objects.count() == 0
        and RegistrationEvent.objects.count() == 0
        and OutgoingEmail.objects.count() == 0
    )


def register_url(event) -> str:
    return f"/agenda/{event.slug}/aanmelden/"


def field_error(html: str, field: str) -> list[str]:
    pattern = rf'<p class="form-error" id="id_{field}-fout"><span class="visually-hidden">Fout:</span> ([^<]*)</p>'
    return re.findall(pattern, html)


def titles(response) -> list[str]:
    return re.findall(r'<a class="card__link" href="[^"]*">([^<]*)</a>', text(response))


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar) -> list[str]:
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


# --- the registration form ------------------------------------------------------------------


def test_the_form(client, event):
    response = client.get(register_url(event))
    assert response.status_code == 200
    html = text(response)
    assert FORM in html
    assert 'name="csrfmiddlewaretoken"' in html
    for name in ("name", "email", "organisation", "consent", "website"):
        assert f'name="{name}"' in html, name
    assert "Aanmelden voor ‘Webinar eenzaamheid in de wijk’" in html
    assert "nog 2 van 2 plaatsen vrij" in html


def latest_token(registration) -> str:
    """The private token in the latest e-mail to this registration's address."""
    mail = OutgoingEmail.objects.filter(to=registration.email).order_by("pk").last()
    return re.search(r"/agenda/aanmelding/([A-Za-z0-9_-]{20,})/", mail.body).group(1)


def test_a_valid_registration_answers_neutrally_and_mails_the_private_link(client, event):
    response = client.post(register_url(event), form_data(name="Anna de Vries"))
    assert response.status_code == 303
    assert response["Location"] == f"/agenda/{event.slug}/aangemeld/"
    registration = Registration.objects.get()
    assert (registration.name, registration.status) == ("Anna de Vries", Status.REGISTERED)
    assert registration.consent_text.startswith("Ik geef toestemming om mijn naam")
    answer = client.get(response["Location"])
    assert answer.status_code == 200
    assert "Kijk in je e-mail" in text(answer)
    assert "no-store" in answer["Cache-Control"]
    assert OutgoingEmail.objects.get().subject.startswith("Je bent aangemeld")
    page = client.get(f"/agenda/aanmelding/{latest_token(registration)}/")
    assert "Je bent aangemeld" in text(page)
    assert f'href="/agenda/{event.slug}.ics"' in text(page)


def test_a_full_event_puts_you_on_the_waiting_list(client, event):
    register(event)
    register(event)
    form = text(client.get(register_url(event)))
    assert "vol – wachtlijst" in form and "Alle plaatsen zijn bezet." in form
    response = client.post(register_url(event), form_data())
    assert response.status_code == 303
    answer = text(client.get(response["Location"]))
    assert "Het evenement is vol: wie zich nu aanmeldt, komt op de wachtlijst." in answer
    waiting = Registration.objects.get(status=Status.WAITING)
    page = text(client.get(f"/agenda/aanmelding/{latest_token(waiting)}/"))
    assert "Op de wachtlijst, plaats 1" in page


LONG = "x" * 100_000


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": None}, "name", "Vul je naam in."),
        ({"name": "   "}, "name", "Vul je naam in."),
        ({"name": "A"}, "name", "Vul je naam in."),
        ({"email": None}, "email", "Vul je e-mailadres in."),
        ({"email": "anna@"}, "email", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        (
            {"email": "geen adres"},
            "email",
            "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.",
        ),
        ({"consent": None}, "consent", "Geef toestemming om je aanmelding te kunnen verwerken."),
        ({"name": LONG}, "name", "150 tekens"),
        ({"organisation": LONG}, "organisation", "200 tekens"),
        ({"email": LONG + "@voorbeeld.example"}, "email", ""),
    ],
)
def test_bad_input_changes_nothing_and_says_why_in_dutch(client, event, overrides, field, message):
    response = client.post(register_url(event), form_data(**overrides))
    assert response.status_code == 400
    html = text(response)
    errors = field_error(html, field)
    assert errors, html[:2000]
    assert any(message in error for error in errors), errors
    assert "<title>Fout:" in html
    assert FORM in html  # the form again, to correct
    assert nothing_stored()


def test_the_honeypot_stores_nothing(client, event):
    response = client.post(register_url(event), form_data(website="https://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd." in text(
        response
    )
    assert nothing_stored()


def test_registering_twice_answers_neutrally_and_resends_the_link(client, event):
    first = client.post(register_url(event), form_data(email="anna@voorbeeld.example"))
    registration = Registration.objects.get()
    old_token = latest_token(registration)
    before = Registration.objects.count(), RegistrationEvent.objects.count()
    second = client.post(register_url(event), form_data(email="ANNA@voorbeeld.example",
                                                        name="Iemand Anders"))  # fmt: skip
    assert second.status_code == first.status_code == 303
    assert second["Location"] == first["Location"]  # the same answer page
    assert text(client.get(second["Location"])) == text(client.get(first["Location"]))
    assert Registration.objects.count() == before[0]  # nothing duplicated
    assert Registration.objects.get().name != "Iemand Anders"
    assert OutgoingEmail.objects.count() == 2  # the link, mailed again
    new_token = latest_token(registration)
    assert new_token != old_token
    assert client.get(f"/agenda/aanmelding/{old_token}/").status_code == 404
    assert client.get(f"/agenda/aanmelding/{new_token}/").status_code == 200


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"closes_in": timedelta(minutes=-1)}, "de aanmeldtermijn is voorbij"),
        ({"starts_in": timedelta(minutes=-10)}, "al begonnen of voorbij"),
        ({"starts_in": timedelta(days=-5)}, "al begonnen of voorbij"),
        ({"registration": False}, "Voor dit evenement hoef je je niet aan te melden"),
    ],
)
def test_a_closed_or_past_event_takes_no_registrations(client, make_event, fields, message):
    event = make_event(capacity=10, **fields)
    response = client.post(register_url(event), form_data())
    assert response.status_code == 409
    html = text(response)
    assert message in html
    assert FORM not in html
    assert nothing_stored()
    shown = client.get(register_url(event))
    assert shown.status_code == 200
    assert message in text(shown) and FORM not in text(shown)


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_event_is_a_dutch_404(client, event, method):
    response = getattr(client, method)("/agenda/bestaat-niet/aanmelden/", form_data())
    assert response.status_code == 404
    assert "Evenement niet gevonden" in text(response)
    assert nothing_stored()


def test_a_draft_event_is_unknown(client, make_event):
    draft = make_event(live=False)
    assert client.get(register_url(draft)).status_code == 404
    assert client.post(register_url(draft), form_data()).status_code == 404
    assert client.get(f"/agenda/{draft.slug}.ics").status_code == 404
    assert nothing_stored()


def csrf_token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response)).group(1)


def test_a_tampered_csrf_token_is_refused_in_dutch(event):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token_in(client.get(register_url(event)))
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(register_url(event), form_data(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert nothing_stored()
    accepted = client.post(register_url(event), form_data(csrfmiddlewaretoken=token))
    assert accepted.status_code == 303  # the 403 was the token's doing


def test_the_21st_post_in_an_hour_is_rate_limited(client, event, monkeypatch):
    # A fixed clock, so that the hour's window cannot end in the middle of the test.
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    for _ in range(20):
        assert client.post(register_url(event), form_data(email="fout")).status_code == 400
    blocked = client.post(register_url(event), form_data())
    assert blocked.status_code == 429
    assert "Je hebt in korte tijd heel veel verzoeken gedaan." in text(blocked)
    assert int(blocked["Retry-After"]) > 0
    assert nothing_stored()
    assert client.get(register_url(event)).status_code == 200  # reading is not limited
    other = client.post(register_url(event), form_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 303


# --- the participant's page -----------------------------------------------------------------


def test_the_participant_page_is_private(client, event):
    registration, token = register(event, name="Anna de Vries")
    response = client.get(f"/agenda/aanmelding/{token}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    assert "Je bent aangemeld" in html
    assert registration.email in html
    assert 'name="afmelden"' in html


def test_cancelling_needs_the_checkbox(client, event):
    registration, token = register(event)
    response = client.post(f"/agenda/aanmelding/{token}/", {})
    assert response.status_code == 400
    html = text(response)
    assert "Vink aan dat je je wilt afmelden." in html
    assert "notice--error" in html
    assert Registration.objects.get(pk=registration.pk).status == Status.REGISTERED
    assert client.post(f"/agenda/aanmelding/{token}/", {"afmelden": "nee"}).status_code == 400


def test_cancelling_on_the_participant_page(client, event):
    registration, token = register(event)
    register(event)
    waiting, _ = register(event)
    response = client.post(f"/agenda/aanmelding/{token}/", {"afmelden": "ja"})
    assert response.status_code == 200
    html = text(response)
    assert "Je bent afgemeld" in html
    assert "Afgemeld" in html
    assert 'name="afmelden"' not in html  # nothing left to cancel
    assert Registration.objects.get(pk=registration.pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == Status.REGISTERED


def test_cancelling_after_the_start_is_a_409(client, event):
    registration, token = register(event)
    type(event).objects.filter(pk=event.pk).update(starts_at=event.starts_at - timedelta(days=11))
    response = client.post(f"/agenda/aanmelding/{token}/", {"afmelden": "ja"})
    assert response.status_code == 409
    assert "Het evenement is al begonnen" in text(response)
    assert Registration.objects.get(pk=registration.pk).status == Status.REGISTERED


def test_an_unknown_or_tampered_token_is_a_404(client, event):
    _registration, token = register(event)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for url in (f"/agenda/aanmelding/{tampered}/", "/agenda/aanmelding/onzin/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in text(response)
        assert client.post(url, {"afmelden": "ja"}).status_code == 404
    assert Registration.objects.get().status == Status.REGISTERED


# --- the event and agenda pages -------------------------------------------------------------


def test_the_event_page_shows_the_places_left_and_the_calendar_link(client, event):
    assert event.url == f"/agenda/{event.slug}/"
    html = text(client.get(event.url))
    assert "nog 2 van 2 plaatsen vrij" in html
    assert f'href="/agenda/{event.slug}.ics" download' in html
    assert 'href="https://calendar.google.com/calendar/render?action=TEMPLATE' in html
    assert 'href="https://outlook.live.com/calendar/0/deeplink/compose?' in html
    assert f'href="/agenda/{event.slug}/aanmelden/"' in html
    assert "webinar.voorbeeld.example" not in html  # the join link is only in the confirmation
    register(event)
    assert "nog 1 van 2 plaatsen vrij" in text(client.get(event.url))
    register(event)
    html = text(client.get(event.url))
    assert "vol – wachtlijst" in html
    assert "Aanmelden voor de wachtlijst" in html
    assert "no-cache" in client.get(event.url)["Cache-Control"]


def test_the_event_page_after_the_deadline(client, make_event):
    event = make_event(capacity=5, closes_in=timedelta(minutes=-1))
    html = text(client.get(event.url))
    assert "Aanmelden kan niet meer: de aanmeldtermijn is voorbij." in html
    assert f"/agenda/{event.slug}/aanmelden/" not in html


@pytest.fixture
def agenda_events(make_event):
    """Four upcoming events (kinds, themes, online or not), and a past and a draft one."""
    return {
        "webinar": make_event(title="Webinar mentaal", kind="webinar", online=True,
                              themes=["mentale-gezondheid"], starts_in=timedelta(days=1),
                              capacity=3),
        "workshop": make_event(title="Werkplaats groen", kind="workshop", online=False,
                               location="Buurthuis De Wilg", themes=["groen-en-gezondheid"],
                               starts_in=timedelta(days=2)),
        "market": make_event(title="Markt leefstijl", kind="market", online=False,
                             location="Stadskantoor", registration=False,
                             themes=["leefstijl", "mentale-gezondheid"],
                             starts_in=timedelta(days=3)),
        "lecture": make_event(title="Lezing zonder thema", kind="lecture", online=True,
                              starts_in=timedelta(days=4)),
        "past": make_event(title="Voorbij webinar", kind="webinar", online=True,
                           themes=["mentale-gezondheid"], starts_in=timedelta(days=-2)),
        "draft": make_event(title="Concept webinar", kind="webinar", online=True,
                            themes=["mentale-gezondheid"], live=False),
    }  # fmt: skip


ALL = ["Webinar mentaal", "Werkplaats groen", "Markt leefstijl", "Lezing zonder thema"]


def test_the_agenda_lists_only_upcoming_live_events_in_order(client, agenda, agenda_events):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert titles(response) == ALL
    html = text(response)
    assert "4 activiteiten in de agenda" in html
    assert "nog 3 van 3 plaatsen vrij" in html
    assert 'href="/agenda/feed.ics"' in html
    assert "Alle filters wissen" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soort=webinar", ["Webinar mentaal"]),
        ("soort=webinar&soort=workshop", ["Webinar mentaal", "Werkplaats groen"]),
        ("thema=mentale-gezondheid", ["Webinar mentaal", "Markt leefstijl"]),
        ("thema=mentale-gezondheid&thema=leefstijl", ["Webinar mentaal", "Markt leefstijl"]),
        ("thema=groen-en-gezondheid&thema=leefstijl", ["Werkplaats groen", "Markt leefstijl"]),
        ("vorm=online", ["Webinar mentaal", "Lezing zonder thema"]),
        ("vorm=op-locatie", ["Werkplaats groen", "Markt leefstijl"]),
        ("vorm=online&vorm=op-locatie", ALL),
        ("soort=market&thema=mentale-gezondheid", ["Markt leefstijl"]),
        ("soort=webinar&soort=market&vorm=op-locatie", ["Markt leefstijl"]),
        ("soort=workshop&thema=mentale-gezondheid", []),
        ("thema=mentale-gezondheid&vorm=online", ["Webinar mentaal"]),
        ("soort=onzin", ALL),
        ("thema=bestaat-niet&vorm=overal", ALL),
        ("soort=onzin&soort=lecture", ["Lezing zonder thema"]),
        ("soort=" + "x" * 5000, ALL),
    ],
)
def test_the_agenda_filters(client, agenda, agenda_events, query, expected):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_chosen_filters_stay_checked_and_can_be_cleared(client, agenda, agenda_events):
    html = text(client.get("/agenda/?soort=webinar&soort=workshop&thema=onzin"))
    assert re.search(r'name="soort" value="webinar" checked', html)
    assert re.search(r'name="soort" value="workshop" checked', html)
    assert not re.search(r'name="soort" value="market" checked', html)
    assert "Alle filters wissen" in html
    empty = text(client.get("/agenda/?soort=workshop&thema=mentale-gezondheid"))
    assert "Geen activiteiten met deze filters." in empty


# --- calendars ------------------------------------------------------------------------------


def test_the_event_ics_download(client, event):
    response = client.get(f"/agenda/{event.slug}.ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="webinar-eenzaamheid-in-de-wijk.ics"'
    )
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "Webinar eenzaamheid in de wijk"
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["URL"]) == f"http://testserver/agenda/{event.slug}/"
    assert str(entry["DESCRIPTION"]).endswith(f"http://testserver/agenda/{event.slug}/")
    assert str(entry["UID"]) == f"evenement-{event.pk}@kennislab"
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert [str(c) for c in entry["CATEGORIES"].cats] == ["Webinar"]
    assert client.get("/agenda/bestaat-niet.ics").status_code == 404


def test_the_feed_has_only_upcoming_events(client, agenda, agenda_events):
    response = client.get("/agenda/feed.ics")
    assert 'filename="agenda-kennislab.ics"' in response["Content-Disposition"]
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "Agenda Kennislab"
    assert summaries(calendar) == ALL
    uids = [str(entry["UID"]) for entry in calendar.walk("VEVENT")]
    assert len(set(uids)) == 4


def test_a_theme_feed_has_only_that_themes_events(client, agenda, agenda_events):
    calendar = calendar_of(client.get("/agenda/thema/mentale-gezondheid.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Agenda Kennislab: Mentale gezondheid"
    assert summaries(calendar) == ["Webinar mentaal", "Markt leefstijl"]
    assert summaries(calendar_of(client.get("/agenda/thema/zorginnovatie.ics"))) == []
    unknown = client.get("/agenda/thema/bestaat-niet.ics")
    assert unknown.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in text(unknown)


# --- watching back --------------------------------------------------------------------------


@pytest.fixture
def past_webinar(make_event):
    return make_event(title="Webinar Positieve Gezondheid", starts_in=timedelta(days=-40),
                      materials=MATERIALS)  # fmt: skip


def recording_url(event) -> str:
    return f"/agenda/{event.slug}/terugkijken/"


def test_watching_back_after_leaving_an_email_address(client, past_webinar):
    from kennislab.campaigns.models import RecordingAccess

    url = recording_url(past_webinar)
    form = client.get(url)
    assert form.status_code == 200
    assert FORM in text(form)
    assert "opname-42" not in text(form)
    assert 'href="/agenda/webinar-positieve-gezondheid/terugkijken/"' not in text(form)

    bad = client.post(url, {"email": "geen adres", "consent": "on"})
    assert bad.status_code == 400
    assert "Vul een geldig e-mailadres in" in text(bad)
    assert "opname-42" not in text(bad)
    no_consent = client.post(url, {"email": "anna@voorbeeld.example"})
    assert no_consent.status_code == 400
    assert "Geef toestemming om de opname te kunnen bekijken." in text(no_consent)
    spam = client.post(url, {"email": "a@voorbeeld.example", "consent": "on", "website": "x"})
    assert spam.status_code == 400
    assert RecordingAccess.objects.count() == 0
    assert RECORDING_COOKIE not in client.cookies

    done = client.post(url, {"email": "Anna@Voorbeeld.example", "consent": "on"})
    assert done.status_code == 303
    assert done["Location"] == url
    assert client.cookies[RECORDING_COOKIE]["httponly"]
    access = RecordingAccess.objects.get()
    assert (access.event_id, access.email) == (past_webinar.pk, "anna@voorbeeld.example")
    shown = client.get(url)
    assert shown.status_code == 200
    assert "opname-42" in text(shown)
    assert "Opname en presentatie" in text(shown)
    assert FORM not in text(shown)
    again = client.post(url, {"email": "anna@voorbeeld.example", "consent": "on"})
    assert again.status_code == 303
    assert RecordingAccess.objects.count() == 1  # one per address


def test_the_past_event_page_links_to_watching_back(client, past_webinar):
    html = text(client.get(past_webinar.url))
    assert f'href="{recording_url(past_webinar)}"' in html
    assert f"/agenda/{past_webinar.slug}/aanmelden/" not in html


def test_an_event_without_materials_has_nothing_to_watch(client, make_event):
    event = make_event(starts_in=timedelta(days=-40))
    response = client.get(recording_url(event))
    assert response.status_code == 404
    assert "Evenement niet gevonden" in text(response)
    assert client.post(recording_url(event), {"email": "a@voorbeeld.example",
                                              "consent": "on"}).status_code == 404  # fmt: skip
    assert client.get("/agenda/bestaat-niet/terugkijken/").status_code == 404


def test_materials_stay_hidden_until_the_event_is_over(client, make_event):
    upcoming = make_event(starts_in=timedelta(days=3), materials=MATERIALS)
    assert client.get(recording_url(upcoming)).status_code == 404
    response = client.post(recording_url(upcoming), {"email": "a@voorbeeld.example",
                                                     "consent": "on"})  # fmt: skip
    assert response.status_code == 404
    assert RECORDING_COOKIE not in client.cookies


def test_a_forged_cookie_shows_the_form_again(client, past_webinar, make_event):
    url = recording_url(past_webinar)
    forged = [
        "onzin",
        signing.dumps([past_webinar.pk], salt="iets-anders"),
        signing.dumps([past_webinar.pk], salt="terugkijken", key="niet-de-echte-sleutel"),
        signing.dumps([past_webinar.pk], salt="terugkijken")[:-2] + "xx",
        signing.dumps({"event": past_webinar.pk}, salt="terugkijken"),
    ]
    for value in forged:
        client.cookies[RECORDING_COOKIE] = value
        response = client.get(url)
        assert response.status_code == 200
        assert FORM in text(response), value
        assert "opname-42" not in text(response), value
    other = make_event(starts_in=timedelta(days=-20), materials=MATERIALS)
    client.cookies[RECORDING_COOKIE] = signing.dumps([other.pk], salt="terugkijken")
    assert "opname-42" not in text(client.get(url))  # a cookie for another event only
    assert "opname-42" in text(client.get(recording_url(other)))
