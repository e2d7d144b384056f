"""manage.py load_demo [--if-empty] — load the demo content (idempotent)."""

from django.core.management.base import BaseCommand

from ...demo.loader import database_has_content, load_demo


class Command(BaseCommand):
    help = (
        "Laad de demo-inhoud: Kennislab-items, thema's, netwerkadviseurs en vaste pagina's. "
        "Bestaande pagina's blijven zoals ze zijn."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="alleen laden als er nog geen Kennislab-items zijn (zo gebruikt door make run)",
        )

    def handle(self, *args, if_empty=False, verbosity=1, **options):
        if if_empty and database_has_content():
            if verbosity >= 1:
                self.stdout.write("Er staat al inhoud in de database; demo-inhoud niet geladen.")
            return
        report = load_demo()
        if verbosity >= 2:
            for line in report.created:
                self.stdout.write(f"  + {line}")
        if report.created:
            self.stdout.write(f"Demo-inhoud geladen: {len(report.created)} onderdelen aangemaakt.")
        else:
            self.stdout.write("Demo-inhoud was al geladen; niets veranderd.")
