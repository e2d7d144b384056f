"""Daily jobs: reminders and scheduled messages of every app, run by one task at 07:00.

An app registers a job with ``@daily_job("name")`` in its ``tasks`` module (imported in its
``AppConfig.ready``); a job takes no arguments, does what is due today and returns how many
messages it queued. Each job must be idempotent (it records what it sent), so running twice in a
day, or from cron as well as from the worker, sends nothing twice.

The task plans its own next run (tomorrow at RUN_AT, Dutch time) when the task backend can defer
(the database backend can), so a running worker is all it takes: `manage.py daily_jobs
--plannen` (run by `make serve` and `make worker` at start) puts the first run in the queue
unless one is waiting already. Without a worker, run `manage.py daily_jobs` from cron instead.
One failing job is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

RUN_AT = time(7, 0)
JOBS: dict[str, Callable[[], int]] = {}


def daily_job(name: str):
    """Register a job to run once a day (name: short, Dutch, shown by `manage.py daily_jobs`)."""

    def register(func: Callable[[], int]) -> Callable[[], int]:
        JOBS[name] = func
        return func

    return register


def run_daily_jobs() -> dict[str, int | None]:
    """Run every registered job now; per job the number it sent, or None when it failed."""
    results: dict[str, int | None] = {}
    for name, job in JOBS.items():
        try:
            results[name] = job()
        except Exception:
            logger.exception("daily job %s failed", name)
            results[name] = None
    return results


@task()
def run_daily_jobs_task(plan_next: bool = False) -> dict[str, int | None]:
    results = run_daily_jobs()
    if plan_next:
        plan_daily_run(after=timezone.now())
    return results


def next_run(after: datetime) -> datetime:
    """The first RUN_AT (Europe/Amsterdam) after `after`."""
    local = timezone.localtime(after)
    moment = timezone.make_aware(datetime.combine(local.date(), RUN_AT))
    return moment if moment > after else moment + timedelta(days=1)


def waiting_run():
    """The planned run still waiting in the database queue, or None."""
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.filter(task_path=run_daily_jobs_task.module_path, status="READY")
        .order_by("run_after")
        .first()
    )


def plan_daily_run(after: datetime | None = None):
    """Queue the next daily run unless one is waiting; None when the backend cannot defer
    (tests, the immediate backend) or a run is planned already."""
    if not run_daily_jobs_task.get_backend().supports_defer:
        return None
    if waiting_run() is not None:
        return None
    run_after = next_run(after or timezone.now())
    return run_daily_jobs_task.using(run_after=run_after).enqueue(plan_next=True)
