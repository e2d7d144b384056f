"""manage.py search QUERY [--limit N] --format jsonl — the site's search, one JSON line a result."""

import json

from django.core.management.base import BaseCommand

from ...service import search


class Command(BaseCommand):
    help = "Zoek zoals de zoekpagina; één JSON-object per resultaat, in volgorde van relevantie."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="+", metavar="ZOEKTERM")
        parser.add_argument("--limit", type=int, default=10, help="hoeveel resultaten (1–100)")
        parser.add_argument("--format", choices=["jsonl"], default="jsonl")

    def handle(self, *args, query, limit, **options):
        limit = max(1, min(100, limit))
        results = search(" ".join(query), limit=limit).results
        for result in results:
            record = {
                "title": result.title,
                "url": result.url,
                "type": result.type,
                "score": result.score,
            }
            self.stdout.write(json.dumps(record, ensure_ascii=False))
