"""The 30-day challenge's rules, as plain functions on plain data (DOMAIN.md "30-day challenge").

* The challenge lasts 30 days: day 1 is `starts_on`, day 30 is `starts_on` + 29 days.
* Sign-up is open from `opens_at` until `closes_at` (also during the month itself).
* Support messages go out on days 1, 3, 7, 14, 21, 28 and 30. The daily job sends the day whose
  date is today; a run that was missed is made up the next day (one grace day), never later.
  Scheduled days are at least two days apart, so at most one day is due at a time.
* A participant gets a day's message when they are confirmed (double opt-in), still subscribed,
  signed up on or before that day's date, and did not get that day's message yet.
* Private links stay valid until 30 days after day 30.
* A sign-up nobody confirmed within PENDING_DAYS is removed (with a team nobody else joined):
  an address that was never checked is not kept.

These functions decide; services.py applies a decision (and records what it sent).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import TypeVar

CHALLENGE_DAYS = 30
SUPPORT_DAYS = (1, 3, 7, 14, 21, 28, 30)
GRACE_DAYS = 1
LINK_DAYS_AFTER_END = 30
PENDING_DAYS = 7  # an unconfirmed sign-up is removed after this many days (double opt-in)

NOT_OPEN, OPEN, CLOSED = "not_open", "open", "closed"
PENDING, CONFIRMED = "pending", "confirmed"
ALONE, START_TEAM, JOIN_TEAM = "alone", "start_team", "join_team"

# Team invite codes: no 0/O, 1/I/L, so a code read aloud or copied from paper still works.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8

PLACEHOLDERS = ("naam", "doel", "dag", "thema")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def day_date(starts_on: date, day: int) -> date:
    """The date of challenge day `day` (1–30)."""
    if not 1 <= day <= CHALLENGE_DAYS:
        raise ValueError(f"day {day} is not a challenge day")
    return starts_on + timedelta(days=day - 1)


def ends_on(starts_on: date) -> date:
    """The date of day 30."""
    return day_date(starts_on, CHALLENGE_DAYS)


def day_number(starts_on: date, today: date) -> int | None:
    """Which challenge day today is (1–30), or None before and after the challenge."""
    number = (today - starts_on).days + 1
    return number if 1 <= number <= CHALLENGE_DAYS else None


def days_open_for_check_in(starts_on: date, today: date) -> int:
    """How many days can be ticked off today: day 1 up to today (0 before the start, 30 after)."""
    return max(0, min(CHALLENGE_DAYS, (today - starts_on).days + 1))


def signup_state(opens_at: datetime, closes_at: datetime, now: datetime) -> str:
    """NOT_OPEN before `opens_at`, OPEN until `closes_at` (exclusive), then CLOSED."""
    if now < opens_at:
        return NOT_OPEN
    if now >= closes_at:
        return CLOSED
    return OPEN


def link_valid_until(starts_on: date) -> date:
    """The last date a private link works: 30 days after day 30."""
    return ends_on(starts_on) + timedelta(days=LINK_DAYS_AFTER_END)


def due_day(starts_on: date, today: date) -> int | None:
    """The support day to send today: the scheduled day whose date is today, else one whose
    date was yesterday (the grace day, when the worker missed a run), else None."""
    for late in range(GRACE_DAYS + 1):
        number = day_number(starts_on, today - timedelta(days=late))
        if number in SUPPORT_DAYS:
            return number
    return None


def is_eligible(
    *, status: str, subscribed: bool, signed_up_on: date, day_date: date, already_sent: bool
) -> bool:
    """Whether a participant gets the message of the day dated `day_date`."""
    return status == CONFIRMED and subscribed and signed_up_on <= day_date and not already_sent


T = TypeVar("T")


def choose_message(messages: Mapping[str, T], theme: str) -> T | None:
    """The message for a theme: the theme's own, else the general one (key ""), else None."""
    return messages.get(theme) or messages.get("")


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in `text` that fill_placeholders does not know (for the editors' form)."""
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill_placeholders(text: str, values: Mapping[str, object]) -> str:
    """Replace {naam}, {doel}, … by their values; anything else in braces stays as it is."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return PLACEHOLDER.sub(replace, text)


def normalise_code(code: str) -> str:
    """An invite code as typed (spaces, dashes, lower case) in its stored form."""
    return re.sub(r"[\s-]", "", code or "").upper()
