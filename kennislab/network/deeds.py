"""What a pledge's organisation did elsewhere on the platform, read from the other apps: the
public timeline of a pledge (its approved updates and the deeds of its confirmed links), its
progress, and — for the editors only — the records whose organisation has the same name
(suggestions) or matches a search. The rules (names, order, progress) are in timeline.py.

A deed shows only while its record is public by its own app's rules:

* a knowledge voucher while it is granted (provisionally or definitively); its good example is
  named and linked when that page is public;
* a relay activity while it is approved and its campaign page is public;
* a vignet unless it was revoked (the verification page says whether it is still valid);
* a practice story once its article is published;
* an event while its page is public.

Never shown: names of people, e-mail addresses, motivations, notes — only the facts above.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from kennislab.campaigns.models import Activity, ActivityStatus, EventPage
from kennislab.core.dates import dutch_date
from kennislab.vignet.models import Vignet
from kennislab.vouchers.models import HOLDING, Application

from . import timeline
from .models import LinkStatus, Pledge, PledgeLink, PledgeUpdate, Story, StoryStatus, UpdateStatus

SEARCH_LIMIT = 25


@dataclass(frozen=True)
class Deed:
    """The public face of a record: its date, a short text and a public page (or "")."""

    on: date
    text: str
    url: str = ""


@dataclass(frozen=True)
class Candidate:
    """A record as the editors see it on a pledge's links page."""

    kind: str
    target_id: int
    organisation: str
    description: str
    on: date | None
    deed: Deed | None  # what the timeline would show now (None: nothing, not public)

    @property
    def kind_label(self) -> str:
        return timeline.KIND_LABELS[self.kind]


def _local(moment) -> date:
    return timezone.localtime(moment).date()


def _public_page_ids(ids) -> set[int]:
    ids = {pk for pk in ids if pk}
    if not ids:
        return set()
    return set(Page.objects.live().public().filter(pk__in=ids).values_list("pk", flat=True))


class Kind:
    """How one kind of record is found, named and shown."""

    kind = ""
    organisation_field = "organisation"
    search_fields: tuple[str, ...] = ()

    def queryset(self):
        raise NotImplementedError

    def eligible(self, queryset):
        """The records worth suggesting (those that can show on a timeline)."""
        return queryset

    def organisation(self, obj) -> str:
        return getattr(obj, self.organisation_field)

    def page_ids(self, obj) -> list[int]:
        """Pages whose being public decides what the deed shows."""
        return []

    def deed(self, obj, public_pages: set[int]) -> Deed | None:
        raise NotImplementedError

    def describe(self, obj) -> str:
        raise NotImplementedError

    def on(self, obj) -> date | None:
        raise NotImplementedError

    def fetch(self, ids) -> dict[int, object]:
        return {obj.pk: obj for obj in self.queryset().filter(pk__in=list(ids))}

    def search(self, query: str):
        condition = Q()
        for name in self.search_fields:
            condition |= Q(**{f"{name}__icontains": query})
        return self.queryset().filter(condition)[:SEARCH_LIMIT]


class VoucherKind(Kind):
    kind = timeline.VOUCHER
    search_fields = ("organisation", "reference")

    def queryset(self):
        return Application.objects.select_related("example").order_by("-received_at")

    def eligible(self, queryset):
        return queryset.filter(status__in=HOLDING)

    def page_ids(self, obj):
        return [obj.example_id]

    def on(self, obj):
        return _local(obj.decided_at or obj.received_at)

    def deed(self, obj, public_pages):
        if obj.status not in HOLDING:
            return None
        if obj.example_id in public_pages:
            text = _("Kennisvoucher toegekend voor ‘%(example)s’") % {"example": obj.example.title}
            return Deed(self.on(obj), text, obj.example.url or "")
        return Deed(self.on(obj), _("Kennisvoucher toegekend"))

    def describe(self, obj):
        return _("%(reference)s voor ‘%(example)s’ (%(status)s)") % {
            "reference": obj.reference or _("zonder kenmerk"),
            "example": obj.example.title,
            "status": obj.get_status_display(),
        }


class VignetKind(Kind):
    kind = timeline.VIGNET
    search_fields = ("organisation", "place")

    def queryset(self):
        return Vignet.objects.order_by("-awarded_on")

    def eligible(self, queryset):
        return queryset.filter(revoked_at__isnull=True)

    def on(self, obj):
        return obj.awarded_on

    def deed(self, obj, public_pages):
        state = obj.state()
        if state == "revoked":
            return None
        until = dutch_date(obj.valid_until)
        renewed = obj.awarded_on != obj.first_awarded_on
        if state == "valid":
            text = (_("Vignet verlengd, geldig tot en met %(date)s") if renewed
                    else _("Vignet behaald, geldig tot en met %(date)s"))  # fmt: skip
        else:
            text = (_("Vignet verlengd, was geldig tot en met %(date)s") if renewed
                    else _("Vignet behaald, was geldig tot en met %(date)s"))  # fmt: skip
        url = reverse("vignet:verify", args=[obj.public_id])
        return Deed(obj.awarded_on, text % {"date": until}, url)

    def describe(self, obj):
        state = {"valid": _("geldig"), "expired": _("verlopen"),
                 "revoked": _("ingetrokken")}[obj.state()]  # fmt: skip
        return _("%(place)s, toegekend op %(date)s (%(state)s)") % {
            "place": obj.place or "–", "date": dutch_date(obj.awarded_on), "state": state,
        }  # fmt: skip


class ActivityKind(Kind):
    kind = timeline.ACTIVITY
    organisation_field = "organiser"
    search_fields = ("organiser", "title")

    def queryset(self):
        return Activity.objects.select_related("campaign").order_by("-date", "-pk")

    def eligible(self, queryset):
        return queryset.filter(status=ActivityStatus.APPROVED)

    def page_ids(self, obj):
        return [obj.campaign_id]

    def on(self, obj):
        return obj.date or _local(obj.created_at)

    def deed(self, obj, public_pages):
        if obj.status != ActivityStatus.APPROVED or obj.campaign_id not in public_pages:
            return None
        text = _("Activiteit ‘%(title)s’ in %(campaign)s") % {
            "title": obj.title, "campaign": obj.campaign.title,
        }  # fmt: skip
        return Deed(self.on(obj), text, obj.get_absolute_url())

    def describe(self, obj):
        return _("‘%(title)s’ in %(campaign)s (%(status)s)") % {
            "title": obj.title, "campaign": obj.campaign.title,
            "status": obj.get_status_display(),
        }  # fmt: skip


class EventKind(Kind):
    kind = timeline.EVENT
    organisation_field = "organiser"
    search_fields = ("organiser", "title")

    def queryset(self):
        return EventPage.objects.order_by("-starts_at")

    def eligible(self, queryset):
        return queryset.live().exclude(organiser="")

    def page_ids(self, obj):
        return [obj.pk]

    def on(self, obj):
        return _local(obj.starts_at)

    def deed(self, obj, public_pages):
        if obj.pk not in public_pages:
            return None
        past = obj.starts_at <= timezone.now()
        text = (_("Organiseerde ‘%(title)s’") if past
                else _("Organiseert ‘%(title)s’")) % {"title": obj.title}  # fmt: skip
        return Deed(self.on(obj), text, obj.url or "")

    def describe(self, obj):
        shown = _("gepubliceerd") if obj.live else _("niet gepubliceerd")
        return f"‘{obj.title}’ ({shown})"


class StoryKind(Kind):
    kind = timeline.STORY
    search_fields = ("organisation", "title")

    def queryset(self):
        return Story.objects.select_related("article").order_by("-created_at")

    def eligible(self, queryset):
        return queryset.filter(status=StoryStatus.ACCEPTED)

    def page_ids(self, obj):
        return [obj.article_id]

    def on(self, obj):
        return obj.article.date if obj.article_id else _local(obj.created_at)

    def deed(self, obj, public_pages):
        if obj.status != StoryStatus.ACCEPTED or obj.article_id not in public_pages:
            return None
        text = _("Praktijkverhaal ‘%(title)s’ op Kennislab") % {"title": obj.article.title}
        return Deed(obj.article.date, text, obj.article.url or "")

    def describe(self, obj):
        if obj.article_id and obj.article.live:
            shown = _("artikel gepubliceerd")
        elif obj.article_id:
            shown = _("artikel nog niet gepubliceerd")
        else:
            shown = obj.get_status_display()
        return f"‘{obj.title}’ ({shown})"


KINDS: dict[str, Kind] = {spec.kind: spec for spec in (
    VoucherKind(), VignetKind(), ActivityKind(), EventKind(), StoryKind())}  # fmt: skip


def _public_pages(spec: Kind, objects) -> set[int]:
    return _public_page_ids(pk for obj in objects for pk in spec.page_ids(obj))


def candidates(kind: str, objects) -> list[Candidate]:
    spec = KINDS[kind]
    objects = list(objects)
    public = _public_pages(spec, objects)
    return [Candidate(kind, obj.pk, spec.organisation(obj), spec.describe(obj), spec.on(obj),
                      spec.deed(obj, public)) for obj in objects]  # fmt: skip


# --- the public timeline and progress -------------------------------------------------------------


def timelines(pledges) -> dict[int, list[timeline.Entry]]:
    """Pledge id → its public timeline, newest first (a few queries for any number of
    pledges: one for the updates, one for the links, about two per kind of deed)."""
    pledges = list(pledges)
    totals = {p.pk: len(timeline.commitment_items(p.commitments)) for p in pledges}
    found: dict[int, list[timeline.Entry]] = {pk: [] for pk in totals}
    updates = PledgeUpdate.objects.filter(pledge_id__in=list(totals), status=UpdateStatus.APPROVED)
    for update in updates:
        found[update.pledge_id].append(timeline.Entry(
            timeline.UPDATE, update.happened_on or _local(update.created_at), update.text,
            commitment=timeline.valid_commitment(update.commitment, totals[update.pledge_id]),
        ))  # fmt: skip
    links_by_kind: dict[str, list[PledgeLink]] = defaultdict(list)
    links = PledgeLink.objects.filter(pledge_id__in=list(totals), status=LinkStatus.CONFIRMED)
    for link in links:
        links_by_kind[link.kind].append(link)
    for kind, kind_links in links_by_kind.items():
        spec = KINDS[kind]
        objects = spec.fetch({link.target_id for link in kind_links})
        public = _public_pages(spec, objects.values())
        deeds = {pk: spec.deed(obj, public) for pk, obj in objects.items()}
        for link in kind_links:
            deed = deeds.get(link.target_id)
            if deed is not None:
                found[link.pledge_id].append(timeline.Entry(
                    kind, deed.on, deed.text, deed.url,
                    timeline.valid_commitment(link.commitment, totals[link.pledge_id]),
                ))  # fmt: skip
    return {pk: timeline.ordered(entries) for pk, entries in found.items()}


def progress_of(pledge: Pledge, entries) -> timeline.Progress:
    total = len(timeline.commitment_items(pledge.commitments))
    return timeline.progress(total, [entry.commitment for entry in entries])


# --- for the editors ----------------------------------------------------------------------------


def suggestions(pledge: Pledge) -> list[Candidate]:
    """Records that can show on a timeline whose organisation has the pledge's name
    (timeline.same_organisation), without those an editor already confirmed or rejected."""
    decided = set(pledge.links.values_list("kind", "target_id"))
    out: list[Candidate] = []
    for kind, spec in KINDS.items():
        rows = spec.eligible(spec.queryset()).values_list("pk", spec.organisation_field)
        matched = [pk for pk, name in rows
                   if (kind, pk) not in decided and timeline.same_organisation(
                       pledge.organisation, name)]  # fmt: skip
        if matched:
            out.extend(candidates(kind, spec.queryset().filter(pk__in=matched)))
    return out


def search(kind: str, query: str) -> list[Candidate]:
    """Records of one kind whose organisation (or title, reference, place) holds the query."""
    query = (query or "").strip()
    if kind not in KINDS or not query:
        return []
    return candidates(kind, KINDS[kind].search(query))


def described_links(pledge: Pledge) -> list[tuple[PledgeLink, Candidate | None]]:
    """The pledge's links with their records (None: the record no longer exists)."""
    links = list(pledge.links.select_related("decided_by").order_by("status", "kind", "-pk"))
    by_kind: dict[str, set[int]] = defaultdict(set)
    for link in links:
        by_kind[link.kind].add(link.target_id)
    found: dict[tuple[str, int], Candidate] = {}
    for kind, ids in by_kind.items():
        for candidate in candidates(kind, KINDS[kind].fetch(ids).values()):
            found[(kind, candidate.target_id)] = candidate
    return [(link, found.get((link.kind, link.target_id))) for link in links]


def find(kind: str, target_id: int) -> Candidate | None:
    """The record a link would point to, as the editors see it; None when there is none."""
    spec = KINDS.get(kind)
    if spec is None:
        return None
    obj = spec.fetch([target_id]).get(target_id)
    return candidates(kind, [obj])[0] if obj is not None else None


def linked_to(kind: str, target_id: int) -> bool:
    """Whether a confirmed link shows this record on some pledge's timeline."""
    return PledgeLink.objects.filter(kind=kind, target_id=target_id,
                                     status=LinkStatus.CONFIRMED).exists()  # fmt: skip
