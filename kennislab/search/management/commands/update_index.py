"""manage.py update_index — Wagtail's index rebuild, followed by the Kennislab search index."""

import time

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailCommand

from ... import indexer


class Command(WagtailCommand):
    help = (
        "Bouw de zoekindexen opnieuw op: die van Wagtail (zoeken in de beheeromgeving) en de "
        "Kennislab-zoekindex (de zoekpagina, de API en 'Lees ook')."
    )

    def handle(self, **options):
        super().handle(**options)
        verbosity = options.get("verbosity", 1)
        start = time.monotonic()
        count = indexer.rebuild()
        if verbosity >= 1:
            self.stdout.write(
                f"Kennislab-zoekindex opnieuw opgebouwd: {count} documenten in "
                f"{time.monotonic() - start:.1f} s."
            )
