"""The map's figures from the database: which records count per kind and year, their counts
per province (one GROUP BY per kind, tallied by rules.tally) and the public list of one
province. Read-only.

What counts (and for which year):

* pledges — on the pledge wall (approved); the year it went on the wall (else signed);
* activiteiten — relay activities published in a live, public campaign (relay.approved); the
  year of the activity's date (else of its registration);
* vignetten — holders of a vignet: without a year the ones valid today, with a year the ones
  valid on some day of that year (never a revoked one);
* vouchers — organisations (one per organisation_key) with a voucher granted provisionally or
  definitively; the year the application arrived;
* uitdaging — confirmed participants of a live, public 30DagenGezonder edition; the edition's
  year. Only their number is public: never a name or an address.

Caching: the map page computes per request and may be kept LIVE_SECONDS by the page cache
(cache_briefly), as voucher applications and challenge sign-ups do not bump the cache
generation (kennislab.core.pagecache.IGNORED_MODELS). The home page's block keeps its figures
per generation (memo): those two may lag there by DATA_CACHE_SECONDS, no longer than the page
cache keeps the home page itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kennislab.campaigns.models import Activity
from kennislab.campaigns.relay import approved as approved_activities
from kennislab.challenge.models import ChallengePage, Participant
from kennislab.challenge.models import Status as ParticipantStatus
from kennislab.core.memo import memo
from kennislab.network.models import Pledge, PledgeStatus
from kennislab.vignet.models import Vignet
from kennislab.vouchers.models import HOLDING, Application

from . import rules

MAX_LISTED = 200  # a province's list shows at most this many records


# --- which records count ---------------------------------------------------------------------


def pledges(year: int | None = None):
    found = Pledge.objects.filter(status=PledgeStatus.APPROVED)
    if year is not None:
        found = found.filter(
            Q(approved_at__year=year) | Q(approved_at__isnull=True, created_at__year=year)
        )
    return found


def activities(year: int | None = None):
    found = approved_activities().order_by()
    if year is not None:
        found = found.filter(Q(date__year=year) | Q(date__isnull=True, created_at__year=year))
    return found


def vignets(year: int | None = None):
    if year is None:
        return Vignet.objects.current()
    return Vignet.objects.filter(
        revoked_at__isnull=True,
        valid_from__lte=date(year, 12, 31),
        valid_until__gte=date(year, 1, 1),
    )


def voucher_applications(year: int | None = None):
    found = Application.objects.filter(status__in=HOLDING)
    if year is not None:
        found = found.filter(received_at__year=year)
    return found


def participants(year: int | None = None):
    found = Participant.objects.filter(
        status=ParticipantStatus.CONFIRMED, page__in=ChallengePage.objects.live().public()
    )
    if year is not None:
        found = found.filter(page__year=year)
    return found


SOURCES = {
    rules.PLEDGES: (pledges, "pk"),
    rules.ACTIVITIES: (activities, "pk"),
    rules.VIGNETS: (vignets, "pk"),
    rules.VOUCHERS: (voucher_applications, "organisation_key"),  # organisations, not applications
    rules.CHALLENGE: (participants, "pk"),
}


# --- counts ----------------------------------------------------------------------------------


def count(kind: str, year: int | None = None) -> rules.Tally:
    """One kind's counts per province (one query)."""
    records, key = SOURCES[kind]
    rows = (
        records(year).order_by().values_list("province")
        .annotate(n=Count(key, distinct=True)).values_list("province", "n")
    )  # fmt: skip
    return rules.tally(rows)


def counts(year: int | None = None) -> dict[str, rules.Tally]:
    """Every kind's counts per province, in the order of rules.KINDS."""
    return {kind: count(kind, year) for kind in rules.KINDS}


def _year(value) -> int | None:
    """The (local) year of a date, a moment or a year."""
    if value is None or isinstance(value, int):
        return value
    if hasattr(value, "hour"):
        return timezone.localtime(value).year
    return value.year


def years() -> list[int]:
    """The years the year filter offers (newest first): from the first year any kind has a
    record up to this year, or next year when something is planned then (next March's
    challenge; a vignet valid until a later year counts up to next year)."""
    this_year = timezone.localdate().year
    firsts, lasts = [], []
    for query, first, last in (
        (pledges(), "approved_at", "approved_at"),
        (activities(), "date", "date"),
        (Vignet.objects.filter(revoked_at__isnull=True), "valid_from", "valid_until"),
        (voucher_applications(), "received_at", "received_at"),
        (participants(), "page__year", "page__year"),
    ):
        edges = query.aggregate(first=Min(first), last=Max(last))
        if edges["first"] is not None:
            firsts.append(_year(edges["first"]))
            lasts.append(min(_year(edges["last"]), this_year + 1))
    return rules.year_range(min(firsts, default=None), max(lasts, default=None), this_year)


def home_counts() -> dict[str, rules.Tally]:
    """counts() for the home page's block, kept per cache generation (kennislab.core.memo)."""
    return memo("movement-home-counts", counts)


# --- what is in one province -----------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of a province's list: public information only."""

    title: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class Listing:
    total: int
    entries: tuple[Entry, ...] = ()
    names_shown: bool = True  # False: only the number is public (challenge participants)

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.entries)) if self.names_shown else 0


def listing(kind: str, province: str, year: int | None = None) -> Listing:
    """What is in the province for this kind (and year), at most MAX_LISTED lines."""
    if kind == rules.CHALLENGE:
        return Listing(participants(year).filter(province=province).count(), names_shown=False)
    if kind == rules.VOUCHERS:
        return _voucher_listing(province, year)
    if kind == rules.PLEDGES:
        found = pledges(year).filter(province=province).order_by("organisation", "pk")
        entries = [Entry(p.organisation, "", p.get_absolute_url()) for p in found[:MAX_LISTED]]
    elif kind == rules.ACTIVITIES:
        found = (
            activities(year).filter(province=province).select_related("campaign")
            .order_by("date", "title", "pk")
        )  # fmt: skip
        entries = [_activity_entry(activity) for activity in found[:MAX_LISTED]]
    else:
        found = vignets(year).filter(province=province).order_by("organisation", "pk")
        entries = [
            Entry(v.organisation, v.place, reverse("vignet:verify", args=[v.public_id]))
            for v in found[:MAX_LISTED]
        ]
    return Listing(found.count(), tuple(entries))


def _activity_entry(activity: Activity) -> Entry:
    try:
        url = activity.get_absolute_url()
    except NoReverseMatch:  # a campaign whose slug the URL does not take
        url = ""
    return Entry(activity.title, activity.organiser, url)


def _voucher_listing(province: str, year: int | None) -> Listing:
    found = (
        voucher_applications(year).filter(province=province)
        .order_by("organisation_key", "received_at", "pk")
        .values_list("organisation_key", "organisation", "example__title")
    )  # fmt: skip
    organisations: dict[str, tuple[str, list[str]]] = {}
    for key, name, example in found:
        _name, examples = organisations.setdefault(key, (name, []))
        if example not in examples:
            examples.append(example)
    rows = sorted(organisations.values(), key=lambda row: row[0].casefold())
    entries = [Entry(name, ", ".join(examples)) for name, examples in rows[:MAX_LISTED]]
    return Listing(len(rows), tuple(entries))
