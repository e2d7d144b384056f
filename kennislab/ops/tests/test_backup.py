"""Backup and restore round trip on the database the tests run on (SQLite or PostgreSQL):
records and a public and a private file are backed up, restored into a fresh database and fresh
media folders, and every table's row count and every file's checksum compare equal. A restore
into a database or a folder that is not empty, or of a damaged archive, is refused in Dutch."""

import io
import json
import tarfile
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from kennislab.core.models import OutgoingEmail
from kennislab.ops.backup import (
    BackupError,
    backup,
    conninfo,
    is_postgres,
    restore,
    sha256,
    table_counts,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def source(tmp_path):
    media, private = tmp_path / "media", tmp_path / "private"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "foto.jpg").write_bytes(b"\xff\xd8 public image bytes")
    (private / "vignet" / "bewijs").mkdir(parents=True)
    (private / "vignet" / "bewijs" / "plan.pdf").write_bytes(b"%PDF-1.4 private evidence")
    for n in range(5):
        OutgoingEmail.objects.create(to=f"p{n}@voorbeeld.example", subject=f"S{n}", body="B")
    return media, private


@pytest.fixture
def fresh_database(tmp_path):
    database = dict(settings.DATABASES["default"])
    if not is_postgres(database):
        database["NAME"] = str(tmp_path / "restored" / "db.sqlite3")
        yield database
        return
    import psycopg

    name = f"h4ops_restore_{uuid.uuid4().hex[:8]}"
    admin = {**database, "NAME": "postgres"}
    with psycopg.connect(
        conninfo(admin), autocommit=True, password=database.get("PASSWORD")
    ) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    database["NAME"] = name
    yield database
    with psycopg.connect(
        conninfo(admin), autocommit=True, password=database.get("PASSWORD")
    ) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def files(root):
    return {p.relative_to(root).as_posix(): sha256(p) for p in root.rglob("*") if p.is_file()}


def test_round_trip_restores_every_row_and_file(tmp_path, source, fresh_database):
    media, private = source
    summary = backup(tmp_path / "backups", media_root=media, private_root=private)
    archive = summary["archive"]
    assert archive.stat().st_mode & 0o777 == 0o600
    assert summary["files"] == 2

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["tables"]["core_outgoingemail"] == 5
    assert set(manifest["files"]) == {
        "media/original_images/foto.jpg",
        "private/vignet/bewijs/plan.pdf",
    }

    new_media, new_private = tmp_path / "new-media", tmp_path / "new-private"
    result = restore(
        archive, database=fresh_database, media_root=new_media, private_root=new_private
    )
    assert result["files"] == 2
    original = table_counts(settings.DATABASES["default"])
    restored = table_counts(fresh_database)
    assert restored == original
    assert restored["core_outgoingemail"] == 5
    assert len(restored) > 50  # every table, not just a few
    assert files(new_media) == files(media)
    assert files(new_private) == files(private)

    # a second restore into the now filled database is refused
    with pytest.raises(BackupError, match="niet leeg"):
        restore(
            archive, database=fresh_database, media_root=tmp_path / "x", private_root=tmp_path / "y"
        )


def test_restore_refuses_media_folders_with_files(tmp_path, source, fresh_database):
    media, private = source
    archive = backup(tmp_path / "b", media_root=media, private_root=private)["archive"]
    with pytest.raises(BackupError, match="bevat al bestanden"):
        restore(archive, database=fresh_database, media_root=media, private_root=tmp_path / "p")


def test_a_damaged_archive_is_refused(tmp_path, source, fresh_database):
    media, private = source
    archive = backup(tmp_path / "b", media_root=media, private_root=private)["archive"]
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as tar, tarfile.open(damaged, "w:gz") as out:
        for member in tar.getmembers():
            data = tar.extractfile(member).read()
            if member.name == "media/original_images/foto.jpg":
                data = b"tampered"
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="Controlegetal klopt niet"):
        restore(
            damaged, database=fresh_database, media_root=tmp_path / "m", private_root=tmp_path / "p"
        )
    assert table_counts(fresh_database) == {}  # nothing half restored


def test_the_restore_command_refuses_a_filled_database_in_dutch(tmp_path):
    (tmp_path / "x.tar.gz").write_bytes(b"")
    with pytest.raises(CommandError, match="De database is niet leeg"):
        call_command("restore", str(tmp_path / "x.tar.gz"))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "ontbreekt.tar.gz"))


def test_the_backup_command_writes_an_archive(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "m"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "p"
    call_command("backup", str(tmp_path / "out"))
    assert "Back-up geschreven" in capsys.readouterr().out
    assert len(list((tmp_path / "out").glob("kennislab-backup-*.tar.gz"))) == 1
