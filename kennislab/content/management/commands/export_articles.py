"""manage.py export_articles --format jsonl — every published article, one JSON object a line."""

import json

from django.core.management.base import BaseCommand

from ...models import ArticlePage


def article_record(page: ArticlePage) -> dict:
    return {
        "title": page.title,
        "date": page.date.isoformat(),
        "type": page.item_type,
        "themes": [theme.name for theme in page.themes.all()],
        "url": page.get_url() or page.url_path,
        "text": page.text,
        "source": page.source or None,
    }


class Command(BaseCommand):
    help = "Exporteer alle gepubliceerde Kennislab-items, één JSON-object per regel."

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", choices=["jsonl"], default="jsonl", help="uitvoerformaat (jsonl)"
        )

    def handle(self, *args, **options):
        pages = (
            ArticlePage.objects.live().order_by("date", "title", "pk").prefetch_related("themes")
        )
        for page in pages.iterator(chunk_size=200):
            self.stdout.write(json.dumps(article_record(page), ensure_ascii=False))
