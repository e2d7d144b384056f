"""manage.py import_dump PATH [PATH …] — import page dumps into the Kennislab (CONTRACTS.md).

The summary also lists the items that read above taalniveau B1 (importer/readability.py), each
with its main reason; they are imported all the same."""

import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand
from tqdm import tqdm

from ...importer.loader import load_item, theme_vocabulary
from ...importer.parser import Problem, parse_bytes
from ...importer.readability import summary_lines
from ...models import Domain, Theme
from ...site import ensure_kennislab_index

STATUS_LABELS = {"created": "aangemaakt", "updated": "bijgewerkt", "unchanged": "ongewijzigd"}
PROGRESS_FROM = 50  # items; shorter runs finish before a bar helps


class Command(BaseCommand):
    help = (
        "Importeer dumps van netwerkpagina's (tekstbestanden in het dumpformaat) als "
        "Kennislab-items. Een tweede keer importeren verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PAD", help="dumpbestanden (UTF-8)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="alleen lezen en controleren, niets opslaan",
        )
        parser.add_argument("--no-progress", action="store_true", help="geen voortgangsbalk tonen")

    def handle(self, *args, paths, dry_run=False, no_progress=False, verbosity=1, **options):
        if not paths:
            self.stderr.write(
                "fout: geef één of meer dumpbestanden op, bijvoorbeeld: "
                "manage.py import_dump ../shared/seeds/*.txt"
            )
            sys.exit(2)
        problems: list[Problem] = []
        items = []
        seen: dict[str, str] = {}
        for raw_path in paths:
            path = Path(raw_path)
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                problems.append(Problem(raw_path, 0, "bestand niet gevonden"))
                continue
            except IsADirectoryError:
                problems.append(Problem(raw_path, 0, "dit is een map, geen bestand"))
                continue
            except OSError as error:
                problems.append(Problem(raw_path, 0, f"kan niet gelezen worden ({error.strerror})"))
                continue
            result = parse_bytes(path.name, data)
            for warning in result.warnings:
                self.stderr.write(f"{raw_path}:{warning.line}: waarschuwing: {warning.message}")
            problems.extend(Problem(raw_path, error.line, error.message) for error in result.errors)
            for item in result.items:
                if item.key in seen:
                    self.stderr.write(
                        f"{raw_path}:{item.line}: waarschuwing: '{item.title}' staat ook in "
                        f"{seen[item.key]}; deze kopie is overgeslagen"
                    )
                    continue
                seen[item.key] = f"{raw_path}:{item.line}"
                items.append((raw_path, item))
            if verbosity >= 1:
                count = len(result.items)
                self.stdout.write(
                    f"{raw_path}: {count} {'item' if count == 1 else 'items'} gelezen"
                )

        counts = Counter()
        if dry_run:
            self.stdout.write(f"Proefdraai: {len(items)} items gelezen, niets opgeslagen.")
        else:
            counts = self._load(items, problems, verbosity, show_progress=not no_progress)

        if verbosity >= 1:
            for line in summary_lines(items, show_all=verbosity >= 2):
                self.stdout.write(line)

        for problem in problems:
            location = f"{problem.source}:{problem.line}" if problem.line else problem.source
            self.stderr.write(self.style.ERROR(f"{location}: fout: {problem.message}"))
        failed = len(problems)
        self.stdout.write(
            f"Klaar: {counts['created']} aangemaakt, {counts['updated']} bijgewerkt, "
            f"{counts['unchanged']} ongewijzigd, {failed} mislukt."
        )
        if failed:
            sys.exit(1)

    def _load(self, items, problems, verbosity, show_progress):
        counts = Counter()
        index = ensure_kennislab_index()
        vocabulary = theme_vocabulary()
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        domains = {domain.code: domain for domain in Domain.objects.all()}
        progress = tqdm(
            items,
            desc="Importeren",
            unit="item",
            file=sys.stderr,
            disable=not show_progress or len(items) < PROGRESS_FROM,
        )
        for raw_path, item in progress:
            try:
                outcome = load_item(item, index, vocabulary, themes, domains)
            except Exception as error:
                message = getattr(error, "messages", None) or [str(error) or type(error).__name__]
                problems.append(
                    Problem(
                        raw_path,
                        item.line,
                        f"item '{item.title}' niet opgeslagen: {'; '.join(map(str, message))}",
                    )
                )
                continue
            counts[outcome.status] += 1
            if verbosity >= 2:
                note = f" (behouden: {', '.join(outcome.kept)})" if outcome.kept else ""
                line = f"  {STATUS_LABELS[outcome.status]}: {item.title} → {outcome.page.url}{note}"
                if progress.disable:
                    self.stdout.write(line)
                else:
                    progress.write(line)
        return counts
