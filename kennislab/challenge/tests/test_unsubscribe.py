"""Unsubscribing from the support messages: the page with one button, undo, the one-click POST
of a mail program (RFC 8058, no CSRF token), and CSRF for the buttons on the page."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kennislab.challenge.models import Participant

from .factories import ParticipantFactory
from .helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant(challenge):
    return ParticipantFactory(page=challenge)


def url(participant) -> str:
    return f"/uitdaging/afmelden/{participant.unsubscribe_key}/"


def subscribed(participant) -> bool:
    return Participant.objects.get(pk=participant.pk).subscribed


def test_the_page_has_one_button(client, participant):
    response = client.get(url(participant))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    main = html[html.index("<main") : html.index("</main>")]  # the header has a search button
    assert main.count('type="submit"') == 1
    assert 'name="actie" value="afmelden"' in html
    assert subscribed(participant)  # looking changes nothing


def test_unsubscribe_and_undo(client, participant):
    response = client.post(url(participant), {"actie": "afmelden"})
    assert response.status_code == 200
    assert "Je bent afgemeld." in text(response)
    assert 'name="actie" value="aanmelden"' in text(response)
    stored = Participant.objects.get(pk=participant.pk)
    assert not stored.subscribed and stored.unsubscribed_at is not None
    undo = client.post(url(participant), {"actie": "aanmelden"})
    assert "Je krijgt de steunberichten weer." in text(undo)
    stored = Participant.objects.get(pk=participant.pk)
    assert stored.subscribed and stored.unsubscribed_at is None


def test_one_click_unsubscribe_without_csrf(participant):
    client = Client(enforce_csrf_checks=True)  # a mail program sends no cookie and no token
    response = client.post(url(participant), "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200
    assert not subscribed(participant)


def test_the_buttons_need_the_csrf_token(participant):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url(participant), {"actie": "afmelden"})
    assert response.status_code == 403
    assert subscribed(participant)
    page = text(client.get(url(participant)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    accepted = client.post(url(participant), {"actie": "afmelden", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 200
    assert not subscribed(participant)


def test_a_post_without_a_choice_changes_nothing(client, participant):
    assert client.post(url(participant), {}).status_code == 400
    assert subscribed(participant)


@pytest.mark.parametrize("key", ["onbekend", "x" * 32])
def test_an_unknown_key_is_a_404(client, key):
    response = client.get(f"/uitdaging/afmelden/{key}/")
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    assert Client().post(f"/uitdaging/afmelden/{key}/",
                         "List-Unsubscribe=One-Click",
                         content_type="application/x-www-form-urlencoded").status_code == 404  # fmt: skip


def test_an_expired_key_is_a_404(client, participant):
    Participant.objects.filter(pk=participant.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(url(participant)).status_code == 404
    assert client.post(url(participant), {"actie": "afmelden"}).status_code == 404
    assert subscribed(participant)
