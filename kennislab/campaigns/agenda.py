"""The one agenda: upcoming events and the approved activities of relay campaigns, with
multi-select filters, and the same list as iCal feeds; and its archive of past events to watch
back."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from kennislab.content.models import Theme
from kennislab.core.views import chosen_filters

from . import services
from .models import AgendaPage, EventPage, Kind, Status
from .services import Places

FORMATS = {"online": "Online", "op-locatie": "Op locatie"}


def upcoming(kinds=(), themes=(), formats=()):
    events = EventPage.objects.live().public().filter(ends_at__gte=timezone.now())
    if kinds:
        events = events.filter(kind__in=kinds)
    if themes:
        events = events.filter(themes__slug__in=themes).distinct()
    if set(formats) == {"online"}:
        events = events.filter(online=True)
    elif set(formats) == {"op-locatie"}:
        events = events.filter(online=False)
    return events.order_by("starts_at", "pk")


def archived():
    """Past events (over) that have materials to watch back, the most recent first."""
    events = EventPage.objects.live().public().filter(ends_at__lt=timezone.now())
    return events.exclude(materials=[]).order_by("-starts_at", "-pk")


def event_context(event: EventPage) -> dict:
    """What an event page shows besides its fields: places left, the phase of registration and
    its deadline, the calendar links (none once it is over)."""
    return {
        "places": services.places(event),
        "phase": event.phase(),
        "when": services.when(event),
        "deadline": services.moment(event.registration_deadline),
        "calendar": services.calendar_links(event),
        "archive_url": reverse("campaigns:archive"),
    }


def agenda_page() -> AgendaPage | None:
    return AgendaPage.objects.live().public().first()


def with_places(events):
    """Events annotated with `registered` (one query) for the places left on each card."""
    return events.annotate(
        registered=Count("registrations", filter=Q(registrations__status=Status.REGISTERED))
    )


def agenda_context(request, page) -> dict:
    theme_slugs = dict(Theme.objects.values_list("slug", "name"))
    kinds = chosen_filters(request, "soort", dict(Kind.choices))
    themes = chosen_filters(request, "thema", theme_slugs)
    formats = chosen_filters(request, "vorm", FORMATS)
    from . import activities, relay

    # the cards show no StreamField: not loading them saves decoding each event's programme
    events = list(with_places(upcoming(kinds, themes, formats).defer_streamfields()))
    for event in events:
        event.places = (
            Places(event.capacity, event.registered, 0)
            if event.registration and event.capacity is not None
            else None
        )
        event.agenda_start = event.starts_at
    found = relay.upcoming_dated(kinds, themes, formats, as_rows=True)
    starts = {}  # many activities share a day and hour: make each moment once
    for activity in found:
        moment = (activity.date, activity.starts_at)
        if moment not in starts:
            starts[moment] = activities.starts(activity)
        activity.agenda_start = starts[moment]
        activity.is_activity = True
    items = sorted([*events, *found], key=lambda item: item.agenda_start)
    return {
        "events": items,
        "filters": [
            ("soort", "Soort", list(Kind.choices), kinds),
            ("thema", "Thema", sorted(theme_slugs.items(), key=lambda item: item[1]), themes),
            ("vorm", "Online of op locatie", list(FORMATS.items()), formats),
        ],
        "filtered": bool(kinds or themes or formats),
        "archive_count": archived().count(),
    }
