"""Tasks left behind by a worker that died in the middle of them.

django-tasks-db marks a task RUNNING when a worker claims it and only a worker that finishes it
changes that: a worker killed (out of memory, a restart, a power cut) leaves the task RUNNING
for ever, and no worker picks it up again. `recover_stuck_tasks` puts such tasks back in the
queue as READY. It runs when a worker starts (bin/serve, `make worker`, the systemd unit) and
every day; `manage.py recover_tasks` runs it by hand.

Which tasks are left behind? With several servers on one database, a task RUNNING right now may
be another server's worker at work, so age alone decides only after TASK_RUNNING_TIMEOUT
(seconds, default 30 minutes: longer than any task here takes). A worker that starts under a
name of its own (bin/serve: the machine, address and port; the systemd unit: the machine) knows
more: a task whose last claim carries that name was claimed by its own previous run, which is
dead, because one worker runs under a name at a time. Those go back at once, whatever their age.

Running a task twice is safe here: sending a mail claims it first (kennislab.core.mail), so a
mail sent before the worker died is not sent again, and indexing is idempotent.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

RUNNING = "RUNNING"


def running_timeout() -> timedelta:
    return timedelta(seconds=getattr(settings, "TASK_RUNNING_TIMEOUT", 30 * 60))


def left_behind(
    worker_ids: list[str] | None,
    started_at: datetime | None,
    *,
    cutoff: datetime,
    own_worker: str = "",
) -> bool:
    """Whether a RUNNING task was left by a dead worker: it started before `cutoff`, or its last
    claim (the worker running it) is `own_worker`, the name of the worker that is starting."""
    if own_worker and worker_ids and worker_ids[-1] == own_worker:
        return True
    return started_at is not None and started_at < cutoff


def recover_stuck_tasks(older_than: timedelta | None = None, own_worker: str = "") -> int:
    """Put tasks RUNNING since before now - older_than (default TASK_RUNNING_TIMEOUT), and those
    last claimed by `own_worker`, back as READY; how many."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - (running_timeout() if older_than is None else older_than)
    recovered = 0
    running = DBTaskResult.objects.filter(status=RUNNING)
    for pk, worker_ids, started_at in running.values_list("pk", "worker_ids", "started_at"):
        if left_behind(worker_ids, started_at, cutoff=cutoff, own_worker=own_worker):
            # only if nobody finished or claimed it again meanwhile
            recovered += DBTaskResult.objects.filter(
                pk=pk, status=RUNNING, started_at=started_at
            ).update(status="READY", started_at=None)
    return recovered
