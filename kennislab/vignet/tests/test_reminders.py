"""Renewal reminders: the first when the renewal window opens (three months before expiry), the
second a month before expiry; never twice, never after expiry, not while a renewal is in
progress and not for a revoked vignet. Dates are frozen through the `today` parameter."""

import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kennislab.core import daily
from kennislab.core.models import OutgoingEmail
from kennislab.vignet import criteria, services
from kennislab.vignet.models import Status, Vignet

from .factories import ApplicationFactory, VignetFactory

pytestmark = pytest.mark.django_db

D = date.fromisoformat
MID_MONTH = D("2027-06-15")  # window opens 15 March, second reminder 15 May
MONTH_END = D("2027-05-31")  # window opens 28 February (clamped), second reminder 30 April


def vignet_until(valid_until: date, **fields) -> Vignet:
    awarded_on = criteria.add_months(valid_until, -24)
    return VignetFactory(
        awarded_on=awarded_on, valid_until=valid_until, email="houder@bedrijf.example", **fields
    )


def reminders() -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to="houder@bedrijf.example").order_by("pk"))


def send(day: date) -> int:
    return services.send_renewal_reminders(today=day)


@pytest.mark.parametrize("valid_until", [MID_MONTH, MONTH_END], ids=["mid-month", "month-end"])
def test_the_first_reminder_comes_the_day_the_window_opens_and_only_once(valid_until):
    vignet = vignet_until(valid_until)
    opens = criteria.add_months(valid_until, -3)
    assert opens == criteria.renewal_opens(vignet.awarded_on)  # the day renewing is allowed
    assert send(opens - timedelta(days=1)) == 0
    assert send(opens - timedelta(days=40)) == 0
    assert reminders() == []

    assert send(opens) == 1
    [mail] = reminders()
    assert mail.subject == (
        "Je Vignet Vitaal Bedrijf verloopt op "
        f"{criteria.dutch_date(valid_until)}: verleng het op tijd"
    )
    assert f"Het Vignet Vitaal Bedrijf van {vignet.organisation} verloopt binnenkort." in mail.body
    holder = re.search(r"http://testserver/vignet/houder/([A-Za-z0-9_-]{20,})/", mail.body)
    assert holder, mail.body
    assert services.vignet_by_holder_token(holder.group(1)) == vignet
    vignet.refresh_from_db()
    assert vignet.reminders_sent == 1

    assert send(opens) == 0  # the same day again
    assert send(opens + timedelta(days=1)) == 0  # and the days after
    assert len(reminders()) == 1


@pytest.mark.parametrize("valid_until", [MID_MONTH, MONTH_END], ids=["mid-month", "month-end"])
def test_the_second_reminder_comes_a_month_before_expiry(valid_until):
    vignet = vignet_until(valid_until)
    send(criteria.add_months(valid_until, -3))
    second = criteria.add_months(valid_until, -1)
    assert send(second - timedelta(days=1)) == 0
    assert send(second) == 1
    assert send(second) == 0
    assert send(valid_until) == 0  # the last valid day: nothing more
    vignet.refresh_from_db()
    assert vignet.reminders_sent == 2
    assert len(reminders()) == 2


def test_a_late_first_run_sends_only_the_latest_reminder():
    vignet = vignet_until(MID_MONTH)
    assert send(D("2027-05-20")) == 1
    vignet.refresh_from_db()
    assert vignet.reminders_sent == 2
    assert send(D("2027-05-21")) == 0


def test_no_reminder_after_expiry():
    vignet_until(MID_MONTH)
    assert send(MID_MONTH + timedelta(days=1)) == 0
    assert send(MID_MONTH + timedelta(days=200)) == 0
    assert reminders() == []


def test_no_reminder_while_a_renewal_is_in_progress():
    vignet = vignet_until(MID_MONTH)
    ApplicationFactory(renewal_of=vignet, status=Status.DRAFT, reference=None)
    assert send(D("2027-03-15")) == 0
    assert send(D("2027-05-15")) == 0
    assert reminders() == []
    vignet.refresh_from_db()
    assert vignet.reminders_sent == 0


def test_a_decided_renewal_does_not_stop_the_reminders():
    vignet = vignet_until(MID_MONTH)
    ApplicationFactory(renewal_of=vignet, status=Status.REJECTED)
    assert send(D("2027-03-15")) == 1


def test_no_reminder_for_a_revoked_vignet():
    vignet_until(MID_MONTH, revoked_at=timezone.now(), revoked_reason="Gestopt.")
    assert send(D("2027-03-15")) == 0
    assert send(D("2027-05-15")) == 0
    assert reminders() == []


def test_each_holder_gets_their_own_reminder():
    VignetFactory(awarded_on=D("2025-06-15"), email="een@bedrijf.example")
    VignetFactory(awarded_on=D("2025-06-20"), email="twee@bedrijf.example")
    VignetFactory(awarded_on=D("2025-09-01"), email="later@bedrijf.example")
    assert send(D("2027-03-20")) == 2
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "een@bedrijf.example",
        "twee@bedrijf.example",
    ]


def test_the_command_prints_a_dutch_count(django_capture_on_commit_callbacks, mailoutbox):
    today = timezone.localdate()
    vignet_until(criteria.add_months(today, 2))  # in the window, no reminder yet
    vignet_until(criteria.add_months(today, 6))  # not yet
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("vignet_reminders", stdout=out)
    assert out.getvalue() == "1 herinnering(en) verstuurd.\n"
    assert [mail.to for mail in mailoutbox] == [["houder@bedrijf.example"]]
    assert mailoutbox[0].subject.startswith("Je Vignet Vitaal Bedrijf verloopt op ")

    again = io.StringIO()
    call_command("vignet_reminders", stdout=again)
    assert again.getvalue() == "0 herinnering(en) verstuurd.\n"


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_planning_needs_a_backend_that_can_defer():
    out = io.StringIO()
    call_command("vignet_reminders", "--plannen", stdout=out)  # tests: the immediate backend
    assert out.getvalue().startswith("Niets gepland: ")


def test_the_daily_task_is_planned_once_and_plans_the_next_run(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    out = io.StringIO()
    call_command("vignet_reminders", "--plannen", stdout=out)
    assert out.getvalue().startswith("Dagelijkse taken gepland (alle apps), eerst op ")
    planned = DBTaskResult.objects.get()
    assert planned.task_path == daily.run_daily_jobs_task.module_path
    assert planned.args_kwargs["kwargs"] == {"plan_next": True}
    local = timezone.localtime(planned.run_after)
    assert (local.hour, local.minute) == (7, 0)
    assert timezone.now() < planned.run_after <= timezone.now() + timedelta(days=1)

    again = io.StringIO()
    call_command("vignet_reminders", "--plannen", stdout=again)
    assert again.getvalue().startswith("Niets gepland: ")
    assert DBTaskResult.objects.count() == 1

    # The worker runs it: the reminders go out and the next day's run is planned.
    vignet = vignet_until(criteria.add_months(timezone.localdate(), 2))
    DBTaskResult.objects.update(status="SUCCESSFUL")  # as the worker leaves a finished run
    results = daily.run_daily_jobs_task.func(plan_next=True)
    assert results["vignet: herinneringen om te verlengen"] == 1
    vignet.refresh_from_db()
    assert vignet.reminders_sent == 1
    following = DBTaskResult.objects.filter(status="READY").get()
    assert following.run_after > timezone.now()


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2027-03-14 06:59", "2027-03-14 07:00"),
        ("2027-03-14 07:00", "2027-03-15 07:00"),
        ("2027-03-14 23:30", "2027-03-15 07:00"),
        ("2027-03-27 08:00", "2027-03-28 07:00"),  # the night the clocks go forward
    ],
)
def test_next_run_is_the_next_seven_o_clock_dutch_time(now, expected):
    def local(text):
        return timezone.make_aware(datetime.strptime(text, "%Y-%m-%d %H:%M"))

    assert daily.next_run(local(now)) == local(expected)


@pytest.mark.parametrize(
    ("day", "sent", "due"),
    [
        ("2027-03-14", 0, None),
        ("2027-03-15", 0, 1),
        ("2027-03-15", 1, None),
        ("2027-05-14", 1, None),
        ("2027-05-15", 1, 2),
        ("2027-05-15", 0, 2),  # late first run: only the latest
        ("2027-06-15", 2, None),
        ("2027-06-16", 0, None),  # expired
    ],
)
def test_due_reminder_table(day, sent, due):
    vignet = vignet_until(MID_MONTH, reminders_sent=sent)
    assert services.due_reminder(vignet, D(day)) == due


def test_due_reminder_is_none_for_a_revoked_vignet():
    vignet = vignet_until(MID_MONTH, revoked_at=timezone.now())
    assert services.due_reminder(vignet, D("2027-03-15")) is None
    assert services.due_reminder(vignet, D("2027-05-15")) is None
