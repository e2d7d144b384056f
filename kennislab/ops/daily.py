"""Daily housekeeping of the operator's view, registered after every other app's daily jobs:
tasks left RUNNING by a dead worker go back in the queue, and the time of the run is recorded
for the health check.

The time goes into the cache (shared between processes with CACHE_URL=redis://…). The health
check also reads the finish time of the last successful daily task in the task queue, which a
per-process cache cannot see."""

from django.core.cache import cache
from django.utils import timezone

LAST_RUN_KEY = "ops:daily-jobs:last-run"
JOB_NAME = "vastgelopen taken en laatste run"


def housekeeping() -> int:
    from .recovery import recover_stuck_tasks

    recover_stuck_tasks()
    cache.set(LAST_RUN_KEY, timezone.now().timestamp(), None)
    return 0


def register() -> None:
    from kennislab.core.daily import JOBS, daily_job

    if JOB_NAME not in JOBS:
        daily_job(JOB_NAME)(housekeeping)
