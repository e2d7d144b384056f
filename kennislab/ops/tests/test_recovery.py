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


# --- several servers on one database: a worker's own name, not age, says its task is left ----


def test_a_starting_worker_leaves_another_servers_running_task_alone():
    """Server B's worker runs a task right now; server A's worker starts: the task stays with B."""
    queued_mail()
    task = DBTaskResult.objects.get()
    task.claim("host-b/127.0.0.3:8000")
    # --ouder-dan 0, what bin/serve ran before: B's running task is taken away
    assert recover_stuck_tasks(timedelta(0), own_worker="host-a/127.0.0.2:8000") == 1
    task.refresh_from_db()
    assert task.status == "READY"
    task.claim("host-b/127.0.0.3:8000")
    assert recover_stuck_tasks(own_worker="host-a/127.0.0.2:8000") == 0
    call_command("recover_tasks", worker="host-a/127.0.0.2:8000")
    assert DBTaskResult.objects.get().status == "RUNNING"


def test_a_worker_starting_again_takes_back_what_its_previous_run_left():
    email = queued_mail()
    task = DBTaskResult.objects.get()
    task.claim("host-a/127.0.0.2:8000")  # then that worker was killed
    call_command("recover_tasks", worker="host-a/127.0.0.2:8000")
    assert DBTaskResult.objects.get().status == "READY"
    run_worker_once()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_the_last_claim_counts_not_an_earlier_one():
    """A task the worker once ran (and that another worker claimed after it) is not its own."""
    queued_mail()
    task = DBTaskResult.objects.get()
    task.claim("host-a/127.0.0.2:8000")
    DBTaskResult.objects.filter(pk=task.pk).update(status="READY")
    task.refresh_from_db()
    task.claim("host-b/127.0.0.3:8000")
    assert recover_stuck_tasks(own_worker="host-a/127.0.0.2:8000") == 0
    assert recover_stuck_tasks(own_worker="host-b/127.0.0.3:8000") == 1


def test_a_dead_servers_task_goes_back_after_the_timeout():
    queued_mail()
    killed_worker_left_it(minutes_ago=45)  # by "worker-die-stierf", a server that never returns
    assert recover_stuck_tasks(own_worker="host-a/127.0.0.2:8000") == 1
