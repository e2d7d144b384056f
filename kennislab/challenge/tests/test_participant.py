"""The participant's private page: the link asks to confirm and a POST confirms (double opt-in),
the goal can be changed, days are ticked off (never after today, never someone else's), the page is private,
and an expired or unknown link is a Dutch 404."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kennislab.challenge import services
from kennislab.challenge.models import CheckIn, Participant, Status, Theme

from .factories import sign_up
from .helpers import participant_url, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(make_challenge):
    """An edition on its 12th day today."""
    return make_challenge(
        starts_on=timezone.localdate() - timedelta(days=11), closes_in=timedelta(days=5)
    )


def fresh(participant) -> Participant:
    return Participant.objects.get(pk=participant.pk)


def days_of(participant) -> set[int]:
    return set(CheckIn.objects.filter(participant=participant).values_list("day", flat=True))


def tick(client, token, days):
    return client.post(participant_url(token), {"actie": "dagen", "dag": [str(d) for d in days]})


def joined(page, **overrides):
    """Signed up and confirmed (the button on the link's page, services.confirm)."""
    signed = sign_up(page, **overrides)
    services.confirm(signed.participant)
    return signed


def test_the_link_asks_to_confirm_and_a_post_confirms_once(client, challenge):
    signed = sign_up(challenge)
    assert signed.participant.status == Status.PENDING
    opened = client.get(participant_url(signed.token))  # what a mail scanner does, too
    assert opened.status_code == 200
    assert opened["Cache-Control"] == "private, no-store"
    assert "Bevestig mijn deelname" in text(opened)
    assert fresh(signed.participant).status == Status.PENDING
    refused = tick(client, signed.token, [1])  # nothing else before the confirmation
    assert refused.status_code == 409
    assert not CheckIn.objects.exists()
    response = client.post(participant_url(signed.token), {"actie": "bevestigen"})
    assert response.status_code == 303
    first = client.get(response["Location"])
    assert "Je deelname is bevestigd." in text(first)
    participant = fresh(signed.participant)
    assert participant.status == Status.CONFIRMED and participant.confirmed_at is not None
    second = client.get(participant_url(signed.token))
    assert "Je deelname is bevestigd." not in text(second)
    assert "Bevestig mijn deelname" not in text(second)
    assert fresh(signed.participant).confirmed_at == participant.confirmed_at


def test_the_page_is_private_and_shows_theme_goal_and_progress(client, running):
    signed = joined(running, name="Sam Privé", theme=Theme.SLEEP, goal="Om 23 uur slapen.")
    response = client.get(participant_url(signed.token))
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    assert "Je 30 dagen, Sam Privé" in html
    assert "Om 23 uur slapen." in html
    assert re.search(r'<input type="radio" name="theme" value="sleep"[^>]*checked', html)
    assert not re.search(r'<input type="radio" name="theme" value="exercise"[^>]*checked', html)
    assert "0 van 30 dagen" in html
    assert "Vandaag is dag 12." in html


def test_ticking_off_days_up_to_today(client, running):
    signed = joined(running)
    response = tick(client, signed.token, [1, 2, 12])
    assert response.status_code == 303
    assert response["Location"].endswith("?opgeslagen=dagen")
    assert days_of(signed.participant) == {1, 2, 12}
    page = text(client.get(response["Location"]))
    assert "3 van 30 dagen" in page and "Je afgevinkte dagen zijn opgeslagen." in page
    assert 'id="dag-12" name="dag" value="12" checked' in page
    assert 'id="dag-13" name="dag" value="13" disabled' in page
    # unticking: the form says which days are ticked now
    assert tick(client, signed.token, [2]).status_code == 303
    assert days_of(signed.participant) == {2}
    assert tick(client, signed.token, []).status_code == 303
    assert days_of(signed.participant) == set()


@pytest.mark.parametrize("days", [[13], [1, 13], [30], [0], [31], ["een"], ["-1"]])
def test_days_after_today_or_outside_the_challenge_are_refused(client, running, days):
    signed = joined(running)
    CheckIn.objects.create(participant=signed.participant, day=5)
    response = tick(client, signed.token, days)
    assert response.status_code == 400
    assert "Fout:" in text(response)
    assert days_of(signed.participant) == {5}  # nothing changed


def test_nothing_can_be_ticked_before_the_start(client, challenge):
    signed = joined(challenge)  # starts in ten days
    page = text(client.get(participant_url(signed.token)))
    assert "Dagen opslaan" not in page and "De uitdaging begint op" in page
    response = tick(client, signed.token, [1])
    assert response.status_code == 400
    assert "De uitdaging is nog niet begonnen" in text(response)
    assert days_of(signed.participant) == set()


def test_after_the_challenge_every_day_can_still_be_ticked(client, make_challenge):
    page = make_challenge(starts_on=timezone.localdate() - timedelta(days=40),
                          opens_in=timedelta(days=-60), closes_in=timedelta(days=-20))  # fmt: skip
    participant = sign_up_while_open(page)
    token = services._send_new_link(participant).token
    assert tick(client, token, [1, 30]).status_code == 303
    assert days_of(participant) == {1, 30}


def sign_up_while_open(page):
    from .factories import ParticipantFactory

    return ParticipantFactory(page=page)


def test_nobody_sees_or_changes_another_participants_data(client, running):
    anna = joined(running, name="Anna Eigen", goal="Anna's geheime doel.")
    bas = joined(running, name="Bas Ander", goal="Bas zijn doel.")
    CheckIn.objects.create(participant=anna.participant, day=3)
    html = text(client.get(participant_url(bas.token)))
    assert "Bas zijn doel." in html
    assert "Anna" not in html and "geheime" not in html
    assert "0 van 30 dagen" in html
    tick(client, bas.token, [1])
    assert days_of(anna.participant) == {3}
    assert days_of(bas.participant) == {1}
    client.post(participant_url(bas.token), {"actie": "doel", "theme": "sleep", "goal": "Nieuw."})
    assert fresh(anna.participant).goal == "Anna's geheime doel."


def test_changing_theme_and_goal(client, challenge):
    signed = joined(challenge, theme=Theme.EXERCISE, goal="Oud doel.")
    response = client.post(participant_url(signed.token),
                           {"actie": "doel", "theme": "less_sugar", "goal": "  Geen cola.  "})  # fmt: skip
    assert response.status_code == 303
    participant = fresh(signed.participant)
    assert (participant.theme, participant.goal) == (Theme.LESS_SUGAR, "Geen cola.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"theme": "sleep", "goal": ""}, "Schrijf je persoonlijke doel op."),
        ({"theme": "sleep", "goal": "x" * 100_000}, "hoogstens 500 tekens"),
        ({"theme": "koffie", "goal": "Ok."}, ""),
        ({"goal": "Ok."}, "Kies een thema."),
    ],
)
def test_a_bad_goal_changes_nothing(client, challenge, data, message):
    signed = joined(challenge, goal="Oud doel.")
    response = client.post(participant_url(signed.token), {"actie": "doel", **data})
    assert response.status_code == 400
    assert message in text(response) and "error-summary" in text(response)
    assert fresh(signed.participant).goal == "Oud doel."


def test_an_unknown_action_is_a_400(client, challenge):
    signed = joined(challenge)
    assert client.post(participant_url(signed.token), {"actie": "iets"}).status_code == 400


def test_posting_needs_the_csrf_token(challenge):
    signed = joined(challenge, goal="Oud doel.")
    client = Client(enforce_csrf_checks=True)
    response = client.post(participant_url(signed.token),
                           {"actie": "doel", "theme": "sleep", "goal": "Nieuw."})  # fmt: skip
    assert response.status_code == 403
    assert fresh(signed.participant).goal == "Oud doel."


@pytest.mark.parametrize("token", ["onbekend", "x" * 32, "x" * 200])
def test_an_unknown_link_is_a_dutch_404(client, challenge, token):
    response = client.get(participant_url(token))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    assert response["Cache-Control"] == "private, no-store"


def test_an_expired_link_is_a_404_and_confirms_nothing(client, challenge):
    signed = sign_up(challenge)
    Participant.objects.filter(pk=signed.participant.pk).update(
        token_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(participant_url(signed.token)).status_code == 404
    assert fresh(signed.participant).status == Status.PENDING


def test_links_expire_30_days_after_day_30(challenge):
    signed = joined(challenge)
    last_valid_day = challenge.starts_on + timedelta(days=29 + 30)
    expires = timezone.localtime(signed.participant.token_expires_at)
    assert expires.date() == last_valid_day + timedelta(days=1)
    assert (expires.hour, expires.minute) == (0, 0)


def test_the_team_and_invite_link_are_on_the_page(client, challenge):
    signed = joined(challenge, participation="start_team", team_name="De Buren")
    html = text(client.get(participant_url(signed.token)))
    code = signed.participant.team.code
    assert "Je team: De Buren" in html and code in html
    assert f"http://testserver/uitdaging/{challenge.slug}/team/{code}/" in html
    assert "1 deelnemer in het team." in html  # confirmed by this very visit
