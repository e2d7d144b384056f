"""Events that people can decide on (issue 12 part 5) and the form conventions of the event forms
(part 4): programme, speakers, costs or "Gratis", accessibility and route, deadline, organiser
and contact; "Zet in je agenda" (.ics, Google, Outlook, in UTC); past events "Afgelopen" without
sign-up or join link; the archive /agenda/terugkijken/; the waiting list's own words; no
calendar for a cancelled registration; dietary and accessibility questions only when the editor
asks them."""

import html as html_lib
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from kennislab.campaigns import ics, services
from kennislab.campaigns.blocks import ProgrammeSlotBlock, material_kinds
from kennislab.campaigns.forms import RegistrationForm
from kennislab.campaigns.models import EventPage, Registration, RegistrationEvent, Status
from kennislab.campaigns.views import RECORDING_COOKIE
from kennislab.content.models import ContentPage, Person
from kennislab.content.site import ensure_home
from kennislab.core.models import OutgoingEmail

from .conftest import form_data, publish_child, register
from .test_admin import _csv_rows, inspect_url, staff

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
JOIN = "https://webinar.voorbeeld.example/kamer"
PROGRAMME = [
    {"type": "slot", "value": {"starts": "14:00", "ends": "14:30", "title": "Welkom en uitleg",
                               "speaker": "Dagvoorzitter Mirjam Kolk", "description": ""}},
    {"type": "slot", "value": {"starts": "14:30", "ends": None, "title": "Werken in groepen",
                               "speaker": "", "description": "Met een plattegrond."}},
]  # fmt: skip
SPEAKERS = [
    {"type": "speaker", "value": {"name": "Jorien Tammes", "role": "Wijkverpleegkundige",
                                  "organisation": "Thuiszorg Waterstreek (verzonnen)",
                                  "bio": "Werkt twintig jaar in de wijk."}},
]  # fmt: skip
RECORDING = "https://video.voorbeeld.example/opname-77"


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def register_url(event) -> str:
    return f"/agenda/{event.slug}/aanmelden/"


def document(title="Dia's van het webinar"):
    Document = get_document_model()
    doc = Document(title=title)
    doc.file.save("dias-webinar.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    doc.save()
    return doc


def materials(with_document=None):
    blocks = [
        {"type": "embed", "value": {"url": RECORDING, "title": "Opname", "kind": "video",
                                    "description": "", "transcript": ""}},
    ]  # fmt: skip
    if with_document is not None:
        blocks.append({"type": "download", "value": {"document": with_document.pk,
                                                     "title": "", "description": ""}})  # fmt: skip
    return blocks


def privacy_page():
    return publish_child(
        ensure_home(), ContentPage(title="Privacyverklaring", slug="privacyverklaring")
    )


# --- what an event page tells -----------------------------------------------------------------


def test_programme_speakers_costs_accessibility_route_organiser_and_contact(client, make_event):
    contact = Person.objects.create(name="Wessel Kroon", role="Netwerkadviseur",
                                    email="w.kroon@voorbeeld.example")  # fmt: skip
    event = make_event(
        online=False, location="Buurthuis De Wilg, Lindeloo", programme=PROGRAMME,
        speakers=SPEAKERS, costs="€ 25 (inclusief lunch)", organiser="GGD Waterstreek",
        accessibility="Rolstoeltoegankelijk, met ringleiding.", directions="Bus 4 tot De Wilg.",
        directions_url="https://www.dewilg.example/route", contact=contact,
    )  # fmt: skip
    html = text(client.get(event.url))
    assert '<h2 id="programma-titel">Programma</h2>' in html
    assert re.search(r'<time datetime="14:00">14\.00</time>–<time datetime="14:30">14\.30</time>'
                     r" uur</p>\s*<div>\s*<h3 class=\"programme__title\">Welkom en uitleg</h3>",
                     html)  # fmt: skip
    assert "Dagvoorzitter Mirjam Kolk" in html
    assert re.search(r'<time datetime="14:30">14\.30</time> uur', html)  # no end: start only
    assert "Met een plattegrond." in html
    assert '<h2 id="sprekers-titel">Sprekers</h2>' in html
    assert "Jorien Tammes" in html
    assert "Wijkverpleegkundige, Thuiszorg Waterstreek (verzonnen)" in html
    assert "Werkt twintig jaar in de wijk." in html
    assert "<dt>Kosten</dt><dd>€ 25 (inclusief lunch)</dd>" in html
    assert "Gratis" not in html
    assert "<dt>Organisator</dt><dd>GGD Waterstreek</dd>" in html
    assert "Toegankelijkheid en route" in html and "Rolstoeltoegankelijk, met ringleiding." in html
    assert "Bus 4 tot De Wilg." in html and 'href="https://www.dewilg.example/route"' in html
    assert "Wessel Kroon" in html and 'href="mailto:w.kroon@voorbeeld.example"' in html


def test_an_event_without_costs_is_free_and_empty_parts_stay_away(client, event):
    html = text(client.get(event.url))
    assert "<dt>Kosten</dt><dd>Gratis</dd>" in html
    for absent in ("Programma", "Sprekers", "Toegankelijkheid", "Vragen?"):
        assert absent not in html, absent


def test_the_registration_deadline_is_shown_and_holds(client, make_event):
    closes = datetime.now(AMSTERDAM).replace(microsecond=0) + timedelta(days=2)
    event = make_event(starts_in=timedelta(days=5), capacity=10)
    EventPage.objects.filter(pk=event.pk).update(registration_closes_at=closes)
    event.refresh_from_db()
    shown = services.moment(closes)
    assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4}, \d{2}\.\d{2} uur", shown)
    assert f"Kan tot {shown}" in text(client.get(event.url))
    assert f"Aanmelden kan tot {shown}." in text(client.get(register_url(event)))
    EventPage.objects.filter(pk=event.pk).update(
        registration_closes_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    html = text(client.get(event.url))
    assert "<dt>Aanmelden</dt><dd>Gesloten</dd>" in html
    assert register_url(event) not in html
    assert client.post(register_url(event), form_data()).status_code == 409
    assert Registration.objects.count() == 0


def test_without_a_deadline_registration_runs_until_the_start(client, event):
    assert f"Kan tot {services.moment(event.starts_at)}" in text(client.get(event.url))


def test_an_event_without_registration_says_so(client, make_event):
    event = make_event(registration=False, online=False, location="Stadskantoor")
    html = text(client.get(event.url))
    assert "Aanmelden is niet nodig: je bent welkom zonder aanmelding." in html
    assert "<dt>Aanmelden</dt><dd>Niet nodig</dd>" in html
    assert register_url(event) not in html
    form = text(client.get(register_url(event)))
    assert "Voor dit evenement hoef je je niet aan te melden" in form
    assert 'name="email"' not in form


def test_an_online_event_without_registration_shows_its_join_link_until_it_ends(client, make_event):
    open_door = make_event(registration=False, join_url=JOIN)
    assert f'href="{JOIN}"' in text(client.get(open_door.url))
    with_sign_up = make_event(join_url=JOIN)
    assert JOIN not in text(client.get(with_sign_up.url))  # only in the confirmation


# --- past events --------------------------------------------------------------------------------


@pytest.mark.parametrize("registration", [True, False])
def test_a_past_event_says_afgelopen_and_offers_no_sign_up_join_or_calendar_link(
    client, make_event, registration
):
    event = make_event(starts_in=timedelta(days=-3), registration=registration, join_url=JOIN,
                       capacity=5)  # fmt: skip
    assert event.is_past
    html = text(client.get(event.url))
    assert '<span class="badge badge--past">Afgelopen</span>' in html
    assert "<strong>Afgelopen</strong>" in html
    assert register_url(event) not in html
    assert "Aanmelden voor de wachtlijst" not in html
    assert not re.search(r'class="button"[^>]*>Aanmelden', html)
    assert JOIN not in html and "Deelnemen" not in html
    assert "Zet in je agenda" not in html and ".ics" not in html
    assert "calendar.google.com" not in html and "outlook.live.com" not in html
    assert "Afgelopen" in text(client.get(register_url(event)))


def test_a_started_event_takes_no_sign_ups_and_is_not_yet_afgelopen(client, make_event):
    event = make_event(starts_in=timedelta(minutes=-10), hours=2, capacity=5)
    html = text(client.get(event.url))
    assert "Dit evenement is begonnen; aanmelden kan niet meer." in html
    assert register_url(event) not in html and "badge--past" not in html


def test_the_private_page_of_a_past_event_shows_no_join_link_or_cancel_form(client, event):
    _registration, token = register(event)
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=event.starts_at - timedelta(days=20), ends_at=event.ends_at - timedelta(days=20)
    )
    html = text(client.get(f"/agenda/aanmelding/{token}/"))
    assert "Afgelopen" in html and "Dit evenement is voorbij." in html
    assert "link om deel te nemen" not in html and JOIN not in html
    assert 'name="afmelden"' not in html and "calendar.google.com" not in html


# --- the archive --------------------------------------------------------------------------------


def test_the_archive_lists_only_past_live_events_with_materials(client, make_event):
    old = make_event(title="Oud webinar met opname", starts_in=timedelta(days=-60),
                     materials=materials())  # fmt: skip
    recent = make_event(title="Recent webinar met dia's", starts_in=timedelta(days=-5),
                        materials=materials(document()))  # fmt: skip
    make_event(title="Voorbij zonder materiaal", starts_in=timedelta(days=-5))
    make_event(title="Nog te komen met materiaal", materials=materials())
    make_event(title="Bezig met materiaal", starts_in=timedelta(minutes=-5), hours=2,
               materials=materials())  # fmt: skip
    make_event(title="Concept met materiaal", starts_in=timedelta(days=-5),
               materials=materials(), live=False)  # fmt: skip
    response = client.get("/agenda/terugkijken/")
    assert response.status_code == 200
    html = text(response)
    titles = re.findall(r'<a class="card__link" href="([^"]*)">([^<]*)</a>', html)
    assert titles == [
        (f"/agenda/{recent.slug}/terugkijken/", "Recent webinar met dia's"),
        (f"/agenda/{old.slug}/terugkijken/", "Oud webinar met opname"),
    ]  # newest first, each to its watch-back page
    assert "2 evenementen om terug te kijken" in html
    assert html.count("Afgelopen") >= 2
    assert '<span class="tag tag--quiet">Opname</span> <span class="tag tag--quiet">Document' in (
        html)  # fmt: skip
    assert RECORDING not in html and "dias-webinar" not in html  # named, not given away
    assert "<script" not in html.split("<main", 1)[-1]  # works without JavaScript


def test_the_agenda_links_to_the_archive(client, agenda, make_event):
    make_event(starts_in=timedelta(days=-5), materials=materials())
    html = text(client.get("/agenda/"))
    assert 'href="/agenda/terugkijken/"' in html
    assert "Terugkijken: afgelopen evenementen met opname of presentatie</a> (1)" in html


def test_the_archive_pages_through_many_events(client, make_event):
    for number in range(23):
        make_event(title=f"Archief {number}", starts_in=timedelta(days=-(number + 2)),
                   materials=materials())  # fmt: skip
    first = text(client.get("/agenda/terugkijken/"))
    assert first.count('class="card__link"') == 20 and "?pagina=2" in first
    second = text(client.get("/agenda/terugkijken/?pagina=2"))
    assert second.count('class="card__link"') == 3
    assert "Archief 22" in second
    assert client.get("/agenda/terugkijken/?pagina=onzin").status_code == 200


def test_terugkijken_is_a_reserved_slug(make_event):
    event = make_event()
    event.slug = "terugkijken"
    with pytest.raises(ValidationError):
        event.full_clean()


def test_material_kinds_name_what_there_is():
    event = EventPage(materials=[
        {"type": "embed", "value": {"url": RECORDING, "title": "Dia's", "kind": "slides"}},
        {"type": "embed", "value": {"url": RECORDING, "title": "Opname", "kind": "video"}},
        {"type": "heading", "value": {"text": "Fragmenten", "level": "h2"}},
    ])  # fmt: skip
    assert material_kinds(event.materials) == ["Opname", "Presentatie"]
    assert material_kinds(EventPage().materials) == []


def test_the_watch_back_form_unlocks_the_recording_and_the_slides(client, make_event):
    slides = document()
    event = make_event(starts_in=timedelta(days=-5), materials=materials(slides))
    url = f"/agenda/{event.slug}/terugkijken/"
    locked = text(client.get(url))
    assert RECORDING not in locked and slides.url not in locked
    done = client.post(url, {"email": "kijker@voorbeeld.example", "consent": "on"})
    assert done.status_code == 303 and RECORDING_COOKIE in client.cookies
    unlocked = text(client.get(url))
    assert f'href="{RECORDING}"' in unlocked
    assert f'href="{slides.url}"' in unlocked
    assert 'name="email"' not in unlocked


# --- "Zet in je agenda" -------------------------------------------------------------------------


def entry(**fields) -> ics.CalendarEntry:
    values = {
        "uid": "evenement-7",
        "title": "Webinar: zorg & welzijn #1",
        # 14:00 in Amsterdam in winter (CET, UTC+1) and 15:30 in summer (CEST, UTC+2)
        "starts_at": datetime(2027, 1, 12, 14, 0, tzinfo=AMSTERDAM),
        "ends_at": datetime(2027, 1, 12, 15, 30, tzinfo=AMSTERDAM),
        "url": "https://kennislab.example/agenda/webinar/",
        "location": "Café De Hoek, Lindeloo",
        "description": "Over zorg + welzijn; vragen? Stel ze!",
    }
    values.update(fields)
    return ics.CalendarEntry(**values)


def test_the_google_calendar_link_is_encoded_and_in_utc():
    url = ics.google_calendar_url(entry())
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://calendar.google.com/calendar/render"
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["action"] == ["TEMPLATE"]
    assert query["dates"] == ["20270112T130000Z/20270112T143000Z"]  # CET → UTC
    assert query["text"] == ["Webinar: zorg & welzijn #1"]
    assert query["location"] == ["Café De Hoek, Lindeloo"]
    assert query["details"] == [
        "Over zorg + welzijn; vragen? Stel ze!\n\nhttps://kennislab.example/agenda/webinar/"
    ]
    assert " " not in url and "+" not in url and "#" not in url  # spaces %20, no raw + or #
    summer = ics.google_calendar_url(entry(
        starts_at=datetime(2027, 6, 8, 10, 0, tzinfo=AMSTERDAM), ends_at=None))  # fmt: skip
    assert parse_qs(urlsplit(summer).query)["dates"] == ["20270608T080000Z/20270608T090000Z"]


def test_the_outlook_link_is_encoded_and_in_utc():
    url = ics.outlook_calendar_url(entry())
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://outlook.live.com/calendar/0/deeplink/compose"
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["subject"] == ["Webinar: zorg & welzijn #1"]
    assert query["startdt"] == ["2027-01-12T13:00:00Z"]
    assert query["enddt"] == ["2027-01-12T14:30:00Z"]
    assert query["location"] == ["Café De Hoek, Lindeloo"]
    assert query["body"][0].endswith("\n\nhttps://kennislab.example/agenda/webinar/")
    assert " " not in url and "+" not in url and "#" not in url


def test_the_event_page_offers_ics_google_and_outlook(client, event):
    html = client.get(event.url).content.decode()
    links = dict(re.findall(r'href="(https://(?:calendar\.google|outlook\.live)\.com[^"]*)"'
                            r'[^>]*>([^<]*)<', html))  # fmt: skip
    by_label = {label: html_lib.unescape(href) for href, label in links.items()}
    google = parse_qs(urlsplit(by_label["Google Agenda"]).query)
    start = event.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    end = event.ends_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert google["dates"] == [f"{start}/{end}"] and google["text"] == [event.title]
    outlook = parse_qs(urlsplit(by_label["Outlook.com"]).query)
    assert outlook["startdt"] == [event.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert f'href="/agenda/{event.slug}.ics" download' in html
    assert "<script" not in html.split("calendar-links", 1)[1].split("</div>", 1)[0]


# --- the participant's texts: waiting list, cancelled -------------------------------------------


def test_a_waiting_registrant_reads_about_the_waiting_list(client, event):
    register(event)
    register(event)
    waiting, token = register(event)
    mail = OutgoingEmail.objects.filter(to=waiting.email).get()
    assert mail.subject.startswith("Je staat op de wachtlijst")
    assert "Je staat op de wachtlijst, op plaats 1." in mail.body and mail.attachments == []
    html = text(client.get(f"/agenda/aanmelding/{token}/"))
    assert "<h1>Je plaats op de wachtlijst</h1>" in html
    assert "Op de wachtlijst, plaats 1" in html
    assert "Van de wachtlijst af" in html and "Ik wil niet meer op de wachtlijst staan." in html
    assert "Je bent aangemeld" not in html and "Meld je af, dan geven we je plaats" not in html
    assert "calendar.google.com" not in html  # no appointment before there is a place
    done = text(client.post(f"/agenda/aanmelding/{token}/", {"afmelden": "ja"}))
    assert "Je staat niet meer op de wachtlijst." in done
    goodbye = OutgoingEmail.objects.filter(to=waiting.email).order_by("pk").last()
    assert goodbye.subject.startswith("Je staat niet meer op de wachtlijst")


def test_a_cancelled_registration_offers_no_calendar_file(client, event):
    registration, token = register(event)
    before = text(client.get(f"/agenda/aanmelding/{token}/"))
    assert f'href="/agenda/{event.slug}.ics"' in before and "calendar.google.com" in before
    after = text(client.post(f"/agenda/aanmelding/{token}/", {"afmelden": "ja"}))
    assert "Afgemeld" in after
    for link in (".ics", "calendar.google.com", "outlook.live.com", "Zet in je agenda"):
        assert link not in after, link
    assert ".ics" not in text(client.get(f"/agenda/aanmelding/{token}/"))
    goodbye = OutgoingEmail.objects.filter(to=registration.email).order_by("pk").last()
    assert goodbye.subject.startswith("Je bent afgemeld") and goodbye.attachments == []


def test_the_neutral_answer_names_the_waiting_list_when_the_event_is_full(client, event):
    answer = text(client.get(f"/agenda/{event.slug}/aangemeld/"))
    assert "wachtlijst" not in answer
    register(event)
    register(event)
    full = text(client.get(f"/agenda/{event.slug}/aangemeld/"))
    assert "Het evenement is vol: wie zich nu aanmeldt, komt op de wachtlijst." in full
    assert client.get("/agenda/bestaat-niet/aangemeld/").status_code == 404


# --- dietary and accessibility needs --------------------------------------------------------------


def test_the_questions_are_asked_only_when_the_event_asks(client, make_event):
    plain = make_event()
    html = text(client.get(register_url(plain)))
    assert 'name="dietary"' not in html and 'name="access_needs"' not in html
    assert "Wat heb je nodig?" not in html
    diet_only = make_event(ask_dietary=True)
    html = text(client.get(register_url(diet_only)))
    assert 'name="dietary"' in html and 'name="access_needs"' not in html
    both = make_event(ask_dietary=True, ask_accessibility=True)
    html = text(client.get(register_url(both)))
    assert 'name="dietary"' in html and 'name="access_needs"' in html
    assert "Wat heb je nodig?" in html
    assert "alleen voor de organisatie van dit evenement" in html  # in the consent


def test_answers_are_stored_shown_to_the_participant_and_mailed(client, make_event):
    event = make_event(ask_dietary=True, ask_accessibility=True)
    response = client.post(register_url(event), form_data(
        email="gast@voorbeeld.example", dietary="  Vegetarisch, geen noten ",
        access_needs="Een rolstoelplaats"))  # fmt: skip
    assert response.status_code == 303
    stored = Registration.objects.get()
    assert (stored.dietary, stored.access_needs) == (
        "Vegetarisch, geen noten",
        "Een rolstoelplaats",
    )
    assert "dieetwensen" in stored.consent_text
    mail = OutgoingEmail.objects.get()
    # the receipt goes to an unconfirmed address: it does not quote what was typed (issue 14)
    assert "Vegetarisch" not in mail.body and "rolstoelplaats" not in mail.body


def test_answers_for_questions_not_asked_are_not_stored(client, event):
    response = client.post(register_url(event), form_data(dietary="Halal", access_needs="Tolk"))
    assert response.status_code == 303
    stored = Registration.objects.get()
    assert (stored.dietary, stored.access_needs) == ("", "")
    assert (
        services.register(
            event.pk,
            {"name": "Via Dienst", "email": "dienst@voorbeeld.example", "dietary": "Halal"},
            "Ja.",
        ).registration.dietary
        == ""
    )


def test_too_long_answers_are_refused_in_dutch_and_nothing_is_stored(client, make_event):
    event = make_event(ask_dietary=True, ask_accessibility=True)
    response = client.post(register_url(event), form_data(dietary="x" * 501))
    assert response.status_code == 400
    assert "Gebruik hoogstens 500 tekens voor je dieetwensen." in text(response)
    assert Registration.objects.count() == 0 and OutgoingEmail.objects.count() == 0


def test_answers_are_wiped_when_the_registration_is_cancelled(make_event):
    event = make_event(ask_dietary=True, ask_accessibility=True)
    registration, token = register(event, dietary="Glutenvrij", access_needs="Ringleiding")
    assert Registration.objects.get(pk=registration.pk).dietary == "Glutenvrij"
    services.cancel(token)
    stored = Registration.objects.get(pk=registration.pk)
    assert (stored.status, stored.dietary, stored.access_needs) == (Status.CANCELLED, "", "")
    assert not Registration.objects.filter(dietary="Glutenvrij").exists()


def test_the_admin_shows_and_exports_the_answers(client, make_event):
    event = make_event(ask_dietary=True, ask_accessibility=False)
    registration, _ = register(event, name="Gast Een", dietary="Veganistisch")
    client.force_login(staff("kijker", "view_registration"))
    html = text(client.get(inspect_url(registration)))
    assert "Wat de deelnemer nodig heeft" in html
    assert "Veganistisch" in html and "Niet gevraagd bij dit evenement" in html
    rows = _csv_rows(client.get("/admin/aanmeldingen/", {"export": "csv"}))
    (row,) = rows
    assert row["Dieetwensen"] == "Veganistisch" and row["Wensen voor toegankelijkheid"] == ""


# --- form conventions (issue 12 part 4) ------------------------------------------------------------


def field_html(html: str, name: str) -> str:
    return re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)


def test_the_registration_form_follows_the_form_conventions(client, make_event):
    privacy_page()
    event = make_event(ask_dietary=True, ask_accessibility=True)
    html = text(client.get(register_url(event)))
    assert 'autocomplete="name"' in field_html(html, "name")
    assert 'autocomplete="email"' in field_html(html, "email")
    assert 'type="email"' in field_html(html, "email")
    assert 'autocomplete="organization"' in field_html(html, "organisation")
    # "(niet verplicht)" once per optional field, and nowhere else
    assert html.count("(niet verplicht)") == 3
    for label in ("Organisatie", "Dieetwensen", "Wensen voor toegankelijkheid"):
        assert re.search(rf">{label} <span class=\"form-optional\">\(niet verplicht\)</span>",
                         html), label  # fmt: skip
    # the privacy statement where consent is asked
    consent_part = html.split('name="consent"', 1)[1]
    assert 'href="/privacyverklaring/"' in consent_part.split("</div>", 2)[1]
    # counters where a long text may be written, tied to the field
    for name in ("organisation", "dietary", "access_needs"):
        assert f'id="id_{name}-teller"' in html, name
        assert f"id_{name}-teller" in field_html(html, name)
    assert 'maxlength="500"' in field_html(html, "dietary")
    assert "id_email-teller" not in html


def test_the_watch_back_form_follows_the_form_conventions(client, make_event):
    privacy_page()
    event = make_event(starts_in=timedelta(days=-5), materials=materials())
    html = text(client.get(f"/agenda/{event.slug}/terugkijken/"))
    assert 'autocomplete="email"' in field_html(html, "email")
    assert 'href="/privacyverklaring/"' in html
    assert "(niet verplicht)" not in html  # every field is needed


def test_a_form_for_an_event_that_asks_nothing_has_no_needs_fields():
    form = RegistrationForm(event=None)
    assert set(form.fields) == {"name", "email", "organisation", "consent", "website"}


def test_a_programme_slot_must_end_after_it_starts():
    block = ProgrammeSlotBlock()
    value = block.to_python({"starts": "15:00", "ends": "14:00", "title": "Omgekeerd",
                             "speaker": "", "description": ""})  # fmt: skip
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_registering_twice_leaves_one_registration_and_one_extra_log_line(client, event):
    client.post(register_url(event), form_data(email="twee@voorbeeld.example"))
    logs = RegistrationEvent.objects.count()
    client.post(register_url(event), form_data(email="twee@voorbeeld.example"))
    assert Registration.objects.count() == 1
    assert RegistrationEvent.objects.count() == logs + 1  # "nieuwe link gestuurd"
    assert OutgoingEmail.objects.count() == 2
