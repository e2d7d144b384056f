"""iCalendar (RFC 5545) for the agenda: one event to download, or a feed to subscribe to; and the
same entry as a plain link that opens Google Calendar or Outlook.com with the event filled in.
Pure: plain entries in, bytes or URLs out (built with the `icalendar` library, which folds long
lines and escapes text). Every entry links back to its page (URL, and in the description for
calendar apps that do not show URL). Times are always written in UTC."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

import icalendar

PRODID = "-//Kennislab//Agenda//NL"
STATUSES = ("CONFIRMED", "TENTATIVE", "CANCELLED")  # what RFC 5545 allows for an event


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    title: str
    starts_at: datetime  # aware
    ends_at: datetime | None
    url: str  # absolute: the page the entry links back to
    location: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    status: str = "CONFIRMED"  # or "CANCELLED" (one of STATUSES)
    updated_at: datetime | None = None

    def __post_init__(self):
        # A naive moment would silently be read in the server's local time zone.
        for field in ("starts_at", "ends_at", "updated_at"):
            moment = getattr(self, field)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"CalendarEntry.{field} must be timezone-aware: {moment!r}")
        if self.status not in STATUSES:
            raise ValueError(f"CalendarEntry.status must be one of {STATUSES}: {self.status!r}")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _event(entry: CalendarEntry, now: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid if "@" in entry.uid else f"{entry.uid}@kennislab")
    event.add("dtstamp", _utc(entry.updated_at or now))
    event.add("dtstart", _utc(entry.starts_at))
    event.add("dtend", _utc(entry.ends_at or entry.starts_at + timedelta(hours=1)))
    event.add("summary", entry.title)
    link = entry.url  # also in the description, for calendar apps that do not show URL
    event.add("description", f"{entry.description}\n\n{link}" if entry.description else link)
    if entry.location:
        event.add("location", entry.location)
    event.add("url", link)
    if entry.categories:
        event.add("categories", list(entry.categories))
    event.add("status", entry.status)
    if entry.updated_at:
        event.add("last-modified", _utc(entry.updated_at))
    return event


def calendar_bytes(entries, *, name: str, description: str = "") -> bytes:
    """An RFC 5545 calendar (METHOD:PUBLISH) with one VEVENT per entry, times in UTC."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add("x-published-ttl", "PT1H")
    now = datetime.now(UTC)
    for entry in entries:
        calendar.add_component(_event(entry, now))
    return calendar.to_ical()


def ics_filename(title: str) -> str:
    """A safe ASCII file name: `webinar-eenzaamheid.ics`."""
    ascii_title = unicodedata.normalize("NFKD", str(title)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'agenda'}.ics"


GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/deeplink/compose"


def _end(entry: CalendarEntry) -> datetime:
    return entry.ends_at or entry.starts_at + timedelta(hours=1)


def _details(entry: CalendarEntry) -> str:
    return f"{entry.description}\n\n{entry.url}" if entry.description else entry.url


def _query(params: dict) -> str:
    # %20 for spaces (not "+", which Outlook shows as is); every reserved character escaped
    return urlencode(params, quote_via=quote, safe="")


def google_calendar_url(entry: CalendarEntry) -> str:
    """A link that opens Google Calendar's "new event" with this entry, times in UTC
    (`dates=YYYYMMDDTHHMMSSZ/YYYYMMDDTHHMMSSZ`). A plain link: nothing is loaded from Google."""
    stamp = "%Y%m%dT%H%M%SZ"
    params = {
        "action": "TEMPLATE",
        "text": entry.title,
        "dates": f"{_utc(entry.starts_at):{stamp}}/{_utc(_end(entry)):{stamp}}",
        "details": _details(entry),
        "location": entry.location,
    }
    return f"{GOOGLE_CALENDAR}?{_query(params)}"


def outlook_calendar_url(entry: CalendarEntry) -> str:
    """A link that opens a new event in Outlook.com with this entry, times in UTC
    (`startdt=YYYY-MM-DDTHH:MM:SSZ`). A plain link: nothing is loaded from Microsoft."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": entry.title,
        "startdt": f"{_utc(entry.starts_at):{stamp}}",
        "enddt": f"{_utc(_end(entry)):{stamp}}",
        "body": _details(entry),
        "location": entry.location,
    }
    return f"{OUTLOOK_CALENDAR}?{_query(params)}"
