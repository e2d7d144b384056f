"""GET /health/ — the operator's view of the site in one cheap JSON answer.

Status "down" (503) when the database cannot be reached; "degraded" (200) when something needs
attention: the cache fails, a media disk is nearly full, a task or a mail waits too long (no
worker running, or a mail server that refuses), a task is stuck as running, or the daily jobs did
not run for more than a day. Thresholds from settings (HEALTH_*). Counts and ages only, never
personal data; never cached; rate limited per address.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Max, Min, Q, When
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from kennislab.core.cache import is_degraded
from kennislab.core.ratelimit import rate_limited

from . import daily

OK, DEGRADED, DOWN = "ok", "degraded", "down"


def threshold(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def age_seconds(moment: datetime | None) -> int | None:
    if moment is None:
        return None
    return max(0, int((timezone.now() - moment).total_seconds()))


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": OK, "vendor": connection.vendor}


def check_cache() -> dict:
    key = f"ops:health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        works = cache.get(key) == "1"
        cache.delete(key)
    except Exception:
        works = False
    if is_degraded():  # Redis unreachable: the answers above came from the per-process fallback
        return {"status": DEGRADED, "shared": False}
    return {"status": OK if works else DEGRADED}


def check_disk() -> dict:
    minimum = threshold("HEALTH_DISK_FREE_MIN_MB", 500)
    folders = {}
    status = OK
    for name in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        path = Path(getattr(settings, name))
        while not path.exists() and path != path.parent:  # created at the first upload
            path = path.parent
        try:
            free = shutil.disk_usage(path).free // (1024 * 1024)
        except OSError:
            folders[name.lower()] = {"status": DEGRADED, "free_mb": None}
            status = DEGRADED
            continue
        folder_status = OK if free >= minimum else DEGRADED
        folders[name.lower()] = {"status": folder_status, "free_mb": free}
        if folder_status != OK:
            status = DEGRADED
    return {"status": status, "min_free_mb": minimum, **folders}


def check_tasks() -> dict:
    """One query: the due tasks that wait (and since when) and the tasks running for longer
    than the recovery timeout (a worker died in the middle of them)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    from .recovery import running_timeout

    now = timezone.now()
    date_max = get_date_max()
    stuck_before = now - running_timeout()
    row = (
        DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
        .annotate(
            due=Case(
                When(status="READY", run_after=date_max, then=F("enqueued_at")),
                When(status="READY", run_after__lte=now, then=F("run_after")),
                default=None,
            ),
        )
        .aggregate(
            oldest=Min("due"),
            waiting=Count("due"),
            stuck=Count("id", filter=Q(status="RUNNING", started_at__lt=stuck_before)),
        )
    )
    oldest_age = age_seconds(row["oldest"])
    limit = threshold("HEALTH_TASK_MAX_AGE", 300)
    late = oldest_age is not None and oldest_age > limit
    status = DEGRADED if late or row["stuck"] else OK
    return {
        "status": status,
        "waiting": row["waiting"],
        "oldest_waiting_age_seconds": oldest_age,
        "stuck_running": row["stuck"],
        "max_age_seconds": limit,
        # A due task waiting longer than the limit means no worker takes them.
        "worker": "geen worker actief?" if late else "ok",
    }


def outbox_numbers() -> dict:
    from kennislab.core import mail

    if hasattr(mail, "outbox_health"):
        return mail.outbox_health()
    from kennislab.core.models import OutgoingEmail

    row = OutgoingEmail.objects.filter(status__in=["queued", "retry"]).aggregate(
        oldest=Min("created_at")
    )
    return {"oldest_unsent_age_seconds": age_seconds(row["oldest"])}


def check_mail() -> dict:
    numbers = outbox_numbers()
    limit = threshold("HEALTH_MAIL_MAX_AGE", 900)
    age = numbers.get("oldest_unsent_age_seconds")
    late = age is not None and age > limit
    status = DEGRADED if late or numbers.get("failed") else OK
    return {"status": status, **numbers, "max_age_seconds": limit}


def check_daily_jobs() -> dict:
    """When the daily jobs last finished: the latest of the cache marker (any run, also from
    cron) and the last successful daily task in the queue."""
    from django_tasks_db.models import DBTaskResult

    from kennislab.core.daily import run_daily_jobs_task

    moments = []
    marker = cache.get(daily.LAST_RUN_KEY)
    if marker:
        moments.append(datetime.fromtimestamp(marker, tz=UTC))
    finished = DBTaskResult.objects.filter(
        task_path=run_daily_jobs_task.module_path, status="SUCCESSFUL"
    ).aggregate(last=Max("finished_at"))["last"]
    if finished:
        moments.append(finished)
    last = max(moments) if moments else None
    limit = threshold("HEALTH_DAILY_MAX_AGE", 26 * 3600)
    age = age_seconds(last)
    # Never run yet (a new installation) is not a fault; too long ago is.
    status = DEGRADED if age is not None and age > limit else OK
    return {
        "status": status,
        "last_run": last.isoformat(timespec="seconds") if last else None,
        "age_seconds": age,
        "max_age_seconds": limit,
    }


def health() -> tuple[str, dict]:
    """(overall status, checks). The database first: without it the rest is not asked."""
    checks: dict[str, dict] = {}
    try:
        checks["database"] = check_database()
    except DatabaseError:
        checks["database"] = {"status": DOWN}
        checks["cache"] = check_cache()
        return DOWN, checks
    checks["cache"] = check_cache()
    checks["disk"] = check_disk()
    for name, check in (
        ("tasks", check_tasks),
        ("mail", check_mail),
        ("daily_jobs", check_daily_jobs),
    ):
        try:
            checks[name] = check()
        except DatabaseError:
            checks[name] = {"status": DEGRADED, "error": "database"}
    status = OK if all(check["status"] == OK for check in checks.values()) else DEGRADED
    return status, checks


@never_cache
@rate_limited("health", limit=60, window=60, json=True)
def health_view(request):
    status, checks = health()
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == DOWN else 200)
