"""The agenda demo: upcoming events (the first webinar full with a waiting list) and a past
webinar to watch back; loading it twice changes nothing."""

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
    assert len(first[1]) == 4
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
    assert len(past.materials) == 3
    assert "Opname en presentatie" in str(past.materials)
    assert client.get("/agenda/").status_code == 200
    assert client.get(f"/agenda/{past.slug}/terugkijken/").status_code == 200
