"""manage.py restore BESTAND — restore an archive of `backup` into an empty database
(DATABASE_URL) and empty media folders (MEDIA_ROOT, PRIVATE_MEDIA_ROOT), then rebuild the
search index (kennislab/ops/backup.py)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ...backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Zet een back-up terug in een lege database (DATABASE_URL) en lege mappen (MEDIA_ROOT, "
        "PRIVATE_MEDIA_ROOT), controleer alle controlegetallen en bouw daarna de zoekindex op."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="BESTAND", help="het archief van manage.py backup")

    def handle(self, *args, archive, **options):
        start = time.monotonic()
        connections.close_all()
        try:
            summary = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Teruggezet: {summary['tables']} tabellen, {summary['rows']} rijen, "
            f"{summary['files']} bestanden; controlegetallen en aantallen kloppen."
        )
        connections.close_all()
        call_command("update_index", verbosity=options.get("verbosity", 1))
        self.stdout.write(f"Klaar in {time.monotonic() - start:.1f} s.")
