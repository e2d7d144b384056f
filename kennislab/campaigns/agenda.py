"""The one agenda: upcoming events and the approved activities of relay campaigns, with
multi-select filters, and the same list as iCal feeds; and its archive of past events to watch
back."""

from __future__ import annotations

import bisect
import hashlib
from datetime import datetime, time

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from kennislab.content.models import Theme
from kennislab.core.memo import memo
from kennislab.core.views import chosen_filters

from . import services
from .models import AgendaPage, EventPage, Kind, Registration, Status
from .services import Places

FORMATS = {"online": "Online", "op-locatie": "Op locatie"}


def upcoming(kinds=(), themes=(), formats=()):
    events = EventPage.objects.live().public().filter(ends_at__gte=timezone.now())
    return _filtered_events(events, kinds, themes, formats)


def _filtered_events(events, kinds, themes, formats):
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


def registered_counts(event_ids) -> dict[int, int]:
    """Registrations (not the waiting list) per event id: one query."""
    found = Registration.objects.filter(event__in=event_ids, status=Status.REGISTERED)
    return dict(found.values_list("event").annotate(Count("id")).order_by())


def with_places(events):
    """Events annotated with `registered` (one query) for the places left on each card."""
    return events.annotate(
        registered=Count("registrations", filter=Q(registrations__status=Status.REGISTERED))
    )


def _kept_agenda(kinds: tuple, themes: tuple, formats: tuple) -> dict:
    """What the agenda lists for a selection from today on, kept per cache generation and day
    (kennislab.core.memo): events (without their StreamFields) and dated activities with their
    start and end, and the end of every event with materials (the archive link's count). Not
    kept: places left (registrations do not change the generation) and what ended since;
    agenda_context works those out per request."""
    from . import activities, relay

    today = timezone.localdate()
    start_of_day = timezone.make_aware(datetime.combine(today, time.min))
    events = EventPage.objects.live().public().filter(ends_at__gte=start_of_day)
    events = list(_filtered_events(events, kinds, themes, formats).defer_streamfields())
    for event in events:
        event.agenda_start, event.agenda_end = event.starts_at, event.ends_at
        event.is_activity = False
    found = relay.upcoming_dated(kinds, themes, formats, as_rows=True, ended_too=True)
    moments = {}  # many activities share a day and hour: make each moment once
    for activity in found:
        moment = (activity.date, activity.starts_at, activity.ends_at)
        if moment not in moments:
            moments[moment] = (activities.starts(activity), activities.ends(activity))
        activity.agenda_start, activity.agenda_end = moments[moment]
        activity.is_activity = True
    with_materials = EventPage.objects.live().public().exclude(materials=[])
    return {
        "items": sorted([*events, *found], key=lambda item: item.agenda_start),
        "archive_ends": sorted(with_materials.values_list("ends_at", flat=True)),
    }


def agenda_context(request, page) -> dict:
    theme_slugs = dict(
        memo("agenda:themes", lambda: list(Theme.objects.values_list("slug", "name")))
    )
    kinds = chosen_filters(request, "soort", dict(Kind.choices))
    themes = chosen_filters(request, "thema", theme_slugs)
    formats = chosen_filters(request, "vorm", FORMATS)
    selection = (tuple(sorted(kinds)), tuple(sorted(themes)), tuple(sorted(formats)))
    kept = memo(
        "agenda", lambda: _kept_agenda(*selection), timezone.localdate(), *map(",".join, selection)
    )
    now = timezone.now()
    items = [item for item in kept["items"] if item.agenda_end >= now]
    counted = {
        item.pk for item in items
        if not item.is_activity and item.registration and item.capacity is not None
    }  # fmt: skip
    registered = registered_counts(counted) if counted else {}
    for item in items:
        if not item.is_activity:
            item.places = (
                Places(item.capacity, registered.get(item.pk, 0), 0) if item.pk in counted else None
            )
    shown = "|".join(
        f"{item.is_activity:d}{item.pk}:{getattr(item, 'places', '')}" for item in items
    )
    return {
        "events": items,
        # the filter panel and the cards are kept per generation (core.templatetags.fragments)
        # under the selection, and the cards also under what is shown with its places left
        "filters_key": f"{get_language()}|{request.path}|{'|'.join(map(','.join, selection))}",
        "cards_key": hashlib.sha256(
            f"{get_language()}|{request.path}|{shown}".encode()
        ).hexdigest(),
        "filters": [
            ("soort", "Soort", list(Kind.choices), kinds),
            ("thema", "Thema", sorted(theme_slugs.items(), key=lambda item: item[1]), themes),
            ("vorm", "Online of op locatie", list(FORMATS.items()), formats),
        ],
        "filtered": bool(kinds or themes or formats),
        "archive_count": bisect.bisect_left(kept["archive_ends"], now),
    }
