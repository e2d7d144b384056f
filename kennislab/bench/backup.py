"""Backup and restore: time and archive size for the demo database and for 100,000 items.

`make bench-backup` runs it on SQLite and, where reachable, PostgreSQL. Each size: `backup`
(database through the online backup API or pg_dump, media, manifest) and `restore` into a fresh
database and fresh media folders (checksums and row counts verified; the search-index rebuild
that `manage.py restore` adds afterwards is timed separately, on the source database). The
100,000 items are synthetic search documents (kennislab.bench.search_scale), the largest table a
real site grows.
"""

import argparse
import io
import os
import tempfile
import time
import uuid
from pathlib import Path

from kennislab.bench.common import out, setup_django


def fresh_target(database: dict, scratch: Path) -> tuple[dict, callable]:
    from kennislab.ops.backup import conninfo, is_postgres

    target = dict(database)
    if not is_postgres(database):
        target["NAME"] = str(scratch / f"restored-{uuid.uuid4().hex[:6]}.sqlite3")
        return target, lambda: None
    import psycopg

    name = f"kennislab_bench_restore_{uuid.uuid4().hex[:6]}"
    admin = conninfo({**database, "NAME": "postgres"})
    with psycopg.connect(admin, autocommit=True, password=database.get("PASSWORD")) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    target["NAME"] = name

    def drop():
        with psycopg.connect(admin, autocommit=True, password=database.get("PASSWORD")) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return target, drop


def round_trip(label: str, scratch: Path, media: Path, private: Path) -> None:
    from django.conf import settings

    from kennislab.ops.backup import backup, restore

    database = settings.DATABASES["default"]
    start = time.perf_counter()
    summary = backup(scratch / "archives", media_root=media, private_root=private)
    backup_seconds = time.perf_counter() - start
    target, drop = fresh_target(database, scratch)
    try:
        start = time.perf_counter()
        restored = restore(
            summary["archive"],
            database=target,
            media_root=scratch / f"m-{uuid.uuid4().hex[:6]}",
            private_root=scratch / f"p-{uuid.uuid4().hex[:6]}",
        )
        restore_seconds = time.perf_counter() - start
    finally:
        drop()
    assert restored["rows"] == summary["rows"]
    out(
        f"  {label:<22} rows {summary['rows']:>9,}  files {summary['files']:>4}  archive "
        f"{summary['size'] / 1e6:7.1f} MB   backup {backup_seconds:6.1f} s   restore "
        f"{restore_seconds:6.1f} s"
    )
    summary["archive"].unlink()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="kennislab-bench-backup-"))
    media, private = scratch / "media", scratch / "private"
    os.environ["MEDIA_ROOT"] = str(media)
    engine = setup_django("backup")
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = str(media), str(private)
    from kennislab.bench.search_scale import synthetic_documents
    from kennislab.search import indexer

    out(f"Backup benchmark — {engine}")
    call_command("load_demo", stdout=io.StringIO())
    round_trip("demo", scratch, media, private)
    start = time.perf_counter()
    indexer.rebuild()
    out(f"  search index rebuild after a restore (demo): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    indexer.bulk_load(synthetic_documents(args.items))
    out(f"  ({args.items:,} synthetic items loaded in {time.perf_counter() - start:.0f} s)")
    round_trip(f"demo + {args.items:,} items", scratch, media, private)


if __name__ == "__main__":
    main()
