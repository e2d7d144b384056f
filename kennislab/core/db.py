"""Database helpers shared by the capabilities."""

import random
import time

from django.db import OperationalError

LOCK_RETRIES = 5


def with_lock_retries(operation, retries: int = LOCK_RETRIES):
    """Run `operation` (one transaction); retry when SQLite reports "database is locked" after
    its busy timeout. Any other error, or the last attempt's, is raised."""
    for attempt in range(retries):
        try:
            return operation()
        except OperationalError as error:
            if "locked" not in str(error).lower() or attempt == retries - 1:
                raise
            time.sleep(0.05 * (2**attempt) + random.random() * 0.05)  # noqa: S311 — jitter
    return None  # pragma: no cover
