"""manage.py backup MAP — one archive with the database, public and private media and a manifest
with checksums (kennislab/ops/backup.py)."""

import time

from django.core.management.base import BaseCommand, CommandError

from ...backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Maak een back-up in MAP: één archief met de database, de openbare en de afgeschermde "
        "bestanden en een manifest met controlegetallen."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="MAP", help="de map waarin het archief komt")

    def handle(self, *args, folder, **options):
        start = time.monotonic()
        try:
            summary = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Back-up geschreven: {summary['archive']} ({summary['size'] / 1e6:.1f} MB; "
            f"{summary['tables']} tabellen, {summary['rows']} rijen, {summary['files']} "
            f"bestanden) in {time.monotonic() - start:.1f} s."
        )
