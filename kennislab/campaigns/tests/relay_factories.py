"""Helpers and fixtures for the relay campaign tests: a clock that can be frozen (the relay code
asks `timezone.now()` / `timezone.localdate()`), a live campaign with the four regions of the 2021
edition, and activities registered through the service."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kennislab.campaigns import activities
from kennislab.campaigns.models import Activity, CampaignRegion, RelayCampaignPage
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# The 2021 edition: name, slug, provinces, first and last day of the week.
REGIONS_2021 = [
    ("Oost", "oost", ["gelderland", "overijssel", "flevoland"], date(2021, 2, 1), date(2021, 2, 5)),
    ("West", "west", ["noord-holland", "zuid-holland", "utrecht"], date(2021, 2, 8),
     date(2021, 2, 12)),
    ("Noord", "noord", ["groningen", "friesland", "drenthe"], date(2021, 2, 15),
     date(2021, 2, 19)),
    ("Zuid", "zuid", ["zeeland", "noord-brabant", "limburg"], date(2021, 2, 22),
     date(2021, 2, 26)),
]  # fmt: skip
# A Monday four weeks before the first week: registration is open, reminders are due soon.
TODAY_2021 = date(2021, 1, 4)

_numbers = itertools.count(1)


class Clock:
    """Freezes `django.utils.timezone.now` (and so `localdate`) at a moment in Amsterdam."""

    def __init__(self, monkeypatch, day: date, hour: int = 9):
        self.set(day, hour)
        monkeypatch.setattr(timezone, "now", lambda: self.moment)

    def set(self, day: date, hour: int = 9, minute: int = 0):
        self.moment = datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)

    @property
    def today(self) -> date:
        return self.moment.astimezone(AMSTERDAM).date()


def build_campaign(
    *,
    regions=REGIONS_2021,
    closes_on: date | None = None,
    live: bool = True,
    themes=(),
    **fields,
) -> RelayCampaignPage:
    """A relay campaign under the home page with `regions` (name, slug, provinces, first day,
    last day); published unless `live=False`."""
    number = next(_numbers)
    values = {
        "title": f"Slimme Zorg Estafette {number}",
        "slug": f"estafette-{number}",
        "intro": "Vier weken slimme zorg.",
        "contact_email": "estafette@voorbeeld.example",
        "registration_closes_on": closes_on,
        **fields,
    }
    page = RelayCampaignPage(
        regions=[
            CampaignRegion(name=name, slug=slug, provinces=list(provinces), starts_on=start,
                           ends_on=end, sort_order=n)
            for n, (name, slug, provinces, start, end) in enumerate(regions)
        ],
        **values,
    )  # fmt: skip
    page.themes = list(Theme.objects.filter(slug__in=themes))
    home = ensure_home()
    if not live:
        page.live = False
        home.add_child(instance=page)
        return RelayCampaignPage.objects.get(pk=page.pk)
    home.add_child(instance=page)
    page.save_revision().publish()
    return RelayCampaignPage.objects.get(pk=page.pk)


def required(**overrides) -> dict:
    """Only the required fields of an activity (cleaned data)."""
    number = next(_numbers)
    return {
        "organiser": f"Zorggroep Nummer{number}",
        "contact_name": "Marloes Dijkhuis",
        "email": f"organisator{number}@voorbeeld.example",
        "title": f"Beeldbellen in de wijk {number}",
        "province": "gelderland",
        **overrides,
    }


def complete(**overrides) -> dict:
    """The cleaned data of a complete activity on site in Gelderland (region Oost, 1–5 Feb 2021)."""
    return required(
        **{
            "kind": "workshop",
            "date": date(2021, 2, 3),
            "starts_at": time(14, 0),
            "ends_at": time(15, 30),
            "online": False,
            "location": "Buurthuis De Wilg, Arnhem",
            "link": "",
            "description": "Zorgverleners laten zien hoe beeldbellen werkt.",
            **overrides,
        }
    )


def add_activity(campaign, data=None, status=None, **overrides) -> tuple[Activity, str]:
    """Register through the service, then (optionally) set the status directly: (activity,
    token)."""
    activity, token = activities.register(
        campaign.pk, data if data is not None else complete(**overrides), "Ik geef toestemming."
    )
    if status is not None:
        Activity.objects.filter(pk=activity.pk).update(status=status)
        activity.refresh_from_db()
    return activity, token


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The clock frozen on Monday 4 January 2021, 09:00 in Amsterdam."""
    return Clock(monkeypatch, TODAY_2021)


@pytest.fixture
def campaign(db, clock) -> RelayCampaignPage:
    """A live campaign with the four regions and weeks of 2021; registration open (frozen
    clock)."""
    return build_campaign(title="Slimme Zorg Estafette", slug="slimme-zorg-estafette")
