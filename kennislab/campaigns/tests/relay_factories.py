"""Helpers and fixtures for the relay campaign tests: a clock that can be frozen (the relay code
asks `timezone.now()` / `timezone.localdate()`), a live campaign with the four regions of the 2021
edition, and activities registered through the service."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kennislab.campaigns import activities
from kennislab.campaigns.models import Activity, ActivityStatus, CampaignRegion, RelayCampaignPage
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


# --- a campaign with activities and events, shared by the view and caching tests --------------


@pytest.fixture
def relay(db, clock):
    """The campaign of 2021 (theme: leefstijl), registration open on 4 January 2021."""
    return build_campaign(title="Slimme Zorg Estafette", slug="slimme-zorg-estafette",
                          themes=["leefstijl"])  # fmt: skip


def approved(campaign, **overrides) -> Activity:
    activity, _token = add_activity(campaign, complete(**overrides))
    activities.moderate(activity.pk, "approve", "", None)
    return Activity.objects.get(pk=activity.pk)


@pytest.fixture
def listed(relay):
    """Four approved activities in three regions (one undated), and three that are not public."""
    made = {
        "beeldbellen": approved(relay, title="Beeldbellen met de wijkverpleging", kind="webinar",
                                province="gelderland", online=True, location="",
                                link="https://meet.voorbeeld.example/beeld",
                                date=date(2021, 2, 1), starts_at=time(14), ends_at=time(15)),
        "proeftuin": approved(relay, title="Proeftuin medicijndispenser", kind="try_out",
                              province="overijssel", location="De Esch, Hardenberg",
                              date=date(2021, 2, 3), starts_at=time(10), ends_at=time(12)),
        "lezing": approved(relay, title="Leefstijlcoaching op afstand", kind="lecture",
                           province="zuid-holland", online=True, location="",
                           link="https://meet.voorbeeld.example/lezing",
                           date=date(2021, 2, 9), starts_at=time(19), ends_at=time(20, 30)),
        "robot": approved(relay, title="Zorgrobot op bezoek", kind="try_out",
                          province="friesland", location="Dorpshuis It Haske", date=None,
                          starts_at=None, ends_at=None),
    }  # fmt: skip
    made["waiting"], _ = add_activity(relay, complete(title="Wacht op beoordeling"))
    made["rejected"], _ = add_activity(relay, complete(title="Afgewezen activiteit"),
                                       status=ActivityStatus.REJECTED)  # fmt: skip
    made["withdrawn"], _ = add_activity(relay, complete(title="Ingetrokken activiteit"),
                                        status=ActivityStatus.WITHDRAWN)  # fmt: skip
    return made


@pytest.fixture
def mixed(relay, listed, make_event):
    """Two events between the activities (the clock stands on 4 January 2021, 09:00)."""
    return {
        "webinar": make_event(title="Webinar mentaal", kind="webinar", online=True,
                              themes=["mentale-gezondheid"], starts_in=timedelta(days=28)),
        "market": make_event(title="Markt op locatie", kind="market", online=False,
                             location="Stadskantoor", registration=False, themes=["leefstijl"],
                             starts_in=timedelta(days=35, hours=1)),
    }  # fmt: skip
