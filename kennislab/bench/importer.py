"""make bench-import: how long the importer takes for the seed dumps.

Per run: parse only (the baseline: pure Python, no database), a first import into an empty
Kennislab (create), and a second import (unchanged). Prints medians, p95 and ratios.
"""

import io
import sys

from .common import median, out, p95, row, seconds, setup_django

RUNS = 5


def main():
    engine = setup_django("import")
    from django.core.management import call_command

    from kennislab.content.importer.parser import parse_bytes
    from kennislab.content.models import ArticlePage
    from kennislab.content.site import ensure_kennislab_index
    from kennislab.content.tests.seeds import seeds_dir

    directory = seeds_dir()
    if directory is None:
        out("Seed dumps not found: set KENNISLAB_SEEDS.")
        sys.exit(1)
    paths = sorted(directory.glob("*.txt"))
    data = [(p.name, p.read_bytes()) for p in paths]
    items = sum(len(parse_bytes(name, raw).items) for name, raw in data)
    ensure_kennislab_index()

    def parse():
        for name, raw in data:
            parse_bytes(name, raw)

    def run_import():
        call_command(
            "import_dump",
            *map(str, paths),
            "--no-progress",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )

    def clear():
        for page in ArticlePage.objects.all():
            page.delete()

    parse_times = seconds(parse, RUNS * 4)
    create_times, unchanged_times = [], []
    for _ in range(RUNS):
        clear()
        create_times += seconds(run_import, 1)
        unchanged_times += seconds(run_import, 1)
    assert ArticlePage.objects.count() == items

    base = median(parse_times)
    out(f"Importer benchmark — {items} seed items from {len(paths)} files, {engine}, {RUNS} runs")
    out(row("", "median", "p95", "per item", "× parse"))
    for label, values in [
        ("parse only (baseline)", parse_times),
        ("first import (create 27 pages)", create_times),
        ("second import (unchanged)", unchanged_times),
    ]:
        out(
            row(
                label,
                f"{median(values) * 1000:.0f} ms",
                f"{p95(values) * 1000:.0f} ms",
                f"{median(values) / items * 1000:.1f} ms",
                f"{median(values) / base:.0f}",
            )
        )


if __name__ == "__main__":
    main()
