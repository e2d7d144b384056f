"""Asking for the link to Mijn Kennislab: the same answer for every address, a mail (with a
working link) only for an address that has something, rotation and expiry of the links, and the
protections of every public form (CSRF, spam trap, server-side validation, rate limit)."""

from __future__ import annotations

import types
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kennislab.core import daily, ratelimit
from kennislab.core.models import OutgoingEmail
from kennislab.core.tokens import token_hash
from kennislab.network.tests.conftest import sign as sign_pledge
from kennislab.personal import services
from kennislab.personal.models import LINK_HOURS, OverviewLink

from .conftest import overview_mails, overview_path, text

pytestmark = pytest.mark.django_db

URL = "/mijn-kennislab/"
SENT = "/mijn-kennislab/verstuurd/"


def ask(client, email, **extra):
    return client.post(URL, {"email": email, "website": "", **extra})


@pytest.fixture
def signer():
    """An address with one record (a pledge), written with capitals as someone typed it."""
    pledge, _token = sign_pledge(email="Sanne.Visser@Gemeente.example",
                                 organisation="Gemeente Visserdorp")  # fmt: skip
    return pledge


def test_the_form_asks_only_for_the_address_and_says_why_no_consent(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    assert '<html lang="nl">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'name="email"' in page and 'type="email"' in page
    assert 'name="website"' in page  # the spam trap
    assert 'name="consent"' not in page
    assert "geen toestemming" in page and "alleen de link die we sturen" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'href="/mijn-kennislab/"' in page  # the footer links here


def test_known_and_unknown_addresses_get_the_same_answer(client, signer):
    known = ask(client, "sanne.visser@gemeente.example")
    unknown = ask(client, "niemand@gemeente.example")
    assert known.status_code == unknown.status_code == 303
    assert known["Location"] == unknown["Location"] == SENT
    known_page, unknown_page = client.get(known["Location"]), client.get(unknown["Location"])
    assert known_page.status_code == unknown_page.status_code == 200
    assert known_page.content == unknown_page.content  # byte for byte
    assert "Als er iets bij dit adres hoort, krijg je een e-mail" in text(known_page)
    # behind the same answer: a link and a mail for the known address only
    assert overview_mails("sanne.visser@gemeente.example").count() == 1
    assert not OutgoingEmail.objects.filter(to="niemand@gemeente.example").exists()
    assert list(OverviewLink.objects.values_list("email_key", flat=True)) == [
        "sanne.visser@gemeente.example"
    ]


def test_the_mail_holds_a_link_that_opens_the_overview(client, signer):
    ask(client, "  SANNE.VISSER@gemeente.EXAMPLE ")
    mail = overview_mails("SANNE.VISSER@gemeente.EXAMPLE").get()
    assert mail.subject == "Je overzicht op Kennislab"
    assert f"De link werkt {LINK_HOURS} uur" in mail.body
    path = overview_path("SANNE.VISSER@gemeente.EXAMPLE")
    link = OverviewLink.objects.get()
    token = path.split("/")[2]
    assert link.token_hash == token_hash(token) != token  # only the hash is stored
    response = client.get(path)
    assert response.status_code == 200
    assert "Gemeente Visserdorp" in text(response)
    expected = timezone.now() + timedelta(hours=LINK_HOURS)
    assert abs((link.expires_at - expected).total_seconds()) < 60


def test_a_new_request_replaces_the_earlier_link(client, signer):
    ask(client, "sanne.visser@gemeente.example")
    first = overview_path("sanne.visser@gemeente.example")
    ask(client, "Sanne.Visser@Gemeente.example")
    second = overview_path("Sanne.Visser@Gemeente.example")
    assert first != second
    assert OverviewLink.objects.count() == 1
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_the_link_expires_and_the_daily_job_clears_it(client, signer):
    ask(client, "sanne.visser@gemeente.example")
    path = overview_path("sanne.visser@gemeente.example")
    OverviewLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    assert 'href="/mijn-kennislab/"' in text(response)  # the way to a new link
    assert daily.JOBS["mijn kennislab: verlopen links opruimen"]() == 1
    assert not OverviewLink.objects.exists()


def test_an_unexpired_link_survives_the_daily_job(signer):
    services.request_link(signer.email)
    assert services.purge_expired() == 0
    assert OverviewLink.objects.count() == 1


def test_the_spam_trap_stores_and_sends_nothing(client, signer):
    response = ask(client, "sanne.visser@gemeente.example", website="https://spam.example")
    assert response.status_code == 400
    assert "automatisch te zijn ingevuld" in text(response)
    assert not OverviewLink.objects.exists()
    assert not overview_mails("sanne.visser@gemeente.example").exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul je e-mailadres in."),
        ("sanne.visser@", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ("sanne visser@gemeente.example", "Vul een geldig e-mailadres in"),
        ("s" * 250 + "@gemeente.example", "Dit e-mailadres is te lang."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(client, signer, email, message):
    response = ask(client, email)
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert page.count("<title>Fout:") == 1  # the title says so, and the error summary is there
    assert "data-error-summary" in page
    assert not OverviewLink.objects.exists()
    assert not OutgoingEmail.objects.filter(topic="mijn-kennislab").exists()


def test_the_form_needs_its_csrf_token(signer):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"email": "sanne.visser@gemeente.example", "website": ""})
    assert response.status_code == 403
    assert not OverviewLink.objects.exists()


def test_ten_requests_an_hour_per_visitor(client, signer, monkeypatch):
    cache.clear()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))
    for _ in range(10):
        assert ask(client, "niemand@gemeente.example").status_code == 303
    assert client.get(URL).status_code == 200  # reading the form is not counted
    blocked = ask(client, "sanne.visser@gemeente.example")
    assert blocked.status_code == 429
    assert "Wacht" in text(blocked)
    assert not OverviewLink.objects.exists()  # the blocked request did nothing
    other = client.post(URL, {"email": "sanne.visser@gemeente.example", "website": ""},
                        REMOTE_ADDR="10.0.0.9")  # fmt: skip
    assert other.status_code == 303  # another visitor is not affected


def test_the_confirmation_page_is_plain_and_not_indexed(client):
    response = client.get(SENT)
    assert response.status_code == 200
    page = text(response)
    assert '<meta name="robots" content="noindex">' in page
    assert "<h1>Kijk in je mailbox</h1>" in page
    assert client.post(SENT).status_code == 405
