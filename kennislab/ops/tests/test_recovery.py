"""A worker killed in the middle of a task: django-tasks-db leaves the task RUNNING and never
runs it again; recovery puts it back in the queue, a worker runs it, and its effect (a mail)
happens once, also when the worker died after the mail had left."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kennislab.core import mail as outbox
from kennislab.core.models import OutgoingEmail
from kennislab.ops.recovery import recover_stuck_tasks

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("_db_tasks"),
]


@pytest.fixture
def _db_tasks():
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def queued_mail():
    email = OutgoingEmail.objects.create(to="iemand@voorbeeld.example", subject="Test", body="Hoi")
    outbox.send_email_task.enqueue(email.pk)
    return email


def killed_worker_left_it(minutes_ago=45):
    """What a worker does when it takes the task (claim), then it dies: the row stays RUNNING."""
    task = DBTaskResult.objects.get()
    task.claim("worker-die-stierf")
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return task


def run_worker_once():
    call_command(
        "db_worker", batch=True, interval=0, startup_delay=False, reload=False, verbosity=0
    )


def test_without_recovery_a_worker_never_runs_the_task_again():
    queued_mail()
    killed_worker_left_it()
    run_worker_once()
    assert DBTaskResult.objects.get().status == "RUNNING"
    assert mail.outbox == []


def test_recovered_task_runs_again_and_sends_once():
    email = queued_mail()
    killed_worker_left_it()
    assert recover_stuck_tasks() == 1
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and task.started_at is None
    run_worker_once()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_worker_died_after_sending_the_mail_is_not_sent_twice():
    email = queued_mail()
    killed_worker_left_it()
    assert outbox.claim(email.pk)  # the dead worker had claimed and sent it
    outbox.transmit(email)
    OutgoingEmail.objects.filter(pk=email.pk).update(status=OutgoingEmail.Status.SENT)
    assert len(mail.outbox) == 1
    call_command("recover_tasks")
    run_worker_once()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert len(mail.outbox) == 1


def test_a_task_running_briefly_is_left_alone():
    queued_mail()
    killed_worker_left_it(minutes_ago=1)
    assert recover_stuck_tasks() == 0
    call_command("recover_tasks", ouder_dan=0)
    assert DBTaskResult.objects.get().status == "READY"
