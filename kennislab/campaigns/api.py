"""The agenda in the public API: events (EventPage) and the approved activities of relay
campaigns, as the agenda and the event and activity pages show them. Never registrations,
organisers' contact details, materials to watch back, or a join link the page does not show."""

from datetime import datetime
from enum import Enum

from django.http import Http404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from kennislab.api.base import DATE_PATTERN, Pagination, cache_for, query_date
from kennislab.api.blocks import Serializer
from kennislab.core.siteurl import absolute

from . import activities, relay
from .models import KIND_LABELS, Activity, ActivityStatus, EventPage, Kind, RelayCampaignPage

SLUG = r"^[-a-zA-Z0-9_]+$"
router = Router(tags=["Agenda"])

KindCode = Enum("KindCode", {code: code for code in Kind.values}, type=str)
EVENT_ID = r"^(event|activity)-[0-9]{1,10}$"


class ThemeOut(Schema):
    slug: str
    name: str


class EventOut(Schema):
    id: str = Field(description="`event-<nummer>` of `activity-<nummer>`.")
    source: str = Field(description="`event` (evenement) of `activity` (estafette-activiteit).")
    title: str
    url: str
    kind: str | None = Field(description="Soort, bijvoorbeeld `webinar` of `workshop`.")
    kind_label: str | None
    starts_at: datetime
    ends_at: datetime
    online: bool
    location: str = Field(description="Plaats of adres; leeg bij online.")
    organiser: str
    themes: list[ThemeOut]
    summary: str = Field(description="Introductie van het evenement of beschrijving.")
    free: bool | None = Field(description="Gratis; leeg als de pagina het niet zegt.")
    costs: str = Field(description="Kosten zoals de pagina ze noemt; leeg bij gratis.")
    registration_required: bool | None = Field(
        description="Aanmelden nodig (via de pagina); leeg bij activiteiten."
    )


class PersonOut(Schema):
    name: str
    role: str
    organisation: str
    email: str
    phone: str


class CampaignOut(Schema):
    id: int
    title: str
    url: str


class EventDetailOut(EventOut):
    accessibility: str
    directions: str
    directions_url: str
    join_url: str | None = Field(
        description="Alleen als de pagina hem toont: online, zonder aanmelden, niet afgelopen."
    )
    link: str | None = Field(description="Link van de organisator (activiteiten).")
    audience: str
    programme: list[dict]
    speakers: list[dict]
    body: list[dict]
    contact: PersonOut | None
    campaign: CampaignOut | None
    province: str | None
    region: str | None


class EventFilters(Schema):
    past: bool = Field(False, description="`true`: afgelopen evenementen, nieuwste eerst.")
    theme: str | None = Field(
        None, max_length=100, pattern=SLUG, description="Thema: de korte naam."
    )
    kind: KindCode | None = Field(None, description="Soort.")
    online: bool | None = Field(None, description="`true` alleen online, `false` op locatie.")
    date_from: str | None = Field(
        None,
        alias="from",
        pattern=DATE_PATTERN,
        json_schema_extra={"format": "date"},
        description="Begint op of na deze dag (JJJJ-MM-DD).",
    )
    date_to: str | None = Field(
        None,
        alias="to",
        pattern=DATE_PATTERN,
        json_schema_extra={"format": "date"},
        description="Begint op of vóór deze dag (JJJJ-MM-DD).",
    )


def _themes(themes) -> list[dict]:
    return [{"slug": theme.slug, "name": theme.name} for theme in themes]


def event_row(event: EventPage, request) -> dict:
    return {
        "id": f"event-{event.pk}",
        "source": "event",
        "title": event.title,
        "url": absolute(event.get_url(request=request) or "/"),
        "kind": event.kind,
        "kind_label": str(KIND_LABELS.get(event.kind, event.kind)),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "online": event.online,
        "location": "" if event.online else event.location,
        "organiser": event.organiser,
        "themes": _themes(event.themes.all()),
        "summary": event.intro,
        "free": not event.costs,
        "costs": event.costs,
        "registration_required": event.registration,
    }


def activity_row(activity: Activity, themes: list[dict]) -> dict:
    return {
        "id": f"activity-{activity.pk}",
        "source": "activity",
        "title": activity.title,
        "url": absolute(activity.get_absolute_url()),
        "kind": activity.kind or None,
        "kind_label": activity.kind_label or None,
        "starts_at": activities.starts(activity),
        "ends_at": activities.ends(activity),
        "online": activity.online,
        "location": "" if activity.online else activity.location,
        "organiser": activity.organiser,
        "themes": themes,
        "summary": activity.description,
        "free": None,
        "costs": "",
        "registration_required": None,
    }


def _campaign_themes(found) -> dict[int, list[dict]]:
    ids = {activity.campaign_id for activity in found}
    pages = RelayCampaignPage.objects.filter(pk__in=ids).prefetch_related("themes")
    return {page.pk: _themes(page.themes.all()) for page in pages}


def agenda_rows(request, filters: EventFilters) -> list[dict]:
    """Events and approved, dated activities that match, in agenda order (past: newest first)."""
    now = timezone.now()
    events = EventPage.objects.live().public().prefetch_related("themes")
    events = events.filter(ends_at__lt=now) if filters.past else events.filter(ends_at__gte=now)
    found = relay.approved().filter(date__isnull=False, starts_at__isnull=False)
    if filters.theme:
        events = events.filter(themes__slug=filters.theme)
        found = found.filter(campaign__themes__slug=filters.theme)
    if filters.kind:
        events = events.filter(kind=filters.kind.value)
        found = found.filter(kind=filters.kind.value)
    if filters.online is not None:
        events = events.filter(online=filters.online)
        found = found.filter(online=filters.online)
    date_from = query_date(filters.date_from, "from")
    date_to = query_date(filters.date_to, "to")
    if date_from:
        events = events.filter(starts_at__date__gte=date_from)
        found = found.filter(date__gte=date_from)
    if date_to:
        events = events.filter(starts_at__date__lte=date_to)
        found = found.filter(date__lte=date_to)
    if not filters.past:
        found = found.filter(date__gte=timezone.localdate())
    found = relay.with_campaigns(found.distinct())
    themes = _campaign_themes(found)
    rows = [event_row(event, request) for event in events.distinct()]
    for activity in found:
        if (activities.ends(activity) < now) == filters.past:
            rows.append(activity_row(activity, themes.get(activity.campaign_id, [])))
    rows.sort(key=lambda row: (row["starts_at"], row["id"]), reverse=filters.past)
    return rows


@router.get("/events", response=list[EventOut], summary="De agenda", operation_id="events_list")
@paginate(Pagination)
@cache_for(60)
def events(request, filters: Query[EventFilters]):
    """Evenementen en de goedgekeurde activiteiten van estafettecampagnes, zoals de agenda ze
    toont: komende (standaard, op volgorde van begin) of afgelopen (`past=true`, nieuwste
    eerst). Filters: thema, soort, online of op locatie, en begindatum `from`/`to`."""
    return agenda_rows(request, filters)


def _not_found():
    return Http404("Er is geen openbaar evenement of openbare activiteit met dit nummer.")


@router.get(
    "/events/{event_id}",
    response=EventDetailOut,
    summary="Eén evenement of activiteit",
    operation_id="events_detail",
)
@cache_for(60)
def event(
    request,
    event_id: str = Path(..., pattern=EVENT_ID, description="Bijvoorbeeld `event-12`."),
):
    """Alles wat de pagina van het evenement of de activiteit openbaar toont. 404 voor wat
    niet (meer) gepubliceerd of openbaar is, of een activiteit die niet is goedgekeurd."""
    source, _, number = event_id.partition("-")
    pk = int(number)
    if pk >= 2**31:
        raise _not_found()
    if source == "event":
        page = EventPage.objects.live().public().prefetch_related("themes").filter(pk=pk).first()
        if page is None:
            raise _not_found()
        return event_detail(request, page)
    activity = (
        Activity.objects.filter(
            pk=pk,
            status=ActivityStatus.APPROVED,
            campaign__in=RelayCampaignPage.objects.live().public(),
        )
        .select_related("campaign")
        .first()
    )
    if activity is None:
        raise _not_found()
    return activity_detail(request, activity)


def _person(person) -> dict | None:
    if person is None:
        return None
    fields = ("name", "role", "organisation", "email", "phone")
    return {name: getattr(person, name) for name in fields}


def event_detail(request, page: EventPage) -> dict:
    serializer = Serializer(request)
    return {
        **event_row(page, request),
        "accessibility": page.accessibility,
        "directions": "" if page.online else page.directions,
        "directions_url": "" if page.online else page.directions_url,
        "join_url": page.join_url if page.shows_join_url else None,
        "link": None,
        "audience": "",
        "programme": serializer.stream(page.programme),
        "speakers": serializer.stream(page.speakers),
        "body": serializer.stream(page.body),
        "contact": _person(page.contact),
        "campaign": None,
        "province": None,
        "region": None,
    }


def activity_detail(request, activity: Activity) -> dict:
    campaign = activity.campaign
    week = activity.week()
    row = activity_row(activity, _themes(campaign.themes.all()))
    if row["starts_at"] is None:  # approved before its date was known: not in the agenda yet
        raise _not_found()
    return {
        **row,
        "accessibility": "",
        "directions": "",
        "directions_url": "",
        "join_url": None,
        "link": activity.link or None,
        "audience": activity.audience,
        "programme": [],
        "speakers": [],
        "body": [],
        "contact": None,
        "campaign": {
            "id": campaign.pk,
            "title": campaign.title,
            "url": absolute(campaign.get_url(request=request) or "/"),
        },
        "province": activity.province_name,
        "region": week.name if week else None,
    }
