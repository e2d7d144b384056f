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

A source's model has `created_at` (when it came in) and `assigned_to` (a nullable foreign key
to the user model, `related_name="+"`): the inbox sets it when a staff member takes an item or
hands it to a colleague. Deciding stays in each app's own admin view (its inspect view with the
decision form), which also mails the submitter at each decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .mail import absolute, queue_email

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

    def visible_to(self, user) -> bool:
        return user.is_active and user.has_perm(self.permission)

    def waiting_for(self, user):
        waiting = self.waiting()
        return self.restrict(user, waiting) if self.restrict else waiting


def register(source: InboxSource) -> InboxSource:
    SOURCES[source.key] = source
    return source


def sources_for(user) -> list[InboxSource]:
    return [source for source in SOURCES.values() if source.visible_to(user)]


@dataclass
class Item:
    source: InboxSource
    obj: object
    title: str
    url: str
    created_at: object
    assigned_to: object
    colleagues: list = field(default_factory=list)  # who it can be handed to (the view fills it)


def counts_for(user) -> list[tuple[InboxSource, int, int]]:
    """Per visible source: (source, waiting, waiting and assigned to this user)."""
    rows = []
    for source in sources_for(user):
        waiting = source.waiting_for(user)
        rows.append((source, waiting.count(), waiting.filter(assigned_to=user).count()))
    return rows


def items_for(user, *, source_key: str = "", assigned: str = "", limit: int = 500) -> list[Item]:
    """The waiting items this user may see, oldest first. `assigned`: "" (all), "mij" (to this
    user) or "niemand" (to nobody)."""
    items = []
    for source in sources_for(user):
        if source_key and source.key != source_key:
            continue
        waiting = source.waiting_for(user).select_related("assigned_to")
        if assigned == "mij":
            waiting = waiting.filter(assigned_to=user)
        elif assigned == "niemand":
            waiting = waiting.filter(assigned_to__isnull=True)
        for obj in waiting.order_by("created_at")[:limit]:
            items.append(Item(source, obj, source.title(obj), source.admin_url(obj),
                              obj.created_at, obj.assigned_to))  # fmt: skip
    items.sort(key=lambda item: item.created_at)
    return items[:limit]


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
    if not source.waiting_for(user).filter(pk=pk).update(assigned_to=assignee):
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
