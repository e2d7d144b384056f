"""manage.py load_demo [--if-empty] — load the demo content of every app (idempotent).

The apps' loaders are listed in settings.DEMO_LOADERS; each module offers load_demo() (returns a
report with .created) and database_has_content()."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Laad de demo-inhoud: Kennislab-items, thema's, netwerkadviseurs, vaste pagina's en de "
        "kennisvoucherregeling. Bestaande pagina's blijven zoals ze zijn."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="per onderdeel alleen laden als het nog leeg is (zo gebruikt door make run)",
        )

    def handle(self, *args, if_empty=False, verbosity=1, **options):
        created = 0
        for path in settings.DEMO_LOADERS:
            loader = import_module(path)
            if if_empty and loader.database_has_content():
                if verbosity >= 2:
                    self.stdout.write(f"  {path}: er staat al inhoud; overgeslagen.")
                continue
            report = loader.load_demo()
            if verbosity >= 2:
                for line in report.created:
                    self.stdout.write(f"  + {line}")
            created += len(report.created)
        if created:
            self.stdout.write(f"Demo-inhoud geladen: {created} onderdelen aangemaakt.")
        elif if_empty:
            self.stdout.write("Er staat al inhoud in de database; demo-inhoud niet geladen.")
        else:
            self.stdout.write("Demo-inhoud was al geladen; niets veranderd.")
