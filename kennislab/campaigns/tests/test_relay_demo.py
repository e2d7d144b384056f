"""The relay demo: the weeks of the coming February, and a campaign with the four regions of 2021
and activities in every state; loading it twice changes nothing."""

from datetime import date

import pytest
from django.utils import timezone

from kennislab.campaigns import demo
from kennislab.campaigns.models import (
    Activity,
    ActivityEvent,
    ActivityStatus,
    CampaignRegion,
    RelayCampaignPage,
)
from kennislab.core.models import OutgoingEmail

WEEKS_2021 = [
    (date(2021, 2, 1), date(2021, 2, 5)),
    (date(2021, 2, 8), date(2021, 2, 12)),
    (date(2021, 2, 15), date(2021, 2, 19)),
    (date(2021, 2, 22), date(2021, 2, 26)),
]
# 1 February 2022 is a Tuesday: the first Monday is the 7th
WEEKS_2022 = [
    (date(2022, 2, 7), date(2022, 2, 11)),
    (date(2022, 2, 14), date(2022, 2, 18)),
    (date(2022, 2, 21), date(2022, 2, 25)),
    (date(2022, 2, 28), date(2022, 3, 4)),
]


@pytest.mark.parametrize(
    ("today", "weeks"),
    [
        (date(2020, 12, 31), WEEKS_2021),
        (date(2021, 1, 4), WEEKS_2021),
        (date(2021, 2, 1), WEEKS_2021),  # the first Monday of February
        (date(2021, 2, 10), WEEKS_2021),
        (date(2021, 2, 21), WEEKS_2021),  # the Sunday before the last week
        (date(2021, 2, 22), WEEKS_2022),  # the last week has begun
        (date(2021, 2, 23), WEEKS_2022),
        (date(2021, 7, 1), WEEKS_2022),
        (date(2021, 12, 31), WEEKS_2022),
        (date(2022, 1, 31), WEEKS_2022),
    ],
)
def test_relay_weeks(today, weeks):
    assert demo.relay_weeks(today) == weeks


def test_relay_weeks_are_monday_to_friday():
    for today in (date(2024, 11, 5), date(2026, 3, 1), date(2027, 1, 1)):
        weeks = demo.relay_weeks(today)
        assert [(start.weekday(), end.weekday()) for start, end in weeks] == [(0, 4)] * 4
        assert all(start.month == 2 and start.day <= 7 for start, _end in weeks[:1])
        assert weeks[-1][0] >= today


def snapshot():
    return (
        RelayCampaignPage.objects.count(),
        CampaignRegion.objects.count(),
        sorted(Activity.objects.values_list("title", "status")),
        ActivityEvent.objects.count(),
        OutgoingEmail.objects.count(),
    )


EXPECTED_STATUS = {
    "approved": ActivityStatus.APPROVED,
    "incomplete": ActivityStatus.APPROVED,
    "submitted": ActivityStatus.SUBMITTED,
    "changes": ActivityStatus.CHANGES,
}


@pytest.mark.django_db
def test_the_relay_demo_and_loading_it_twice(client):
    demo.load_demo()
    first = snapshot()
    demo.load_demo()
    assert snapshot() == first

    campaign = RelayCampaignPage.objects.get(slug=demo.RELAY["slug"])
    assert campaign.live
    regions = list(campaign.regions.order_by("sort_order"))
    assert [(r.name, r.slug, r.provinces) for r in regions] == [
        tuple(spec) for spec in demo.RELAY_REGIONS
    ]
    assert [(r.starts_on, r.ends_on) for r in regions] == demo.relay_weeks(timezone.localdate())
    assert campaign.registration_open()

    found = {a.title: a for a in Activity.objects.filter(campaign=campaign)}
    assert len(found) == len(demo.RELAY_ACTIVITIES) == 9
    for spec in demo.RELAY_ACTIVITIES:
        title, state = spec[2], spec[-1]
        activity = found[title]
        assert activity.status == EXPECTED_STATUS[state], title
        assert activity.week() is not None
        if activity.date:
            assert activity.date in activity.week(), title
    incomplete = found["Slimme sensoren in de thuiszorg"]
    assert not incomplete.complete and incomplete.date is None
    assert found["Beeldbellen met de wijkverpleging: zo werkt het"].complete
    assert found["Thuismonitoring na een operatie"].editor_note
    response = client.get(campaign.url)
    assert response.status_code == 200
    assert "Beeldbellen met de wijkverpleging: zo werkt het" in response.content.decode()
    assert "E-health voor mantelzorgers" not in response.content.decode()  # still waiting
