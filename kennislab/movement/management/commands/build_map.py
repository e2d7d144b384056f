"""manage.py build_map [--check] — turn the bundled province boundaries into the map's SVG path
data (kennislab/movement/geometry.py), once; the result is checked in."""

from django.core.management.base import BaseCommand, CommandError

from kennislab.movement import geometry, shapes


class Command(BaseCommand):
    help = (
        "Maak de SVG-paden van de kaart van de beweging uit het meegeleverde grenzenbestand "
        f"({shapes.SOURCE_PATH.name}) en schrijf ze naar {shapes.DATA_PATH.name}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="niets schrijven; fout als het ingecheckte bestand niet klopt (voor CI)",
        )

    def handle(self, *args, check=False, **options):
        text = geometry.dumps(geometry.build(shapes.SOURCE_PATH.read_text(encoding="utf-8")))
        current = shapes.DATA_PATH.read_text(encoding="utf-8") if shapes.DATA_PATH.exists() else ""
        if check:
            if text != current:
                raise CommandError(
                    f"{shapes.DATA_PATH.name} is niet bijgewerkt: draai manage.py build_map."
                )
            self.stdout.write(f"{shapes.DATA_PATH.name} klopt.")
            return
        if text == current:
            self.stdout.write(f"{shapes.DATA_PATH.name} was al bijgewerkt; niets veranderd.")
            return
        shapes.DATA_PATH.write_text(text, encoding="utf-8")
        self.stdout.write(f"{shapes.DATA_PATH.name} geschreven ({len(text)} tekens).")
