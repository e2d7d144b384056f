"""Test data for the API: a few Kennislab items, events and relay activities, a voucher scheme
and a vignet holder; everything invented."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from kennislab.campaigns.models import Activity, ActivityStatus
from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.relay_factories import build_campaign
from kennislab.content.models import ArticleContact, Domain, Theme
from kennislab.content.tests.factories import ArticlePageFactory, PersonFactory


@dataclass
class ApiData:
    themes: dict
    items: dict
    events: dict
    activities: dict
    person: object


def make_activity(campaign, *, days: int, status=ActivityStatus.APPROVED, **fields) -> Activity:
    day = timezone.localdate() + timedelta(days=days)
    values = {
        "campaign": campaign,
        "status": status,
        "province": "gelderland",
        "organiser": "Zorggroep Rivierland",
        "contact_name": "Marloes Dijkhuis",
        "email": "marloes@voorbeeld.example",
        "phone": "06 00000000",
        "title": f"Beeldbellen in de wijk ({days})",
        "kind": "workshop",
        "date": day,
        "starts_at": time(14, 0),
        "ends_at": time(15, 30),
        "online": False,
        "location": "Buurthuis De Wilg, Arnhem",
        "description": "Zorgverleners laten zien hoe beeldbellen werkt.",
        "complete": True,
        "token_hash": secrets.token_hex(32),
        "token_expires_at": timezone.now() + timedelta(days=90),
        **fields,
    }
    return Activity.objects.create(**values)


def build_api_data() -> ApiData:
    green = Theme.objects.create(name="Groene omgeving (test)", slug="groen-test", sort_order=1)
    mental = Theme.objects.create(name="Veerkracht (test)", slug="veerkracht-test", sort_order=2)
    school, _ = Domain.objects.get_or_create(code="school", defaults={"name": "School"})
    wijk, _ = Domain.objects.get_or_create(code="wijk", defaults={"name": "Wijk"})
    person = PersonFactory(
        name="Anouk Verbeek", role="Netwerkadviseur groen", organisation="Netwerk Gezond Samen"
    )
    news = ArticlePageFactory(
        title="Groene schoolpleinen in Zilverdam",
        item_type="news",
        date=date(2025, 3, 18),
        themes=[green],
        domains=[school],
        body=[
            {"type": "heading", "value": {"text": "Wat we deden", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Een <b>alinea</b> met uitleg.</p>"},
            {"type": "list", "value": {"style": "bullet", "items": ["Eén", "Twee"]}},
        ],
    )
    ArticleContact.objects.create(page=news, person=person, sort_order=0)
    ArticleContact.objects.create(
        page=news, role="Redactie", note="Mail de redactie.", sort_order=1
    )
    practice = ArticlePageFactory(
        title="Moestuin in de wijk Veenland",
        item_type="practice_example",
        date=date(2024, 6, 1),
        themes=[green, mental],
        domains=[wijk],
    )
    interview = ArticlePageFactory(
        title="Interview over mentale veerkracht",
        item_type="interview",
        date=date(2025, 11, 2),
        themes=[mental],
    )
    news.body.append(("paragraph", f'<p>Zie <a linktype="page" id="{practice.pk}">dit</a>.</p>'))
    news.save_revision().publish()
    draft = ArticlePageFactory(title="Nog niet gepubliceerd", item_type="news")
    draft.unpublish()

    upcoming = build_event(
        title="Webinar groene schoolpleinen",
        slug="webinar-groen",
        themes=["groen-test"],
        starts_in=timedelta(days=10),
        online=True,
        registration=True,
        join_url="https://webinar.voorbeeld.example/geheim",
        contact=person,
    )
    open_online = build_event(
        title="Online spreekuur",
        slug="spreekuur",
        starts_in=timedelta(days=3),
        online=True,
        registration=False,
        join_url="https://spreekuur.voorbeeld.example/open",
        kind="talk",
    )
    past = build_event(
        title="Netwerkdag vorig jaar",
        slug="netwerkdag",
        starts_in=timedelta(days=-30),
        online=False,
        location="Stadhuis Zilverdam",
        kind="market",
        join_url="",
        themes=["veerkracht-test"],
    )
    today = timezone.localdate()
    regions = [
        ("Oost", "oost", ["gelderland"], today - timedelta(days=1), today + timedelta(days=30))
    ]
    campaign = build_campaign(regions=regions, themes=["veerkracht-test"])
    approved = make_activity(campaign, days=5)
    submitted = make_activity(campaign, days=6, status=ActivityStatus.SUBMITTED)
    return ApiData(
        themes={"groen": green, "veerkracht": mental},
        items={"news": news, "practice": practice, "interview": interview, "draft": draft},
        events={"upcoming": upcoming, "open_online": open_online, "past": past},
        activities={"approved": approved, "submitted": submitted},
        person=person,
    )


@pytest.fixture
def api_data(db) -> ApiData:
    return build_api_data()
