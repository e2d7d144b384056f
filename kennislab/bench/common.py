"""Shared set-up for benchmarks: a scratch database, statistics, and printing."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup_django(label: str) -> str:
    """Point Django at a scratch database (SQLite in a temp dir unless DATABASE_URL is set to
    PostgreSQL) and migrate it. Returns a description of the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.test")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        scratch = Path(tempfile.mkdtemp(prefix=f"kennislab-bench-{label}-")) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    import django
    from django.conf import settings

    django.setup()
    settings.RATE_LIMITS_ENABLED = False  # a benchmark is one client making many requests
    db = settings.DATABASES["default"]
    engine = "PostgreSQL" if "postgresql" in db["ENGINE"] else "SQLite"
    if engine == "PostgreSQL":
        # Never benchmark on a database someone uses: work in a throwaway one.
        from django.db import connection

        name = f"kennislab_bench_{label}"
        with connection.cursor() as cursor:
            connection.connection.autocommit = True
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        db["NAME"] = name
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return engine


def seconds(function, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(*cells, widths=(34, 12, 12, 10, 9, 12, 12)) -> str:
    return "".join(
        str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=False))
    )


def out(line: str = ""):
    print(line, file=sys.stdout, flush=True)
