"""Services: the public figures (confirmed participants only, counts only), sign-up refusals in
the service itself, team codes, and the support-message snippet's validation."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kennislab.challenge import rules, services
from kennislab.challenge.models import (
    ChallengePage,
    CheckIn,
    Participant,
    Status,
    SupportMessage,
    Team,
    Theme,
)
from kennislab.core import daily

from .factories import ParticipantFactory, TeamFactory, confirmed, sign_up
from .helpers import counts

pytestmark = pytest.mark.django_db


def test_figures_count_confirmed_participants_only(challenge):
    team = TeamFactory(page=challenge)
    empty_team = TeamFactory(page=challenge)
    a = ParticipantFactory(page=challenge, theme=Theme.SLEEP, team=team)
    ParticipantFactory(page=challenge, theme=Theme.SLEEP, team=team)
    ParticipantFactory(page=challenge, theme=Theme.NO_ALCOHOL)
    pending = ParticipantFactory(page=challenge, theme=Theme.EXERCISE, status=Status.PENDING,
                                 team=empty_team)  # fmt: skip
    CheckIn.objects.bulk_create([CheckIn(participant=a, day=d) for d in (1, 2, 3)])
    CheckIn.objects.create(participant=pending, day=1)
    figures = services.figures(challenge)
    assert figures.participants == 3
    assert figures.teams == 1  # a team with only a pending member does not count yet
    assert figures.days_ticked == 3
    per_theme = dict(figures.per_theme)
    assert per_theme["Slapen"] == 2 and per_theme["Geen alcohol"] == 1
    assert per_theme["Bewegen"] == 0
    assert list(per_theme) == [label for _value, label in Theme.choices]


def test_figures_are_per_edition(challenge, make_challenge):
    ParticipantFactory(page=make_challenge())
    assert services.figures(challenge).participants == 0


def test_the_page_shows_the_figures_without_names(client, challenge):
    ParticipantFactory(page=challenge, name="Zichtbaar Nooit", theme=Theme.SLEEP)
    sign_up(challenge, name="Wacht Nog")
    html = client.get(challenge.url).content.decode()
    assert '<span class="figure-list__number">1</span> deelnemers' in html
    assert "<dt>Slapen</dt><dd>1</dd>" in html
    assert "Zichtbaar Nooit" not in html and "Wacht Nog" not in html


@pytest.mark.parametrize(
    ("window", "message"),
    [({"opens_in": timedelta(hours=1)}, "nog niet"),
     ({"opens_in": timedelta(days=-9), "closes_in": timedelta(seconds=-1)}, "gesloten")],
)  # fmt: skip
def test_the_service_refuses_outside_the_window(make_challenge, window, message):
    page = make_challenge(**window)
    with pytest.raises(services.Refused, match=message):
        sign_up(page)
    assert counts() == (0, 0, 0, 0, 0)


def test_team_codes_are_random_and_unambiguous():
    codes = {services.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == rules.CODE_LENGTH and set(code) <= set(rules.CODE_ALPHABET)


def test_one_participation_per_address_is_a_database_constraint(challenge):
    first = ParticipantFactory(page=challenge, email="x@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantFactory(page=challenge, email="x@example.org", email_key=first.email_key)


def test_one_check_in_per_day_is_a_database_constraint(challenge):
    participant = ParticipantFactory(page=challenge)
    CheckIn.objects.create(participant=participant, day=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(participant=participant, day=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(participant=participant, day=31)


def test_confirm_is_idempotent(challenge):
    signed = sign_up(challenge)
    assert services.confirm(signed.participant) is True
    assert services.confirm(signed.participant) is False
    assert Participant.objects.get().status == Status.CONFIRMED


def test_save_check_ins_refuses_future_days_with_a_frozen_today(challenge):
    participant = confirmed(challenge)
    day_3 = challenge.starts_on + timedelta(days=2)
    services.save_check_ins(participant, {1, 3}, today=day_3)
    with pytest.raises(services.Refused, match="tot en met vandaag \\(dag 3\\)"):
        services.save_check_ins(participant, {4}, today=day_3)
    assert services.ticked_days(participant) == {1, 3}


def message(**fields) -> SupportMessage:
    values = {"day": 1, "theme": "", "subject": "Dag 1", "body": "Hoi {naam}", **fields}
    return SupportMessage(**values)


def test_support_messages_know_their_placeholders():
    with pytest.raises(ValidationError) as error:
        message(body="Hoi {voornaam}, dag {dag}").full_clean()
    assert "Onbekend om in te vullen: {voornaam}" in str(error.value)
    message(body="Hoi {naam}: {doel}, dag {dag}, {thema}").full_clean()  # no error


def test_one_support_message_per_day_and_theme():
    message().save()
    message(theme=Theme.SLEEP).save()
    with pytest.raises(ValidationError) as error:
        message(subject="Nog een").full_clean()
    assert "Voor deze dag en dit thema is er al een bericht" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        message(subject="Nog een").save()


def test_reserved_slugs_and_sign_up_window_are_checked(challenge):
    page = ChallengePage.objects.get(pk=challenge.pk)
    page.slug = "deelname"
    with pytest.raises(ValidationError, match="gereserveerd"):
        page.full_clean()
    page.slug = "goed"
    page.signup_closes_at = page.signup_opens_at
    with pytest.raises(ValidationError, match="sluiten na het openen"):
        page.full_clean()


def test_unconfirmed_sign_ups_are_removed_after_seven_days(challenge):
    now = timezone.now()
    stale = sign_up(challenge, participation="start_team", team_name="Niemand kwam")
    joined_team = sign_up(challenge, participation="start_team", team_name="Wel leden")
    services.confirm(sign_up(challenge, participation="join_team",
                             team_code=joined_team.participant.team.code).participant)  # fmt: skip
    fresh_pending = sign_up(challenge)
    kept = confirmed(challenge)
    eight_days_ago = now - timedelta(days=8)
    Participant.objects.filter(pk__in=[stale.participant.pk, joined_team.participant.pk]).update(
        created_at=eight_days_ago)  # fmt: skip
    Participant.objects.filter(pk=kept.pk).update(created_at=eight_days_ago)

    assert services.purge_unconfirmed(now - timedelta(days=2)) == 0  # 6 days: not yet
    assert services.purge_unconfirmed(now) == 2
    left = set(Participant.objects.values_list("pk", flat=True))
    assert stale.participant.pk not in left and joined_team.participant.pk not in left
    assert {fresh_pending.participant.pk, kept.pk} <= left  # too young, or confirmed
    assert not Team.objects.filter(name="Niemand kwam").exists()
    assert Team.objects.filter(name="Wel leden").exists()  # someone confirmed in it
    assert services.purge_unconfirmed(now) == 0  # idempotent
    assert "30-dagenuitdaging: onbevestigde aanmeldingen opruimen" in daily.JOBS
