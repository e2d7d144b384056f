"""What an app server does before it serves, safe when several servers start at once.

    python deploy/startup.py [migrate] [static] [daily]    (no step named: all three, in order)

* ``migrate`` — `manage.py migrate` under a lock that every server on the database sees. Two
  servers migrating one fresh database at once fail half-way (both create the same table: an
  IntegrityError on pg_type); one after the other, the second finds nothing left to do.
* ``static`` — `manage.py collectstatic`, unless what is collected is current: a fingerprint of
  every source file (path and contents, as the static file finders list them) is kept in
  STATIC_ROOT beside the manifest, and a server that finds the same fingerprint does nothing. The
  work itself runs under a file lock (var/collectstatic.lock), so servers started together on one
  checkout never rewrite files together (one died with FileNotFoundError), and a restart does
  not rewrite files a running server serves. Collecting is a build step: run this once after
  every update (`python deploy/startup.py static`); then no server has anything to do when it
  starts.
* ``daily`` — `manage.py daily_jobs --plannen` under the same database lock: two servers that
  both find no daily run planned would otherwise both plan one, every day after.

The database lock: a PostgreSQL advisory lock (its own connection; released when it closes,
also when the process dies), or for SQLite, which is one machine, a file lock beside the
database file. bin/serve and the systemd units (deploy/*.service) run this.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
STEPS = ("migrate", "static", "daily")
FINGERPRINT_FILE = ".kennislab-static.json"
IGNORE_PATTERNS = ["CVS", ".*", "*~"]  # collectstatic's defaults
LOCK_NAME = "kennislab:startup"


def say(message: str):
    print(f"startup: {message}", file=sys.stderr, flush=True)


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock (the same on every server)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextlib.contextmanager
def file_lock(path: Path, what: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"{what}: waiting for another server ({path})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def database_lock(what: str):
    """Held by one process at a time among all that use this database."""
    from django.db import connections

    connection = connections.create_connection("default")  # not the one the command uses
    try:
        if connection.vendor == "postgresql":
            key = advisory_key(LOCK_NAME)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                if not cursor.fetchone()[0]:
                    say(f"{what}: waiting for another server (PostgreSQL advisory lock)")
                    started = time.monotonic()
                    cursor.execute("SELECT pg_advisory_lock(%s)", [key])
                    say(f"{what}: waited {time.monotonic() - started:.0f} s")
            try:
                yield
            finally:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        elif connection.vendor == "sqlite":
            name = str(connection.settings_dict["NAME"])
            if name == ":memory:" or name.startswith("file:"):
                yield
            else:
                with file_lock(Path(f"{name}.startup.lock"), what):
                    yield
        else:  # pragma: no cover — the project supports PostgreSQL and SQLite
            yield
    finally:
        connection.close()


def static_sources() -> list[tuple[str, str]]:
    """(name in STATIC_ROOT, source file) of every file collectstatic would copy; of two with
    the same name the first finder's, as collectstatic does."""
    from django.contrib.staticfiles import finders

    found: dict[str, str] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(IGNORE_PATTERNS):
            prefixed = os.path.join(getattr(storage, "prefix", None) or "", path)
            found.setdefault(prefixed, storage.path(path))
    return sorted(found.items())


def fingerprint(sources: list[tuple[str, str]], backend: str, url: str) -> str:
    """One hash over the storage backend, STATIC_URL and every source's name and contents."""
    digest = hashlib.sha256(f"{backend}\n{url}\n".encode())
    for name, source in sources:
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(Path(source).read_bytes()).digest())
    return digest.hexdigest()


def is_current(root: Path, wanted: str, needs_manifest: bool) -> bool:
    try:
        stored = json.loads((root / FINGERPRINT_FILE).read_text()).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return False
    if needs_manifest and not (root / "staticfiles.json").is_file():
        return False
    return stored == wanted


def write_fingerprint(root: Path, value: str):
    temporary = root / f"{FINGERPRINT_FILE}.{os.getpid()}"
    temporary.write_text(json.dumps({"fingerprint": value, "collected_at": time.time()}))
    os.replace(temporary, root / FINGERPRINT_FILE)


def collect_static() -> str:
    from django.conf import settings
    from django.core.management import call_command

    root = Path(settings.STATIC_ROOT)
    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    needs_manifest = "Manifest" in backend
    wanted = fingerprint(static_sources(), backend, settings.STATIC_URL)
    if is_current(root, wanted, needs_manifest):
        return "static files are current: nothing collected"
    with file_lock(Path(settings.BASE_DIR) / "var" / "collectstatic.lock", "collectstatic"):
        if is_current(root, wanted, needs_manifest):  # another server collected them just now
            return "static files collected by another server meanwhile"
        call_command("collectstatic", interactive=False, verbosity=0)
        write_fingerprint(root, wanted)
    return "static files collected"


def run(steps: list[str]):
    from django.core.management import call_command

    for step in steps:
        started = time.monotonic()
        if step == "migrate":
            with database_lock("migrate"):
                call_command("migrate", interactive=False, verbosity=1)
            done = "migrations applied"
        elif step == "static":
            done = collect_static()
        else:
            with database_lock("daily jobs"):
                call_command("daily_jobs", plannen=True)
            done = "daily run planned (unless it was)"
        say(f"{done} ({time.monotonic() - started:.1f} s)")


def main(argv: list[str]) -> int:
    unknown = [step for step in argv if step not in STEPS]
    if unknown:
        print(f"usage: python deploy/startup.py [{'] ['.join(STEPS)}]", file=sys.stderr)
        return 2
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.production")
    import django

    django.setup()
    run(argv or list(STEPS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
