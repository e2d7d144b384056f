"""Decision terms: how many working days the network takes to decide on something the public
sent in, per kind (settings.DECISION_TERMS, from the environment), and the resulting deadline.
The counting itself is core/workdays.py (pure)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .dates import dutch_date
from .workdays import add_working_days


def term_days(kind: str) -> int:
    return int(settings.DECISION_TERMS[kind])


def deadline(kind: str, received: datetime.datetime | datetime.date | None):
    """The last day for a decision on something of `kind` received at `received` (None when it
    was not received yet)."""
    if received is None:
        return None
    if isinstance(received, datetime.datetime):
        received = timezone.localtime(received).date() if timezone.is_aware(received) else (
            received.date())  # fmt: skip
    return add_working_days(received, term_days(kind))


@dataclass(frozen=True)
class Term:
    """What a staff member and the applicant are told about one item's decision term."""

    days: int
    deadline: datetime.date
    today: datetime.date

    @property
    def overdue(self) -> bool:
        return self.today > self.deadline

    @property
    def days_left(self) -> int:
        return (self.deadline - self.today).days


def term_of(kind: str, received, today: datetime.date | None = None) -> Term | None:
    due = deadline(kind, received)
    if due is None:
        return None
    return Term(term_days(kind), due, today or timezone.localdate())


def describe_term(term: Term | None):
    """A deadline for staff: "18 december 2026", marked "te laat" (red) when it has passed."""
    if term is None:
        return None
    if term.overdue:
        return format_html('<span class="kl-overdue">{} – {}</span>', dutch_date(term.deadline),
                           _("te laat"))  # fmt: skip
    return format_html("{}", dutch_date(term.deadline))
