"""make bench-discovery: the sitemap and the feeds at 100,000 Kennislab items.

Loads the demo content into a scratch database, then adds synthetic published items under the
Kennislab listing in bulk (page rows with their tree paths written directly, as treebeard would
write them, and the items' own rows: Wagtail's add_child and publish would take an hour), and
requests through Django's test client (full middleware stack):

* /sitemap.xml (the index) and one full section page (10,000 URLs), rendered (page cache off)
  and from the anonymous page cache; with the cost per URL;
* the whole Kennislab feed, rendered and from the cache.

`--items N` for another size. Prints medians and p95 of a few runs.
"""

from __future__ import annotations

import argparse
import io
import logging
import time
import uuid
from datetime import date, timedelta

from .common import median, out, p95, row, seconds, setup_django

RUNS = 7
BATCH = 2_000


def add_items(count: int) -> float:
    """`count` published ArticlePages under the Kennislab listing, in bulk; returns seconds."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from kennislab.content.models import ArticlePage, ItemType, KennislabIndexPage, Theme

    started = time.perf_counter()
    parent = KennislabIndexPage.objects.get()
    last = parent.get_last_child()
    first_step = (last._get_lastpos_in_path() + 1) if last else 1
    content_type = ContentType.objects.get_for_model(ArticlePage)
    themes = list(Theme.objects.values_list("pk", flat=True))
    types = ItemType.values
    now = timezone.now()
    fields = ArticlePage._meta.local_concrete_fields  # page_ptr and the item's own columns
    through = ArticlePage.themes.through
    with transaction.atomic():
        for offset in range(0, count, BATCH):
            pages = []
            for number in range(offset, min(offset + BATCH, count)):
                slug = f"synthetisch-item-{number}"
                published = now - timedelta(minutes=number)
                pages.append(
                    Page(
                        title=f"Synthetisch item {number} over gezondheid in de wijk",
                        draft_title=f"Synthetisch item {number} over gezondheid in de wijk",
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(parent.path, parent.depth + 1, first_step + number),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        latest_revision_created_at=published,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(pages)
            items = [
                ArticlePage(
                    page_ptr_id=page.pk,
                    date=date(2026, 1, 1) - timedelta(days=(offset + i) // 20),
                    item_type=types[(offset + i) % len(types)],
                    intro="Een synthetisch item om de sitemap en de feeds te meten. " * 3,
                    body=[],
                )
                for i, page in enumerate(pages)
            ]
            ArticlePage._base_manager._insert(items, fields=fields)
            through.objects.bulk_create(
                through(articlepage_id=page.pk, theme_id=themes[(offset + i) % len(themes)])
                for i, page in enumerate(pages)
            )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args(argv)
    engine = setup_django("discovery")
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from kennislab.content.models import ArticlePage
    from kennislab.discovery import sitemaps

    call_command("load_demo", stdout=io.StringIO())
    took = add_items(args.items)
    count = ArticlePage.objects.live().count()
    out(
        f"Sitemap and feeds — {count:,} items ({args.items:,} synthetic, added in {took:.0f} s), "
        f"{engine}, median and p95 of {RUNS} requests after one warm-up"
    )
    client = Client()
    pages = -(-sitemaps.ArticleSitemap().summary()[0] // sitemaps.LIMIT)
    requests = [
        ("sitemap index", "/sitemap.xml", None),
        ("sitemap, other pages", "/sitemap-paginas.xml", None),
        ("sitemap, items page 1", "/sitemap-kennislab.xml", True),
        (f"sitemap, items page {pages} (last)", sitemaps.section_url("kennislab", pages), True),
        ("feed: whole Kennislab", "/kennislab/feed.xml", None),
        ("feed: one theme", "/kennislab/thema/leefstijl/feed.xml", None),
        ("feed: agenda", "/agenda/feed.xml", None),
    ]
    out(row("", "render med", "render p95", "bytes", "µs/URL", "cache med", "cache p95"))
    for label, url, per_url in requests:
        settings.PAGE_CACHE_SECONDS = 0
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        rendered = seconds(lambda url=url: client.get(url), RUNS)
        size = len(response.content)
        urls = response.content.count(b"<url>")
        settings.PAGE_CACHE_SECONDS = 600
        cache.clear()
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
        from_cache = seconds(lambda url=url: client.get(url), RUNS)
        out(
            row(
                label,
                f"{median(rendered) * 1000:.1f} ms",
                f"{p95(rendered) * 1000:.1f} ms",
                f"{size:,}",
                f"{median(rendered) / urls * 1e6:.1f}" if per_url and urls else "",
                f"{median(from_cache) * 1000:.1f} ms",
                f"{p95(from_cache) * 1000:.1f} ms",
            )
        )
    settings.PAGE_CACHE_SECONDS = 0
    every = ["/sitemap.xml"] + [
        entry.location.removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
        for entry in sitemaps.index_entries()
    ]
    start = time.perf_counter()
    for url in every:
        assert client.get(url).status_code == 200, url
    out(
        f"the whole sitemap ({len(every)} files, {count:,} items), rendered one after the other: "
        f"{time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main()
