"""The moderation inbox: one admin view of everything the public submitted that waits for a
decision (activities, pledges and their updates, practice stories, questions, interest
registrations), with counts on the admin dashboard and assignment to a staff member.

Each app registers a source in its AppConfig.ready:

    from kennislab.core import inbox
    inbox.register(inbox.InboxSource(
        key="pledges", label="Pledges", permission="network.moderate_pledge",
        waiting=lambda: Pledge.objects.filter(status="submitted"),
        title=lambda pledge: pledge.organisation,
        admin_url=lambda pledge: reverse("network_pledges:inspect", args=[pledge.pk]),
    ))

A source's model has a moment it came in (`received`, default `created_at`) and a nullable
foreign key to the staff member handling it (`assignee`, default `assigned_to`): the inbox sets
it when a staff member takes an item or hands it to a colleague. With a `term` (a key of
settings.DECISION_TERMS) each item has a deadline in working days (core/terms.py); the inbox
puts overdue items first and then sorts by deadline. Deciding stays in each app's own admin
view (its inspect view with the decision form), which also mails the submitter at each
decision.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import auth
from django.contrib.auth.backends import ModelBackend
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from . import terms
from .mail import absolute, queue_email
from .workdays import add_working_days

SOURCES: dict[str, InboxSource] = {}


@dataclass(frozen=True)
class InboxSource:
    key: str  # short, unique: "activities", "pledges", …
    label: str  # Dutch, plural, marked for translation: _("Activiteiten")
    permission: str  # "app_label.codename": who may see and decide these items
    waiting: Callable  # () -> QuerySet of the items waiting for a decision
    title: Callable  # (item) -> str
    admin_url: Callable  # (item) -> str: where a staff member decides
    # (user, queryset) -> queryset: what of the waiting items this user may see (default: all),
    # e.g. an adviser who may only answer the questions assigned to them
    restrict: Callable | None = None
    term: str = ""  # key of settings.DECISION_TERMS: the deadline runs from `received`
    received: str = "created_at"  # the field (or annotation) with the moment it came in
    assignee: str = "assigned_to"  # the nullable foreign key to the staff member handling it
    select_related: tuple[str, ...] = ()  # what `title` needs

    def visible_to(self, user) -> bool:
        return user.is_active and user.has_perm(self.permission)

    def waiting_for(self, user):
        waiting = self.waiting()
        return self.restrict(user, waiting) if self.restrict else waiting

    def overdue(self, queryset, today: datetime.date | None = None):
        """The items of `queryset` whose deadline has passed (none without a term)."""
        if not self.term:
            return queryset.none()
        return queryset.filter(self.overdue_condition(today))

    def overdue_condition(self, today: datetime.date | None = None) -> Q:
        """What an item must meet to be overdue (only for a source with a term)."""
        return Q(**{f"{self.received}__lt": overdue_before(self.term, today)})


def overdue_before(kind: str, today: datetime.date | None = None) -> datetime.datetime:
    """The moment before which something of `kind` must have come in to be overdue today: the
    start (local time) of the first day whose deadline is today or later. Deadlines only grow
    with the day of receipt, so one comparison in the database finds every overdue item."""
    today = today or timezone.localdate()
    days = terms.term_days(kind)
    day = today
    while add_working_days(day - datetime.timedelta(days=1), days) >= today:
        day -= datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time.min)
    return timezone.make_aware(start)


def register(source: InboxSource) -> InboxSource:
    SOURCES[source.key] = source
    return source


def sources_for(user) -> list[InboxSource]:
    return [source for source in SOURCES.values() if source.visible_to(user)]


def staff_for(sources) -> tuple[list, dict[str, list]]:
    """The active users who may handle the items of at least one of `sources`, and per source
    key those who may handle its items (InboxSource.visible_to); both sorted by name. Their
    permissions are read in one query for all of them, not two per user (what `has_perm`
    costs the first time), unless an authentication backend other than Django's ModelBackend
    answers permission checks: then each user is asked."""
    people = list(auth.get_user_model().objects.filter(is_active=True)
                  .order_by("first_name", "last_name", "username"))  # fmt: skip
    if _permissions_only_from_the_database():
        granted = granted_permissions({source.permission for source in sources})
        by_source = {
            source.key: [user for user in people
                         if user.is_superuser or source.permission in granted.get(user.pk, ())]
            for source in sources
        }  # fmt: skip
    else:
        by_source = {source.key: [user for user in people if source.visible_to(user)]
                     for source in sources}  # fmt: skip
    allowed = {user.pk for handling in by_source.values() for user in handling}
    return [user for user in people if user.pk in allowed], by_source


def _permissions_only_from_the_database() -> bool:
    return all(
        isinstance(backend, ModelBackend) or not hasattr(backend, "has_perm")
        for backend in auth.get_backends()
    )


def granted_permissions(permissions: set[str]) -> dict[int, set[str]]:
    """Which of `permissions` ("app_label.codename") each active user holds, directly or
    through a group (ModelBackend's rules; superusers hold every permission without rows):
    one query."""
    from django.contrib.auth.models import Permission

    if not permissions:
        return {}
    wanted = Q()
    for permission in permissions:
        app_label, codename = permission.split(".", 1)
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    rows = Permission.objects.filter(wanted).order_by()
    direct = rows.filter(user__is_active=True).values_list(
        "user", "content_type__app_label", "codename")  # fmt: skip
    grouped = rows.filter(group__user__is_active=True).values_list(
        "group__user", "content_type__app_label", "codename")  # fmt: skip
    granted: dict[int, set[str]] = {}
    for user_pk, app_label, codename in direct.union(grouped):
        granted.setdefault(user_pk, set()).add(f"{app_label}.{codename}")
    return granted


def colleague_options(colleagues, user) -> str:
    """The <option>s of the colleagues an item can be handed to (without `user` themself), as
    the inbox renders them in every row: built once per source, not once per row."""
    return format_html_join(
        "",
        '<option value="{}">{}</option>',
        ((colleague.pk, colleague.get_full_name() or colleague.get_username())
         for colleague in colleagues if colleague != user),
    )  # fmt: skip


@dataclass
class Entry:
    """One waiting item, as little as sorting, filtering and counting need (no model instance)."""

    source: InboxSource
    pk: int
    created_at: datetime.datetime
    assignee_id: int | None
    term: terms.Term | None

    @property
    def overdue(self) -> bool:
        return bool(self.term and self.term.overdue)


@dataclass
class Item:
    source: InboxSource
    obj: object
    title: str
    url: str
    created_at: datetime.datetime
    assigned_to: object
    term: terms.Term | None = None
    colleagues: list = field(default_factory=list)  # who it can be handed to (the view fills it)
    colleague_options: str = ""  # and the <option>s for them (the view fills it)

    @property
    def overdue(self) -> bool:
        return bool(self.term and self.term.overdue)

    @property
    def age_days(self) -> int:
        return (timezone.localdate() - timezone.localtime(self.created_at).date()).days


@dataclass(frozen=True)
class Count:
    source: InboxSource
    waiting: int
    mine: int
    overdue: int


def counts_for(user) -> list[Count]:
    """Per visible source: how many wait, how many of those are assigned to this user, and
    how many are overdue (one query per source, counting all three: for the dashboard)."""
    rows = []
    today = timezone.localdate()
    for source in sources_for(user):
        figures = {"waiting": models.Count("pk"),
                   "mine": models.Count("pk", filter=Q(**{source.assignee: user}))}  # fmt: skip
        if source.term:
            figures["overdue"] = models.Count("pk", filter=source.overdue_condition(today))
        found = source.waiting_for(user).order_by().aggregate(**figures)
        rows.append(Count(source, found["waiting"], found["mine"], found.get("overdue", 0)))
    return rows


def entries_for(user, sources=None) -> list[Entry]:
    """Every waiting item this user may see, as Entries: one small query per source. Items
    received on the same day share one Term (computing it is most of the cost per item)."""
    today = timezone.localdate()
    entries = []
    for source in sources if sources is not None else sources_for(user):
        rows = source.waiting_for(user).order_by().values_list("pk", source.received,
                                                               f"{source.assignee}_id")  # fmt: skip
        known: dict = {}
        for pk, received, assignee_id in rows:
            term = None
            if source.term and received is not None:
                day = received
                if isinstance(day, datetime.datetime):  # the local day, as terms.deadline says
                    day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
                term = known.get(day)
                if term is None:
                    term = known[day] = terms.term_of(source.term, day, today)
            entries.append(Entry(source, pk, received, assignee_id, term))
    return entries


def count_entries(user, entries: list[Entry], sources) -> list[Count]:
    """The same figures as counts_for, from entries already read."""
    counts = {source.key: [0, 0, 0] for source in sources}
    for entry in entries:
        figures = counts[entry.source.key]
        figures[0] += 1
        figures[1] += entry.assignee_id == user.pk
        figures[2] += entry.overdue
    return [Count(source, *counts[source.key]) for source in sources]


def select(entries: list[Entry], user, *, source_key: str = "", assigned: str = "",
           overdue: bool = False) -> list[Entry]:  # fmt: skip
    """Filter (kind, assignee: "" everyone, "mij", "niemand" or a colleague's id, overdue) and
    sort: overdue first, then by deadline (the nearest first; items without a term last), then
    oldest first."""
    chosen = [
        entry
        for entry in entries
        if (not source_key or entry.source.key == source_key)
        and (not overdue or entry.overdue)
        and (
            not assigned
            or (assigned == "mij" and entry.assignee_id == user.pk)
            or (assigned == "niemand" and entry.assignee_id is None)
            or (assigned.isdigit() and entry.assignee_id == int(assigned))
        )
    ]
    far = datetime.date.max
    chosen.sort(key=lambda entry: (not entry.overdue, entry.term.deadline if entry.term else far,
                                   entry.created_at, entry.pk))  # fmt: skip
    return chosen


def materialise(entries: list[Entry]) -> list[Item]:
    """The Items of `entries` (in their order), with their records, titles and links: one query
    per source."""
    wanted: dict[str, list[int]] = {}
    for entry in entries:
        wanted.setdefault(entry.source.key, []).append(entry.pk)
    found = {}
    for key, pks in wanted.items():
        source = SOURCES[key]
        queryset = source.waiting().select_related(source.assignee, *source.select_related)
        found[key] = queryset.in_bulk(pks)
    items = []
    for entry in entries:
        obj = found[entry.source.key].get(entry.pk)
        if obj is None:  # decided between the two queries
            continue
        items.append(Item(entry.source, obj, entry.source.title(obj), entry.source.admin_url(obj),
                          entry.created_at, getattr(obj, entry.source.assignee),
                          entry.term))  # fmt: skip
    return items


def items_for(user, *, source_key: str = "", assigned: str = "", overdue: bool = False,
              limit: int = 5000) -> list[Item]:  # fmt: skip
    """The waiting items this user may see, sorted as `select` says."""
    chosen = select(entries_for(user), user, source_key=source_key, assigned=assigned,
                    overdue=overdue)  # fmt: skip
    return materialise(chosen[:limit])


class NotAllowed(Exception):
    """Assigning is not possible; the message is Dutch, for the staff member."""


def assign(user, source_key: str, pk: int, assignee) -> None:
    """Give a waiting item to `assignee` (None: to nobody). Both the one assigning and the
    assignee must be allowed to see the source's items."""
    source = SOURCES.get(source_key)
    if source is None or not source.visible_to(user):
        raise NotAllowed(_("Dit onderdeel bestaat niet of je mag het niet zien."))
    if assignee is not None and not source.visible_to(assignee):
        raise NotAllowed(
            _("%(name)s mag deze onderdelen niet behandelen.") % {"name": assignee.get_username()}
        )
    if not source.waiting_for(user).filter(pk=pk).update(**{source.assignee: assignee}):
        raise NotAllowed(_("Dit onderdeel wacht niet meer op een besluit."))
    if assignee is not None and assignee != user and assignee.email:
        item = source.waiting().get(pk=pk)
        queue_email(
            assignee.email,
            _("Toegewezen: %(title)s") % {"title": source.title(item)},
            "core/email/inbox_assigned.txt",
            {"assignee": assignee, "by": user, "source": source, "title": source.title(item),
             "url": absolute(source.admin_url(item))},
            topic=f"inbox-{source.key}-{pk}",
        )  # fmt: skip
