"""ics.py: calendar files parsed back with icalendar. Pure: no database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils.functional import lazy

from kennislab.campaigns import ics
from kennislab.campaigns.ics import CalendarEntry

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 3, 29, 15, 30, tzinfo=AMSTERDAM)  # the day summer time starts
URL = "https://kennislab.example/agenda/webinar-eenzaamheid/"


def entry(**overrides) -> CalendarEntry:
    values = {
        "uid": "evenement-42",
        "title": "Webinar: eenzaamheid in de wijk",
        "starts_at": START,
        "ends_at": START + timedelta(hours=1, minutes=30),
        "url": URL,
        "location": "Online",
        "description": "Drie gemeenten vertellen hoe zij eenzaamheid signaleren.",
        "categories": ("Webinar",),
        **overrides,
    }
    return CalendarEntry(**values)


def parse(data: bytes) -> icalendar.Calendar:
    assert isinstance(data, bytes)
    return icalendar.Calendar.from_ical(data)


def events(calendar) -> list:
    return list(calendar.walk("VEVENT"))


def one_event(*entries_, **kwargs):
    calendar = parse(ics.calendar_bytes(list(entries_) or [entry()], name="Agenda", **kwargs))
    (event,) = events(calendar)
    return event


def test_the_calendar_properties():
    calendar = parse(ics.calendar_bytes([entry()], name="Agenda Kennislab"))
    assert str(calendar["PRODID"]) == "-//Kennislab//Agenda//NL"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Agenda Kennislab"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    assert "X-WR-CALDESC" not in calendar
    described = parse(ics.calendar_bytes([], name="A", description="Alles van het netwerk"))
    assert str(described["X-WR-CALDESC"]) == "Alles van het netwerk"
    assert events(described) == []


def test_an_event_has_every_property():
    event = one_event(entry())
    assert str(event["UID"]) == "evenement-42@kennislab"
    assert str(event["SUMMARY"]) == "Webinar: eenzaamheid in de wijk"
    assert str(event["URL"]) == URL
    assert str(event["LOCATION"]) == "Online"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Webinar"]
    description = str(event["DESCRIPTION"])
    assert description.startswith("Drie gemeenten vertellen")
    assert description == f"Drie gemeenten vertellen hoe zij eenzaamheid signaleren.\n\n{URL}"


def test_without_updated_at_dtstamp_is_now_and_there_is_no_last_modified():
    before = datetime.now(UTC).replace(microsecond=0)
    event = one_event(entry(updated_at=None))
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert before <= stamp <= datetime.now(UTC)
    assert "LAST-MODIFIED" not in event


def test_start_and_end_are_utc_and_the_same_moments():
    event = one_event(entry())
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == START and end == START + timedelta(hours=1, minutes=30)
    assert start.utcoffset() == timedelta(0) and end.utcoffset() == timedelta(0)
    assert start == datetime(2026, 3, 29, 13, 30, tzinfo=UTC)  # 15.30 summer time = 13.30 UTC
    raw = ics.calendar_bytes([entry()], name="A").decode()
    assert "DTSTART:20260329T133000Z" in raw
    assert "DTEND:20260329T150000Z" in raw


def test_without_an_end_the_event_lasts_an_hour():
    event = one_event(entry(ends_at=None))
    assert event.decoded("DTEND") == START + timedelta(hours=1)


def test_a_uid_with_an_at_sign_is_kept():
    assert str(one_event(entry(uid="x-1@elders.example"))["UID"]) == "x-1@elders.example"


def test_optional_properties_left_out():
    event = one_event(entry(location="", description="", categories=()))
    assert "LOCATION" not in event
    assert "CATEGORIES" not in event
    assert str(event["DESCRIPTION"]) == URL  # the link is always there


def test_cancelled_status_and_last_modified():
    updated = datetime(2026, 3, 1, 9, 0, tzinfo=AMSTERDAM)
    event = one_event(entry(status="CANCELLED", updated_at=updated))
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("LAST-MODIFIED") == updated
    assert event.decoded("DTSTAMP") == updated
    raw = ics.calendar_bytes([entry(updated_at=updated)], name="A").decode()
    assert "LAST-MODIFIED:20260301T080000Z" in raw  # 9.00 winter time, written in UTC
    assert "DTSTAMP:20260301T080000Z" in raw


@pytest.mark.parametrize("field", ["starts_at", "ends_at", "updated_at"])
def test_a_naive_moment_is_refused(field):
    with pytest.raises(ValueError, match=field):
        entry(**{field: datetime(2026, 3, 29, 15, 30)})


@pytest.mark.parametrize("status", ["cancelled", "GEANNULEERD", ""])
def test_an_unknown_status_is_refused(status):
    with pytest.raises(ValueError, match="status"):
        entry(status=status)


def test_lazy_translated_text_is_written_as_text():
    """Django's lazy translations, e.g. _("Online") as the location, come out as plain text."""
    as_lazy = lazy(str, str)
    values = entry(title=as_lazy("Webinar"), location=as_lazy("Online"),
                   categories=(as_lazy("Werkplaats"),))  # fmt: skip
    calendar = parse(ics.calendar_bytes([values], name=as_lazy("Agenda"),
                                        description=as_lazy("Alles")))  # fmt: skip
    assert str(calendar["X-WR-CALNAME"]) == "Agenda"
    assert str(calendar["X-WR-CALDESC"]) == "Alles"
    (event,) = events(calendar)
    assert str(event["SUMMARY"]) == "Webinar"
    assert str(event["LOCATION"]) == "Online"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Werkplaats"]
    assert ics.ics_filename(as_lazy("Café")) == "cafe.ics"


def test_dutch_characters_round_trip():
    title = "Café-ontmoeting: één jaar ‘samen gezond’ – coördinatie, ruïne & privé; a,b"
    place = "Buurthuis ’t Hôtel, Zoë’s zaal; Noordeinde 3, Lindeloo"
    description = "Geïnteresseerd? Zeker!\nTweede regel; met komma's, puntkomma's en \\ ."
    event = one_event(entry(title=title, location=place, description=description,
                            categories=("Gesprek of présentatie",)))  # fmt: skip
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == place
    assert str(event["DESCRIPTION"]) == f"{description}\n\n{URL}"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Gesprek of présentatie"]


def test_a_long_description_is_folded_and_round_trips():
    description = ("Eenzaamheid è samen aanpakken. " * 20)[:500]
    assert len(description) == 500
    data = ics.calendar_bytes([entry(description=description)], name="A")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # RFC 5545 line folding
    event = one_event(entry(description=description))
    assert str(event["DESCRIPTION"]) == f"{description}\n\n{URL}"


def test_two_entries_give_two_events_with_distinct_uids():
    second = entry(uid="evenement-43", title="Werkplaats", url=URL + "x/")
    calendar = parse(ics.calendar_bytes([entry(), second], name="Agenda"))
    found = events(calendar)
    assert [str(event["SUMMARY"]) for event in found] == ["Webinar: eenzaamheid in de wijk",
                                                           "Werkplaats"]  # fmt: skip
    uids = {str(event["UID"]) for event in found}
    assert uids == {"evenement-42@kennislab", "evenement-43@kennislab"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Webinar: eenzaamheid in de wijk", "webinar-eenzaamheid-in-de-wijk.ics"),
        ("Café één – coördinatie", "cafe-een-coordinatie.ics"),
        ("  --Hallo!!  Wereld--  ", "hallo-wereld.ics"),
        ("", "agenda.ics"),
        ("!!!", "agenda.ics"),
        ("日本語", "agenda.ics"),  # nothing ASCII left
        ("../../etc/passwd", "etc-passwd.ics"),
        ('Een "quote" en \r\n een regel', "een-quote-en-een-regel.ics"),
        ("a" * 100, "a" * 60 + ".ics"),
        ("a" * 59 + " b", "a" * 59 + ".ics"),  # cut at 60, no dash at the end
    ],
)
def test_ics_filename(title, expected):
    assert ics.ics_filename(title) == expected


@pytest.mark.django_db
def test_feeds_are_cached_until_content_changes(client, settings, monkeypatch):
    """With the page cache on, a feed is built once per content generation."""
    from django.core.cache import cache

    from kennislab.campaigns import agenda
    from kennislab.core import pagecache

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    built = []
    real = agenda.upcoming

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(agenda, "upcoming", counting)
    first = client.get("/agenda/feed.ics")
    second = client.get("/agenda/feed.ics")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert len(built) == 1
    pagecache.bump_generation()  # what a committed change to an event or activity does
    client.get("/agenda/feed.ics")
    assert len(built) == 2
