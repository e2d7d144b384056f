"""The daily support messages with a frozen clock: the days they go out, the grace day, late
joiners, pending and unsubscribed participants, the theme fallback, the placeholders and the
unsubscribe link, and running twice (nothing is sent twice)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kennislab.challenge import services
from kennislab.challenge.models import SentMessage, Status, Theme
from kennislab.core import daily
from kennislab.core.models import OutgoingEmail

from .factories import ParticipantFactory, SupportMessageFactory, aware, build_challenge
from .helpers import UNSUBSCRIBE_LINK

pytestmark = pytest.mark.django_db

START = date(2027, 3, 1)
D = date.fromisoformat


@pytest.fixture
def edition(db):
    return build_challenge(starts_on=START, title="30DagenGezonder 2027", slug="uitdaging-2027")


@pytest.fixture
def messages(db):
    """A general message for every support day, and a theme's own for day 1 (sleep)."""
    for day in (1, 3, 7, 14, 21, 28, 30):
        SupportMessageFactory(day=day, subject=f"Algemeen dag {day}",
                              body="Hoi {naam}, dag {dag}. Je doel: {doel} ({thema}).")  # fmt: skip
    SupportMessageFactory(day=1, theme=Theme.SLEEP, subject="Slapen dag 1, {naam}",
                          body="Goed slapen, {naam}.")  # fmt: skip


BEFORE_START = D("2027-02-10")


def joined(edition, on: date = BEFORE_START, **fields):
    return ParticipantFactory(page=edition, created_at=aware(on, 12), **fields)


def send(day: date) -> int:
    return services.send_support_messages(today=day)


def mails_to(participant) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=participant.email).order_by("pk"))


def test_day_1_is_sent_on_the_first_day(edition, messages):
    sam = joined(edition, name="Sam", goal="Wandelen", theme=Theme.EXERCISE)
    assert send(D("2027-02-28")) == 0
    assert send(START) == 1
    [message] = mails_to(sam)
    assert message.subject == "Algemeen dag 1"
    assert message.body.startswith("Hoi Sam, dag 1. Je doel: Wandelen (bewegen).")
    link = UNSUBSCRIBE_LINK.search(message.body)
    assert link and link.group(1) == sam.unsubscribe_key
    assert message.headers["List-Unsubscribe"] == f"<{link.group(0)}>"
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert SentMessage.objects.get(participant=sam).day == 1


def test_running_twice_sends_nothing_twice(edition, messages):
    sam = joined(edition)
    assert send(START) == 1
    assert send(START) == 0
    assert send(START + timedelta(days=1)) == 0  # the grace day finds it sent already
    assert len(mails_to(sam)) == 1


def test_a_missed_run_is_made_up_the_next_day_only(edition, messages):
    sam = joined(edition)
    assert send(D("2027-03-02")) == 1  # day 1's run was missed: the grace day
    assert [m.subject for m in mails_to(sam)] == ["Algemeen dag 1"]
    assert send(D("2027-03-05")) == 0  # day 3 two days late: not made up
    assert send(D("2027-03-07")) == 1
    assert [m.subject for m in mails_to(sam)] == ["Algemeen dag 1", "Algemeen dag 7"]


def test_the_whole_month(edition, messages):
    sam = joined(edition)
    day = START - timedelta(days=3)
    while day <= D("2027-04-05"):
        send(day)
        day += timedelta(days=1)
    assert sorted(SentMessage.objects.filter(participant=sam).values_list("day", flat=True)) == [
        1, 3, 7, 14, 21, 28, 30,
    ]  # fmt: skip
    assert len(mails_to(sam)) == 7


def test_late_joiners_start_with_the_next_day(edition, messages):
    early = joined(edition, on=START)
    late = joined(edition, on=D("2027-03-02"))
    assert send(D("2027-03-02")) == 1  # grace run for day 1: only who signed up by 1 March
    assert len(mails_to(early)) == 1 and mails_to(late) == []
    assert send(D("2027-03-03")) == 2


def test_pending_and_unsubscribed_participants_get_nothing(edition, messages):
    pending = joined(edition, status=Status.PENDING)
    unsubscribed = joined(edition, subscribed=False)
    confirmed = joined(edition)
    assert send(START) == 1
    assert mails_to(pending) == [] and mails_to(unsubscribed) == []
    assert len(mails_to(confirmed)) == 1
    # confirming on day 2 still brings day 1 (grace day)
    pending.status = Status.CONFIRMED
    pending.save()
    assert send(D("2027-03-02")) == 1
    assert len(mails_to(pending)) == 1


def test_a_theme_gets_its_own_message_else_the_general_one(edition, messages):
    sleeper = joined(edition, name="Noor", theme=Theme.SLEEP)
    walker = joined(edition, theme=Theme.EXERCISE)
    send(START)
    assert mails_to(sleeper)[0].subject == "Slapen dag 1, Noor"
    assert mails_to(sleeper)[0].body.startswith("Goed slapen, Noor.")
    assert mails_to(walker)[0].subject == "Algemeen dag 1"
    send(D("2027-03-03"))
    assert mails_to(sleeper)[1].subject == "Algemeen dag 3"  # no sleep message for day 3


def test_a_day_without_any_message_sends_nothing_and_can_be_sent_later(edition):
    sam = joined(edition, theme=Theme.EXERCISE)
    SupportMessageFactory(day=1, theme=Theme.SLEEP)
    assert send(START) == 0
    assert not SentMessage.objects.exists()
    SupportMessageFactory(day=1, theme="")  # an editor adds it in time for the grace day
    assert send(D("2027-03-02")) == 1
    assert len(mails_to(sam)) == 1


def test_only_live_editions_send(edition, messages):
    joined(edition)
    edition.unpublish()
    assert send(START) == 0


def test_other_editions_are_independent(edition, messages):
    other = build_challenge(starts_on=D("2027-03-03"))
    here, there = joined(edition), joined(other)
    assert send(D("2027-03-03")) == 2  # day 3 here, day 1 there
    assert mails_to(here)[0].subject == "Algemeen dag 3"
    assert mails_to(there)[0].subject == "Algemeen dag 1"


def test_the_daily_job_runs_with_the_frozen_clock(
    edition, messages, monkeypatch, django_capture_on_commit_callbacks
):
    sam = joined(edition)
    real = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate",
        lambda value=None, tz=None: START if value is None else real(value, tz),
    )  # fmt: skip
    job = daily.JOBS["30-dagenuitdaging: steunberichten"]
    with django_capture_on_commit_callbacks(execute=True):
        results = daily.run_daily_jobs()
    assert results["30-dagenuitdaging: steunberichten"] == 1
    assert job() == 0  # the second run the same day
    assert [m.to for m in mail.outbox] == [[sam.email]]
