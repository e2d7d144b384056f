"""Backups: one archive with the database, the public and private media and a manifest.

`backup(folder)` writes `kennislab-backup-<time>.tar.gz` (mode 0600: it holds personal data):
- `database.sqlite3` (SQLite, through the online backup API, so a running site can keep
  writing) or `database.dump` (PostgreSQL, `pg_dump --format=custom` in an exported snapshot);
- `media/…` (MEDIA_ROOT) and `private/…` (PRIVATE_MEDIA_ROOT);
- `manifest.json`: the SHA-256 of every file and the row count of every table, counted in the
  same snapshot as the dump.

`restore(archive)` checks the archive (known members only, every checksum), refuses a database
that has tables or media folders that hold files, restores, and compares the row counts with the
manifest. The caller (manage.py restore) then rebuilds the search index.

Refusals are `BackupError` with a Dutch message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIXES = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    """A refusal or failure, with a Dutch message for the operator."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_postgres(database: dict) -> bool:
    return "postgresql" in database["ENGINE"]


def conninfo(database: dict) -> str:
    from psycopg.conninfo import make_conninfo

    options = {
        "dbname": database.get("NAME") or "",
        "host": database.get("HOST") or "",
        "port": str(database.get("PORT") or ""),
        "user": database.get("USER") or "",
    }
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if key in (database.get("OPTIONS") or {}):
            options[key] = database["OPTIONS"][key]
    return make_conninfo(**{key: value for key, value in options.items() if value})


def pg_env(database: dict) -> dict:
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return env


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} is niet geïnstalleerd; installeer de PostgreSQL-clientprogramma's "
            "(bijvoorbeeld apt-get install postgresql-client)."
        )
    return path


# --- Tables and row counts, on any database (plain DB-API connections) ---------------------------


def sqlite_tables(con) -> list[str]:
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows]


def pg_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall()]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def counts_sqlite(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {
            table: con.execute(f"SELECT COUNT(*) FROM {quote(table)}").fetchone()[0]  # noqa: S608
            for table in sqlite_tables(con)
        }
    finally:
        con.close()


def counts_postgres(cursor) -> dict[str, int]:
    counts = {}
    for table in pg_tables(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def table_counts(database: dict) -> dict[str, int]:
    """Every table's row count in a database (for checks and tests)."""
    if is_postgres(database):
        import psycopg

        password = database.get("PASSWORD") or None
        with psycopg.connect(conninfo(database), password=password) as con, con.cursor() as cur:
            return counts_postgres(cur)
    path = Path(database["NAME"])
    return counts_sqlite(path) if path.exists() else {}


# --- Backup -----------------------------------------------------------------------------------


def dump_database(database: dict, folder: Path) -> tuple[str, dict[str, int]]:
    """Write the database into folder; (file name, row counts in the same snapshot)."""
    if is_postgres(database):
        import psycopg

        target = folder / "database.dump"
        # autocommit, so that our BEGIN is the transaction's start and its isolation level holds
        password = database.get("PASSWORD") or None
        with psycopg.connect(conninfo(database), password=password, autocommit=True) as con:
            con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            with con.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts = counts_postgres(cursor)
                result = subprocess.run(  # noqa: S603
                    [
                        tool("pg_dump"),
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                        f"--dbname={conninfo(database)}",
                    ],
                    env=pg_env(database),
                    capture_output=True,
                    text=True,
                    check=False,
                )
            con.execute("COMMIT")
        if result.returncode != 0:
            raise BackupError(f"pg_dump mislukte: {result.stderr.strip()[:500]}")
        return target.name, counts
    source = Path(database["NAME"])
    if not source.exists():
        raise BackupError(f"De database {source} bestaat niet.")
    target = folder / "database.sqlite3"
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # the online backup API: one consistent copy, writers may go on
    finally:
        dst.close()
        src.close()
    return target.name, counts_sqlite(target)


def media_files(root: Path):
    if not root.exists():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def backup(folder, *, database: dict | None = None, media_root=None, private_root=None) -> dict:
    """Write one archive into folder; a summary (path, size, tables, files)."""
    from django.conf import settings

    database = database or settings.DATABASES["default"]
    roots = {
        "media": Path(media_root or settings.MEDIA_ROOT),
        "private": Path(private_root or settings.PRIVATE_MEDIA_ROOT),
    }
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"De map {folder} kan niet worden gemaakt: {error.strerror}.") from error
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    archive = folder / f"kennislab-backup-{stamp}.tar.gz"
    partial = archive.with_name(archive.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="kennislab-backup-") as scratch:
        scratch = Path(scratch)
        db_file, counts = dump_database(database, scratch)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {
                "vendor": "postgresql" if is_postgres(database) else "sqlite",
                "file": db_file,
                "sha256": sha256(scratch / db_file),
            },
            "tables": counts,
            "files": {},
        }
        old_umask = os.umask(0o077)
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
                tar.add(scratch / db_file, arcname=db_file)
                for prefix, root in roots.items():
                    for path in media_files(root):
                        name = f"{prefix}/{path.relative_to(root).as_posix()}"
                        manifest["files"][name] = sha256(path)
                        tar.add(path, arcname=name)
                data = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode = len(data), 0o600
                import io

                tar.addfile(info, io.BytesIO(data))
        finally:
            os.umask(old_umask)
    os.chmod(partial, 0o600)
    partial.rename(archive)
    return {
        "archive": archive,
        "size": archive.stat().st_size,
        "tables": len(counts),
        "rows": sum(counts.values()),
        "files": len(manifest["files"]),
    }


# --- Restore ----------------------------------------------------------------------------------


def safe_member(member: tarfile.TarInfo) -> bool:
    name = member.name
    if name.startswith("/") or ".." in Path(name).parts or not member.isfile():
        return False
    return (
        name in (MANIFEST, "database.sqlite3", "database.dump")
        or name.split("/", 1)[0] in MEDIA_PREFIXES
    )


def database_is_empty(database: dict) -> bool:
    if is_postgres(database):
        import psycopg

        try:
            with (
                psycopg.connect(
                    conninfo(database), password=database.get("PASSWORD") or None
                ) as con,
                con.cursor() as cursor,
            ):
                return not pg_tables(cursor)
        except psycopg.OperationalError as error:
            raise BackupError(f"De database is niet bereikbaar: {error}".strip()) from error
    path = Path(database["NAME"])
    if not path.exists() or path.stat().st_size == 0:
        return True
    con = sqlite3.connect(path)
    try:
        return not sqlite_tables(con)
    finally:
        con.close()


def folder_is_empty(root: Path) -> bool:
    return not root.exists() or next(media_files(root), None) is None


def restore(archive, *, database: dict | None = None, media_root=None, private_root=None) -> dict:
    """Restore an archive of `backup` into an empty database and empty media folders."""
    from django.conf import settings

    database = database or settings.DATABASES["default"]
    roots = {
        "media": Path(media_root or settings.MEDIA_ROOT),
        "private": Path(private_root or settings.PRIVATE_MEDIA_ROOT),
    }
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Het bestand {archive} bestaat niet.")
    if not database_is_empty(database):
        raise BackupError(
            "De database is niet leeg. Terugzetten kan alleen in een lege database (zonder "
            "tabellen): maak een nieuwe database en wijs die aan met DATABASE_URL."
        )
    for prefix, root in roots.items():
        if not folder_is_empty(root):
            raise BackupError(
                f"De map {root} ({MEDIA_PREFIXES[prefix]}) bevat al bestanden. Terugzetten kan "
                "alleen in lege mappen."
            )
    with tempfile.TemporaryDirectory(prefix="kennislab-restore-") as scratch:
        scratch = Path(scratch)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                members = tar.getmembers()
                unsafe = [member.name for member in members if not safe_member(member)]
                if unsafe:
                    raise BackupError(
                        f"Het archief bevat onbekende of onveilige onderdelen: {unsafe[0]}."
                    )
                tar.extractall(scratch, members=members, filter="data")
        except (tarfile.TarError, EOFError, OSError) as error:
            raise BackupError(
                f"{archive.name} is geen leesbare back-up van Kennislab ({error})."
            ) from error
        try:
            manifest = json.loads((scratch / MANIFEST).read_text())
            db_info = manifest["database"]
            expected_files = manifest["files"]
            expected_counts = manifest["tables"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BackupError("Het archief heeft geen geldig manifest.json.") from error
        if manifest.get("format") != FORMAT:
            raise BackupError("Dit archief heeft een onbekende indeling.")
        if db_info.get("vendor") != ("postgresql" if is_postgres(database) else "sqlite"):
            raise BackupError(
                f"Dit archief bevat een {db_info.get('vendor')}-database; terugzetten kan alleen "
                "in hetzelfde soort database."
            )
        checks = {db_info["file"]: db_info["sha256"], **expected_files}
        for name, digest in checks.items():
            path = scratch / name
            if not path.is_file() or sha256(path) != digest:
                raise BackupError(
                    f"Controlegetal klopt niet voor {name}: het archief is beschadigd."
                )
        extra = {
            member.name
            for member in members
            if member.name not in checks and member.name != MANIFEST
        }
        if extra:
            raise BackupError(f"Het archief bevat een bestand zonder controlegetal: {min(extra)}.")

        load_database(scratch / db_info["file"], database)
        counts = table_counts(database)
        if counts != expected_counts:
            different = sorted(
                name
                for name in set(counts) | set(expected_counts)
                if counts.get(name) != expected_counts.get(name)
            )
            raise BackupError(
                f"Na het terugzetten kloppen de aantallen rijen niet (o.a. {different[0]})."
            )
        for name in expected_files:
            prefix, relative = name.split("/", 1)
            target = roots[prefix] / relative
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            shutil.copyfile(scratch / name, target)
            if prefix == "private":
                target.chmod(0o600)
    return {"tables": len(counts), "rows": sum(counts.values()), "files": len(expected_files)}


def load_database(source: Path, database: dict) -> None:
    if is_postgres(database):
        result = subprocess.run(  # noqa: S603
            [
                tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={conninfo(database)}",
                str(source),
            ],
            env=pg_env(database),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore mislukte: {result.stderr.strip()[:500]}")
        return
    target = Path(database["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
