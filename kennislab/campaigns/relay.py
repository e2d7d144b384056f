"""What the public sees of a relay campaign: its regions with their weeks, the approved
activities per region with multi-select filters (region, kind, online or on site), and the same
activities for the agenda and the iCal feeds."""

from __future__ import annotations

from django.utils import timezone

from kennislab.core.views import chosen_filters

from . import activities, rules
from .agenda import FORMATS
from .cards import ActivityRow, rows
from .models import Activity, ActivityStatus, Kind, RelayCampaignPage


def approved(campaign=None, *, regions=(), kinds=(), formats=(), weeks=None):
    """Approved activities of live, public campaigns (of one campaign, when given), filtered."""
    found = Activity.objects.filter(
        status=ActivityStatus.APPROVED, campaign__in=RelayCampaignPage.objects.live().public()
    )
    if campaign is not None:
        found = found.filter(campaign=campaign)
    if regions and weeks is not None:
        provinces = {p for week in weeks if week.region in regions for p in week.provinces}
        found = found.filter(province__in=provinces)
    if kinds:
        found = found.filter(kind__in=kinds)
    if set(formats) == {"online"}:
        found = found.filter(online=True)
    elif set(formats) == {"op-locatie"}:
        found = found.filter(online=False)
    return found.order_by("date", "starts_at", "pk")


def with_campaigns(found, campaign=None) -> list[Activity | ActivityRow]:
    """The activities (or rows) as a list, each with its campaign attached: one query for all
    campaigns instead of a join of the page's many columns on every row."""
    found = list(found)
    if campaign is not None:
        campaigns = {campaign.pk: campaign}
    else:
        campaigns = RelayCampaignPage.objects.in_bulk({a.campaign_id for a in found})
    for activity in found:
        activity.campaign = campaigns[activity.campaign_id]
    return found


def upcoming_dated(
    kinds=(), themes=(), formats=(), campaign=None, region=None, as_rows=False, ended_too=False
):
    """Approved activities with a date and a start time that have not ended: the agenda's and
    the feeds' share of the campaigns. as_rows: as the agenda's cards need them (cards.py);
    ended_too: also today's that have ended (the agenda keeps a day's list and leaves those out
    per request)."""
    today = timezone.localdate()
    found = approved(campaign, kinds=kinds, formats=formats).filter(
        date__gte=today, starts_at__isnull=False
    )
    if themes:
        found = found.filter(campaign__themes__slug__in=themes).distinct()
    if region is not None:
        found = found.filter(province__in=region.provinces)
    found = with_campaigns(rows(found) if as_rows else found, campaign)
    if ended_too:
        return found
    now = timezone.now()  # one on a later day has not ended; one today may have
    return [a for a in found if a.date > today or activities.ends(a) >= now]


def campaign_context(request, page: RelayCampaignPage) -> dict:
    weeks = page.weeks()
    region_names = {week.region: week.name for week in weeks}
    chosen_regions = chosen_filters(request, "regio", region_names)
    kinds = chosen_filters(request, "soort", dict(Kind.choices))
    formats = chosen_filters(request, "vorm", FORMATS)
    found = approved(page, regions=chosen_regions, kinds=kinds, formats=formats, weeks=weeks)
    found = with_campaigns(rows(found), page)
    sections = []
    for week in weeks:
        mine = [activity for activity in found if activity.province in week.provinces]
        names = [rules.PROVINCE_NAMES.get(province, province) for province in week.provinces]
        sections.append({"week": week, "activities": mine, "provinces": names})
    shown = [s for s in sections if not chosen_regions or s["week"].region in chosen_regions]
    return {
        "sections_all": sections,
        "sections": [
            section
            for section in sections
            if not chosen_regions or section["week"].region in chosen_regions
        ],
        "activity_count": sum(len(section["activities"]) for section in shown),
        "registration_open": page.registration_open(weeks=weeks),
        "filters": [
            ("regio", "Regio", list(region_names.items()), chosen_regions),
            ("soort", "Soort", list(Kind.choices), kinds),
            ("vorm", "Online of op locatie", list(FORMATS.items()), formats),
        ],
        "filtered": bool(chosen_regions or kinds or formats),
    }
