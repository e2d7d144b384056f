"""The agenda demo: upcoming events (the first webinar full with a waiting list) and a past
webinar to watch back; loading it twice changes nothing."""

import io

import pytest
from django.utils import timezone

from kennislab.campaigns import demo
from kennislab.campaigns.models import (
    AgendaPage,
    EventPage,
    Registration,
    RegistrationEvent,
    Status,
)
from kennislab.content.demo.data import PEOPLE
from kennislab.content.models import Person
from kennislab.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        AgendaPage.objects.count(),
        sorted(EventPage.objects.values_list("slug", flat=True)),
        Registration.objects.count(),
        RegistrationEvent.objects.count(),
        OutgoingEmail.objects.count(),
    )


def test_load_demo_twice_is_idempotent():
    assert not demo.database_has_content()
    demo.load_demo()
    assert demo.database_has_content()
    first = snapshot()
    assert first[0] == 1
    assert len(first[1]) == 3 + 1 + len(demo.PAST_WEBINARS)  # upcoming, past, past webinars
    assert first[2] == 5
    demo.load_demo()
    assert snapshot() == first


def test_the_first_webinar_is_full_with_two_waiting():
    demo.load_demo()
    first = EventPage.objects.get(slug=demo.EVENTS[0][0])
    assert first.live and first.registration and first.capacity == 3
    assert first.phase() == "open"
    registrations = list(Registration.objects.filter(event=first).order_by("sequence"))
    assert [r.status for r in registrations] == [Status.REGISTERED] * 3 + [Status.WAITING] * 2
    assert [r.position for r in registrations[3:]] == [1, 2]
    assert [r.name for r in registrations] == demo.PARTICIPANTS
    assert all(r.email.endswith("@kennislab.example") for r in registrations)
    assert first.themes.filter(slug="mentale-gezondheid").exists()


def test_the_events_are_upcoming_and_the_past_webinar_has_materials(client):
    demo.load_demo()
    now = timezone.now()
    for spec in demo.EVENTS:
        event = EventPage.objects.get(slug=spec[0])
        assert event.live and event.starts_at > now, event.title
        assert event.ends_at > event.starts_at
    market = EventPage.objects.get(slug="informatiemarkt-vitaal-werken")
    assert not market.registration
    past = EventPage.objects.get(slug=demo.PAST[0])
    assert past.is_past and past.live
    assert not past.registration
    kinds = [block.block_type for block in past.materials]
    assert kinds == ["heading", "embed", "embed", "download", "list"]
    assert past.materials[3].value["document"].file.name.endswith(".pdf")
    assert client.get("/agenda/").status_code == 200
    assert client.get(f"/agenda/{past.slug}/terugkijken/").status_code == 200
    archive = client.get("/agenda/terugkijken/")
    assert archive.status_code == 200
    assert past.title in archive.content.decode()


def test_every_demo_event_shows_programme_speakers_costs_and_contact(client):
    for adviser in PEOPLE:  # the content demo's advisers, the events' contact persons
        Person.objects.create(name=adviser["name"], role=adviser["role"], email=adviser["email"])
    demo.load_demo()
    for spec in [*demo.EVENTS, demo.PAST]:
        event = EventPage.objects.get(slug=spec[0])
        assert len(event.programme) >= 2 and len(event.speakers) >= 1, event.title
        assert event.accessibility and event.contact is not None, event.title
        html = client.get(event.url).content.decode()
        assert "Programma" in html and "Sprekers" in html and event.contact.name in html
    workshop = EventPage.objects.get(slug="werkplaats-gezonde-schoolpleinen")
    assert workshop.costs.startswith("€ 25") and workshop.directions
    assert workshop.ask_dietary and workshop.ask_accessibility
    form = client.get(f"/agenda/{workshop.slug}/aanmelden/").content.decode()
    assert 'name="dietary"' in form and 'name="access_needs"' in form
    free = EventPage.objects.get(slug=demo.EVENTS[0][0])
    assert not free.costs and "Gratis" in client.get(free.url).content.decode()


def test_a_demo_loaded_before_events_had_details_gets_them():
    demo.load_demo()
    EventPage.objects.update(programme=[], speakers=[], costs="")
    demo.load_demo()
    assert all(len(event.programme) >= 2 for event in EventPage.objects.all())


def test_the_demo_webinar_items_lead_to_the_watch_back_form(client):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())  # the items first, then the agenda
    for slug, *_rest in demo.PAST_WEBINARS:
        html = client.get(f"/kennislab/{slug}/").content.decode()
        assert f'href="/agenda/{slug}/terugkijken/"' in html, slug
        assert client.get(f"/agenda/{slug}/terugkijken/").status_code == 200
