"""The overview: every kind of record of the link's address (found whatever the case of the
address), each with its status and dates, and nothing of any other address — also not of
addresses that only look alike. A private page: never cached, never indexed."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.personal import providers, services
from kennislab.personal.models import OverviewLink

from .conftest import KINDS, LOOKALIKES, OPENABLE, OWNER, overview_path, text

pytestmark = pytest.mark.django_db


def overview_of(client, address: str):
    assert services.request_link(address)
    return client.get(overview_path(address))


def section(page: str, kind: str) -> str:
    """The HTML of one kind's section (empty when the page has none)."""
    match = re.search(rf'<section class="section" id="{kind}".*?</section>', page, re.S)
    return match.group(0) if match else ""


def test_every_provider_is_on_the_page_in_this_test():
    """A new kind of record must be added here (and so to `everything` in conftest)."""
    assert [provider.kind for provider in providers.PROVIDERS] == KINDS
    assert [p.kind for p in providers.PROVIDERS if p.open is not None] == OPENABLE


def test_the_overview_lists_every_kind_of_the_address(client, population):
    response = overview_of(client, " ANNA_JANSEN@voorbeeld.EXAMPLE")
    assert response.status_code == 200
    page = text(response)
    owner = population.owner
    for kind in KINDS:
        part = section(page, kind)
        assert part, f"no section {kind}"
        assert f'id="{kind}-{owner[kind].pk}"' in part, kind
        expected = 2 if kind == "vignetaanvraag" else 1  # the draft, and the awarded one
        assert part.count("<article") == expected, kind
        assert ('action="/mijn-kennislab/' in part) == (kind in OPENABLE), kind
    for title in ("Goed voorbeeld 1 – Stichting Anna", "Aanvraag: Concept Anna BV",
                  "Aanvraag: Vitaal Anna BV", "Vitaal Anna BV", "Webinar gezonde wijk",
                  "Beeldbellen met Anna", "30DagenGezonder 2099", "Gemeente Annadorp",
                  "Samen koken met Anna", f"Vraag {owner['vraag'].reference} over Leefstijl",
                  "Health Transformation Community", "Je aanmelding voor de nieuwsbrief"):  # fmt: skip
        assert title in page, title
    # statuses and dates as the person reads them
    for status in ("Voorlopig toegekend", "Concept", "Toegekend", "Geldig", "Aangemeld",
                   "Aangemeld om terug te kijken", "Wacht op beoordeling", "Nog niet bevestigd",
                   "Open", "Nieuw", "Bevestigd"):  # fmt: skip
        assert f"<dd>{status}" in page, status
    assert owner["kennisvoucher"].reference in page
    today = timezone.localdate()
    assert f"<dd>{providers.day(today)}</dd>" in page
    assert "Deze link werkt tot" in page


def test_nothing_of_another_address_shows(client, population):
    page = text(overview_of(client, OWNER))
    for name, records in population.others.items():
        assert name not in page, name
        for kind, record in records.items():
            assert f'id="{kind}-{record.pk}"' not in page, (name, kind)
            assert f"/{kind}/{record.pk}/" not in page, (name, kind)
    assert "anna_jansen@voorbeeld.example.org" not in page
    assert "anna_jansen@voorbeeld.example" in page  # the page names its own address


@pytest.mark.parametrize("name", list(LOOKALIKES))
def test_a_lookalike_address_sees_only_its_own(client, population, name):
    page = text(overview_of(client, LOOKALIKES[name]))
    assert name in page
    assert "Anna" not in page  # no title of the owner's
    for kind, record in population.owner.items():
        assert f'id="{kind}-{record.pk}"' not in page, kind


def test_providers_match_case_insensitively_and_exactly(population):
    for provider in providers.PROVIDERS:
        found = set(provider.records("anna_jansen@voorbeeld.example").values_list("pk", flat=True))
        assert population.owner[provider.kind].pk in found, provider.kind
        for records in population.others.values():
            assert records[provider.kind].pk not in found, provider.kind
        assert not provider.records("").exists()


def test_the_overview_is_private(client, population):
    response = overview_of(client, OWNER)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    page = text(response)
    assert '<meta name="robots" content="noindex">' in page
    assert page.count("<h1>") == 1
    assert page.count('name="csrfmiddlewaretoken"') == page.count('<form method="post"')


def test_unknown_expired_and_odd_tokens_show_the_same_dead_end(client, population):
    good = overview_path(OWNER) if services.request_link(OWNER) else ""
    assert client.get(good).status_code == 200
    OverviewLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    for path in (good, "/mijn-kennislab/onbekend-token-van-32-tekens-lang12/",
                 "/mijn-kennislab/" + "x" * 200 + "/"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Deze link werkt niet (meer)" in text(response)
        assert response["Cache-Control"] == "private, no-store"
        assert "Anna" not in text(response)


def test_an_address_whose_records_are_gone_sees_an_empty_overview(client, population):
    response = overview_of(client, OWNER)
    path = response.wsgi_request.path
    for provider in providers.PROVIDERS:  # e.g. erased meanwhile: the link stays valid
        records = provider.records("anna_jansen@voorbeeld.example")
        fields = {"email": "weg@voorbeeld.example"}
        if any(field.name == "email_key" for field in records.model._meta.fields):
            fields["email_key"] = "weg@voorbeeld.example"
        records.update(**fields)
    page = text(client.get(path))
    assert "Er hoort (niet meer) iets bij dit e-mailadres." in page
    assert "<article" not in page


def test_a_past_event_registration_shows_without_openen(client, population):
    event = population.world.event
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=40), ends_at=timezone.now() - timedelta(days=39)
    )
    part = section(text(overview_of(client, OWNER)), "aanmelding")
    assert "niet meer beschikbaar: het evenement is voorbij" in part
    assert 'action="/mijn-kennislab/' not in part
