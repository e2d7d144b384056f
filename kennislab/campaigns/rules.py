"""Rules of events and relay campaigns, as plain functions on plain data (DOMAIN.md, issue 6).

Events:

* A registration that arrives while the event has room (registered < capacity, or no capacity
  set) is confirmed at once; otherwise it joins the waiting list in order of arrival.
* When a confirmed registration is cancelled, waiting registrations move up in arrival order
  for as long as there is room (an editor may also raise the capacity).
* Registering is possible until the registration deadline (default: the start) and never for an
  event that has started.

These functions decide; services.py applies a decision in one locked transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kennislab.core import workflow as tables
from kennislab.core.dates import dutch_date
from kennislab.core.workflow import NotAllowed, Step  # noqa: F401  (callers: rules.NotAllowed)

REGISTERED, WAITING, CANCELLED = "registered", "waiting", "cancelled"


def on_arrival(capacity: int | None, registered: int) -> str:
    """The status of a new registration."""
    return REGISTERED if capacity is None or registered < capacity else WAITING


def move_up(capacity: int | None, registered: int, waiting: Sequence) -> list:
    """The waiting registrations (ids, in arrival order) that now get a place."""
    if capacity is None:
        return list(waiting)
    room = max(0, capacity - registered)
    return list(waiting[:room])


def phase(starts_at: datetime, closes_at: datetime | None, now: datetime) -> str:
    """'open', 'closed' (registration deadline passed) or 'past' (the event has started)."""
    if now >= starts_at:
        return "past"
    if closes_at is not None and now >= closes_at:
        return "closed"
    return "open"


# --- regional relay campaigns (the "Slimme Zorg Estafette") ------------------------------------
#
# * A campaign has regions; each region has its provinces and its week (first and last day).
#   A province belongs to at most one region, so the week follows from the province.
# * An activity may be registered with only a few fields; it is complete when kind, date, start
#   and end time, where (a place, or online with a link) and a description are known. The date
#   must fall in the region's week, and a new activity is only taken while its region's week
#   has not ended.
# * The organiser's private link works until 30 days after the campaign's last week.
# * Reminders for incomplete activities (and for requested changes): from 28 days before the
#   region's week until its first day, at most once a week and at most three times.

PROVINCES = (
    ("groningen", "Groningen"),
    ("friesland", "Friesland"),
    ("drenthe", "Drenthe"),
    ("overijssel", "Overijssel"),
    ("flevoland", "Flevoland"),
    ("gelderland", "Gelderland"),
    ("utrecht", "Utrecht"),
    ("noord-holland", "Noord-Holland"),
    ("zuid-holland", "Zuid-Holland"),
    ("zeeland", "Zeeland"),
    ("noord-brabant", "Noord-Brabant"),
    ("limburg", "Limburg"),
)
PROVINCE_NAMES = dict(PROVINCES)

LINK_DAYS_AFTER_CAMPAIGN = 30
REMINDER_DAYS_BEFORE = 28
REMINDER_INTERVAL_DAYS = 7
MAX_REMINDERS = 3


@dataclass(frozen=True)
class Week:
    region: str  # the region's slug
    name: str
    starts_on: date
    ends_on: date
    provinces: tuple[str, ...]

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def duplicate_provinces(regions: Sequence[Sequence[str]]) -> set[str]:
    """Provinces named in more than one region (each region: its province slugs)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for provinces in regions:
        for province in set(provinces):
            (twice if province in seen else seen).add(province)
    return twice


def week_for(province: str, weeks: Sequence[Week]) -> Week | None:
    """The region (and so the week) of a province; None when no region has it."""
    return next((week for week in weeks if province in week.provinces), None)


def date_problem(day: date | None, week: Week | None) -> str | None:
    """Why a date cannot be the activity's date, in Dutch; None when it can (or is not known)."""
    if day is None or week is None or day in week:
        return None
    return (
        f"De week van regio {week.name} loopt van {dutch_date(week.starts_on)} tot en met "
        f"{dutch_date(week.ends_on)}. Kies een datum in die week."
    )


def week_over_message(week: Week) -> str:
    """New activities are only taken for a region whose week has not ended."""
    return (
        f"De week van regio {week.name} is voorbij (tot en met {dutch_date(week.ends_on)}); "
        "daarvoor kun je geen activiteit meer aanmelden."
    )


COMPLETE_FIELDS = (
    ("kind", "soort activiteit"),
    ("date", "datum"),
    ("starts_at", "begintijd"),
    ("ends_at", "eindtijd"),
    ("where", "plaats of link"),
    ("description", "beschrijving"),
)


def missing(activity: dict) -> list[str]:
    """What an activity still lacks to be complete (Dutch names, in form order). `where` is
    known with a location, or for an online activity with its link."""
    values = dict(activity)
    values["where"] = values.get("link") if values.get("online") else values.get("location")
    return [label for field, label in COMPLETE_FIELDS if not values.get(field)]


def link_expires_on(weeks: Sequence[Week]) -> date:
    return max(week.ends_on for week in weeks) + timedelta(days=LINK_DAYS_AFTER_CAMPAIGN)


def registration_open(weeks: Sequence[Week], closes_on: date | None, today: date) -> bool:
    """Activities can be registered until the closing day (default: the last week's last day)."""
    if not weeks:
        return False
    return today <= (closes_on or max(week.ends_on for week in weeks))


def reminder_due(
    week_starts_on: date, today: date, last_reminded_on: date | None, reminders_sent: int
) -> bool:
    """Whether an incomplete activity (or one with requested changes) gets a reminder today."""
    if reminders_sent >= MAX_REMINDERS or today >= week_starts_on:
        return False
    if (week_starts_on - today).days > REMINDER_DAYS_BEFORE:
        return False
    return last_reminded_on is None or (today - last_reminded_on).days >= REMINDER_INTERVAL_DAYS


# Moderation of activities, as one table: who may take which step from which status.
SUBMITTED, CHANGES, APPROVED, REJECTED, WITHDRAWN = (
    "submitted", "changes_requested", "approved", "rejected", "withdrawn",
)  # fmt: skip


STEPS: tuple[Step, ...] = (
    Step("approve", "Goedkeuren en publiceren", (SUBMITTED, CHANGES), APPROVED, "editor"),
    Step("request_changes", "Aanpassing vragen", (SUBMITTED, APPROVED), CHANGES, "editor",
         note_required=True),
    Step("reject", "Afwijzen", (SUBMITTED, CHANGES, APPROVED), REJECTED, "editor",
         note_required=True),
    Step("resubmit", "Opnieuw indienen", (CHANGES,), SUBMITTED, "organiser"),
    Step("withdraw", "Intrekken", (SUBMITTED, CHANGES, APPROVED), WITHDRAWN, "organiser"),
)  # fmt: skip
STEP_BY_ACTION = {step.action: step for step in STEPS}
EDITABLE = (SUBMITTED, CHANGES, APPROVED)  # the organiser may still change the activity


def step_for(status: str, action: str, actor: str) -> Step:
    return tables.step_for(STEPS, status, action, actor,
                           too_late="‘{label}’ kan niet: de activiteit is al verder in "
                           "behandeling.")  # fmt: skip


def available_steps(status: str, actor: str) -> list[Step]:
    return tables.available(STEPS, status, actor)
