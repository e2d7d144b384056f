"""Fixtures for the event tests: a site with the agenda page under the home page, and events whose
dates are relative to now (so every phase — open, closed, started, past — can be made)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.campaigns import services
from kennislab.campaigns.models import AgendaPage, EventPage
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home

_numbers = itertools.count(1)
_people = itertools.count(1)


def publish_child(parent, page):
    """Add `page` under `parent`, publish it, and return the fresh published page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def agenda_page() -> AgendaPage:
    agenda = AgendaPage.objects.first()
    if agenda is None:
        agenda = publish_child(
            ensure_home(), AgendaPage(title="Agenda", slug="agenda", intro="Alle activiteiten.")
        )
    return agenda


def build_event(
    *,
    starts_in: timedelta = timedelta(days=10),
    hours: float = 1,
    closes_in: timedelta | None = None,
    themes=(),
    live: bool = True,
    **fields,
) -> EventPage:
    """A published event under the agenda that starts `starts_in` from now (negative: in the
    past) and lasts `hours`; `closes_in` sets the registration deadline relative to now.
    `fields` go to EventPage (title, slug, kind, capacity, online, registration, …)."""
    number = next(_numbers)
    now = timezone.now().replace(microsecond=0)  # iCalendar times have whole seconds
    starts_at = now + starts_in
    values = {
        "title": f"Testwebinar {number}",
        "slug": f"testwebinar-{number}",
        "kind": "webinar",
        "online": True,
        "join_url": "https://webinar.voorbeeld.example/kamer",
        "intro": f"Een webinar om te testen, nummer {number}.",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=hours),
        "registration_closes_at": now + closes_in if closes_in is not None else None,
        **fields,
    }
    page = EventPage(**values)
    page.themes = list(Theme.objects.filter(slug__in=themes))
    agenda = agenda_page()
    if not live:
        page.live = False
        agenda.add_child(instance=page)
        return EventPage.objects.get(pk=page.pk)
    return publish_child(agenda, page)


def person(**overrides) -> dict:
    """The cleaned data of a valid registration (a new address each call)."""
    number = next(_people)
    return {
        "name": f"Deelnemer Nummer{number}",
        "email": f"deelnemer{number}@voorbeeld.example",
        "organisation": "GGD Waterstreek",
        **overrides,
    }


def form_data(**overrides) -> dict:
    """The POST body of a valid registration form (consent ticked, honeypot empty)."""
    data = {**person(), "consent": "on", "website": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(event, **overrides):
    """Register one person through the service: (registration, token)."""
    signed_up = services.register(event.pk, person(**overrides), "Ik geef toestemming.")
    return signed_up.registration, signed_up.token


@pytest.fixture
def agenda(db) -> AgendaPage:
    return agenda_page()


@pytest.fixture
def make_event(agenda):
    """make_event(starts_in=timedelta(days=3), capacity=2, themes=["leefstijl"], …)."""
    return build_event


@pytest.fixture
def event(make_event) -> EventPage:
    """An online webinar in ten days with 2 places; registration open until the start."""
    return make_event(title="Webinar eenzaamheid in de wijk", slug="webinar-eenzaamheid",
                      capacity=2)  # fmt: skip


# the relay campaign fixtures (a frozen clock, a live campaign with the 2021 regions, the 2021
# campaign with its activities, and those mixed with events)
from .relay_factories import campaign, clock, listed, mixed, relay  # noqa: E402, F401
