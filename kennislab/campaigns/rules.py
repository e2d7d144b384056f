"""Event registration rules, as plain functions on plain data (DOMAIN.md, issue 6).

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
from datetime import datetime

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
