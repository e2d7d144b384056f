"""Tasks left behind by a worker that died in the middle of them.

django-tasks-db marks a task RUNNING when a worker claims it and only a worker that finishes it
changes that: a worker killed (out of memory, a restart, a power cut) leaves the task RUNNING
for ever, and no worker picks it up again. `recover_stuck_tasks` puts tasks RUNNING for longer
than TASK_RUNNING_TIMEOUT (seconds, default 30 minutes: longer than any task here takes) back in
the queue as READY. It runs when a worker starts (bin/serve, `make worker`, the systemd unit) and
every day; `manage.py recover_tasks` runs it by hand.

Running a task twice is safe here: sending a mail claims it first (kennislab.core.mail), so a
mail sent before the worker died is not sent again, and indexing is idempotent.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone


def running_timeout() -> timedelta:
    return timedelta(seconds=getattr(settings, "TASK_RUNNING_TIMEOUT", 30 * 60))


def recover_stuck_tasks(older_than: timedelta | None = None) -> int:
    """Put tasks RUNNING since before now - older_than back as READY; how many."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - (running_timeout() if older_than is None else older_than)
    return DBTaskResult.objects.filter(status="RUNNING", started_at__lt=cutoff).update(
        status="READY", started_at=None
    )
