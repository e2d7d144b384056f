"""deploy/startup.py, what every app server runs before it serves (bin/serve, the systemd
units): migrations under a lock all servers on the database see, static files collected only
when their sources changed."""

import fcntl
import importlib.util
from pathlib import Path

import pytest
from django.db import connections

DEPLOY = Path(__file__).resolve().parents[3] / "deploy" / "startup.py"
spec = importlib.util.spec_from_file_location("kennislab_deploy_startup", DEPLOY)
startup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(startup)


# --- the static files' fingerprint ------------------------------------------------------------


def sources(tmp_path, **files):
    found = []
    for name, text in files.items():
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        found.append((f"app/{name}", str(path)))
    return sorted(found)


def test_fingerprint_follows_names_and_contents_not_times(tmp_path):
    files = sources(tmp_path, **{"a.css": "body{}", "b.js": "x=1"})
    first = startup.fingerprint(files, "Manifest", "/static/")
    path = Path(files[0][1])
    path.touch()  # a new modification time, the same contents
    assert startup.fingerprint(files, "Manifest", "/static/") == first
    path.write_text("body{color:red}")
    assert startup.fingerprint(files, "Manifest", "/static/") != first
    renamed = [("app/c.css", files[0][1]), files[1]]
    assert startup.fingerprint(renamed, "Manifest", "/static/") != startup.fingerprint(
        files, "Manifest", "/static/"
    )
    assert startup.fingerprint(files, "Manifest", "/assets/") != startup.fingerprint(
        files, "Manifest", "/static/"
    )


def test_current_only_with_the_same_fingerprint_and_the_manifest(tmp_path):
    assert not startup.is_current(tmp_path, "abc", needs_manifest=False)  # nothing collected
    startup.write_fingerprint(tmp_path, "abc")
    assert startup.is_current(tmp_path, "abc", needs_manifest=False)
    assert not startup.is_current(tmp_path, "abd", needs_manifest=False)
    assert not startup.is_current(tmp_path, "abc", needs_manifest=True)  # manifest gone
    (tmp_path / "staticfiles.json").write_text("{}")
    assert startup.is_current(tmp_path, "abc", needs_manifest=True)
    (tmp_path / startup.FINGERPRINT_FILE).write_text("not json")
    assert not startup.is_current(tmp_path, "abc", needs_manifest=True)


def test_collected_once_then_skipped_until_a_source_changes(tmp_path, settings):
    settings.STATIC_ROOT = str(tmp_path / "collected")
    settings.BASE_DIR = tmp_path
    first = startup.collect_static()
    assert first == "static files collected"
    assert (tmp_path / "collected" / startup.FINGERPRINT_FILE).is_file()
    assert (tmp_path / "var" / "collectstatic.lock").exists()
    assert startup.collect_static() == "static files are current: nothing collected"
    (tmp_path / "collected" / startup.FINGERPRINT_FILE).unlink()
    assert startup.collect_static() == "static files collected"


def test_the_file_lock_excludes_a_second_holder(tmp_path):
    path = tmp_path / "var" / "x.lock"
    with (
        startup.file_lock(path, "test"),
        path.open("a") as other,
        pytest.raises(BlockingIOError),
    ):
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with path.open("a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again


# --- the database lock -------------------------------------------------------------------------


def test_advisory_key_is_stable_and_fits_a_bigint():
    key = startup.advisory_key("kennislab:startup")
    assert key == startup.advisory_key("kennislab:startup")
    assert -(2**63) <= key < 2**63
    assert key != startup.advisory_key("kennislab:other")


@pytest.mark.django_db
def test_database_lock_is_seen_by_every_other_connection():
    """The lock lives on a connection of its own (session level: a transaction around the test
    does not matter), so another connection, like another server's, sees it."""
    other = connections.create_connection("default")
    try:
        if other.vendor == "postgresql":
            key = startup.advisory_key(startup.LOCK_NAME)

            def free() -> bool:
                with other.cursor() as cursor:
                    cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                    taken = cursor.fetchone()[0]
                    if taken:
                        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
                return taken

            with startup.database_lock("test"):
                assert not free()
            assert free()
        else:
            lock = Path(f"{connections['default'].settings_dict['NAME']}.startup.lock")
            if str(lock).startswith((":memory:", "file:")):
                pytest.skip("an in-memory SQLite database has no file to lock")
            with (
                startup.database_lock("test"),
                lock.open("a") as handle,
                pytest.raises(BlockingIOError),
            ):
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            with lock.open("a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again
    finally:
        other.close()
