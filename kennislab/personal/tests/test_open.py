"""Openen: from the overview to an item's own private page through a fresh link, only for an
item of the overview's own address, only with a valid overview link, only by POST with CSRF."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kennislab.personal import services
from kennislab.personal.models import OverviewLink

from .conftest import OPENABLE, OWNER, overview_path, text

pytestmark = pytest.mark.django_db


def own_page_names(records, kind) -> list[str]:
    """What the item's own page must show to be recognisably that item."""
    if kind == "kennisvoucher":
        return [records[kind].reference, "Stichting Anna"]
    return {
        "vignetaanvraag": ["Concept Anna BV"],
        "vignet": ["Vitaal Anna BV"],
        "aanmelding": ["Webinar gezonde wijk"],
        "activiteit": ["Beeldbellen met Anna"],
        "uitdaging": ["30DagenGezonder 2099"],
        "pledge": ["Gemeente Annadorp"],
        "nieuwsbrief": ["Anna Jansen"],
    }[kind]


@pytest.fixture
def overview(population) -> str:
    assert services.request_link(OWNER)
    return overview_path(OWNER)


def open_url(overview: str, kind: str, pk: int) -> str:
    return f"{overview}openen/{kind}/{pk}/"


@pytest.mark.parametrize("kind", OPENABLE)
def test_openen_lands_on_the_items_own_page(client, population, overview, kind):
    record = population.owner[kind]
    page = text(client.get(overview))
    assert f'action="{open_url(overview, kind, record.pk)}"' in page
    response = client.post(open_url(overview, kind, record.pk))
    assert response.status_code == 303
    assert response["Cache-Control"] == "private, no-store"
    target = response["Location"]
    assert target.startswith("/") and "mijn-kennislab" not in target
    landed = client.get(target, follow=True)  # (the vignet form goes on to its current step)
    assert landed.status_code == 200, target
    assert landed["Cache-Control"].startswith("private")  # the item's private page
    for name in own_page_names(population.owner, kind):
        assert name in text(landed), (kind, name)


def test_openen_replaces_the_items_earlier_link(client, population, overview):
    """As the apps' own "new link" requests do: the link of earlier mails stops working."""
    pledge = population.owner["pledge"]
    before = type(pledge).objects.get(pk=pledge.pk).token_hash
    first = client.post(open_url(overview, "pledge", pledge.pk))["Location"]
    second = client.post(open_url(overview, "pledge", pledge.pk))["Location"]
    assert first != second
    assert type(pledge).objects.get(pk=pledge.pk).token_hash not in (before, "")
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


@pytest.mark.parametrize("kind", OPENABLE)
def test_an_item_of_another_address_is_refused(client, population, overview, kind):
    for name, records in population.others.items():
        record = records[kind]
        before = type(record).objects.filter(pk=record.pk).values().get()
        response = client.post(open_url(overview, kind, record.pk))
        assert response.status_code == 404, (name, kind)
        assert "Dit onderdeel kunnen we niet openen" in text(response)
        assert response["Cache-Control"] == "private, no-store"
        assert type(record).objects.filter(pk=record.pk).values().get() == before  # untouched


@pytest.mark.parametrize("kind", ["praktijkverhaal", "vraag", "interesse", "terugkijken",
                                  "bestaat-niet"])  # fmt: skip
def test_kinds_without_a_page_of_their_own_cannot_be_opened(client, population, overview, kind):
    pk = population.owner[kind].pk if kind in population.owner else 1
    assert client.post(open_url(overview, kind, pk)).status_code == 404


def test_an_unknown_or_expired_overview_link_opens_nothing(client, population, overview):
    pledge = population.owner["pledge"]
    before = type(pledge).objects.get(pk=pledge.pk).token_hash
    unknown = "/mijn-kennislab/onbekend-token-van-32-tekens-lang12/"
    response = client.post(open_url(unknown, "pledge", pledge.pk))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    OverviewLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post(open_url(overview, "pledge", pledge.pk)).status_code == 404
    assert type(pledge).objects.get(pk=pledge.pk).token_hash == before


def test_a_past_event_registration_cannot_be_opened(client, population, overview):
    event = population.world.event
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=40), ends_at=timezone.now() - timedelta(days=39)
    )
    registration = population.owner["aanmelding"]
    assert client.post(open_url(overview, "aanmelding", registration.pk)).status_code == 404


def test_a_get_changes_nothing_and_goes_back_to_the_overview(client, population, overview):
    """Link scanners follow links: opening needs the button (POST)."""
    pledge = population.owner["pledge"]
    before = type(pledge).objects.get(pk=pledge.pk).token_hash
    response = client.get(open_url(overview, "pledge", pledge.pk))
    assert response.status_code == 303
    assert response["Location"] == overview
    assert type(pledge).objects.get(pk=pledge.pk).token_hash == before


def test_openen_needs_the_csrf_token(population, overview):
    pledge = population.owner["pledge"]
    client = Client(enforce_csrf_checks=True)
    assert client.post(open_url(overview, "pledge", pledge.pk)).status_code == 403
