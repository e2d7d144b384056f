"""make bench-pages: server-side render time of the public pages.

Loads the demo content and the seed dumps into a scratch database, then requests every kind
of page through Django's test client (full middleware stack, templates, queries). The baseline
is a bare Django view through the same client, so the ratio shows what the page itself costs.

Columns: "render" is a page rendered with the anonymous page cache off (what editors, signed-in
staff and every visitor right after a publish get; the data kept per generation by
kennislab.core.memo in use), "queries" its database queries, "changed" the first request after
a change anywhere (a new cache generation: everything kept is rebuilt), "cache" the page served
by the anonymous page cache. Goals (issue 17): article ≤ 15 ms and ≤ 8 queries, home, listing and
theme page ≤ 20 ms, search ≤ 20 ms, agenda ≤ 25 ms.
"""

import io
import logging

from .common import median, out, p95, row, seconds, setup_django

REQUESTS = 60
WARMUP = 5
CHANGED_REQUESTS = 15
WIDTHS = (34, 12, 12, 10, 9, 11, 12, 12)


def main():
    engine = setup_django("pages")
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 row logs each request
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import clear_url_caches, path

    from kennislab import urls as root_urls
    from kennislab.content.models import ArticlePage, ThemePage
    from kennislab.content.tests.seeds import seeds_dir
    from kennislab.core.pagecache import bump_generation

    call_command("load_demo", stdout=io.StringIO())
    directory = seeds_dir()
    if directory is not None:
        seeds = sorted(map(str, directory.glob("*.txt")))
        call_command("import_dump", *seeds, "--no-progress", stdout=io.StringIO())

    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()

    article = ArticlePage.objects.live().filter(source="").order_by("-date").first()
    theme = ThemePage.objects.live().first()
    pages = [
        ("baseline: bare Django view", "/__bench__/"),
        ("home", "/"),
        ("Kennislab listing", "/kennislab/"),
        ("listing, two filters", "/kennislab/?soort=news&jaar=2026"),
        ("listing, page 3", "/kennislab/?pagina=3"),
        ("article", article.url),
        ("theme page", theme.url),
        ("themes overview", "/themas/"),
        ("people", "/netwerkadviseurs/"),
        ("search", "/zoeken/?q=gezondheid+wijk"),
        ("agenda", "/agenda/"),
        ("not found (404)", "/bestaat-niet/"),
    ]
    client = Client()
    count = ArticlePage.objects.live().count()
    out(
        f"Page benchmark — {count} items, {engine}, {REQUESTS} requests per page after "
        f"{WARMUP} warm-up; rendered (page cache off) and served by the anonymous page cache"
    )
    out(
        row("", "render med", "render p95", "queries", "× base", "changed", "cache med",
            "cache p95", widths=WIDTHS)
    )  # fmt: skip
    base = None
    for label, url in pages:
        settings.PAGE_CACHE_SECONDS = 0
        for _ in range(WARMUP):
            client.get(url)
        rendered = seconds(lambda url=url: client.get(url), REQUESTS)
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        queries = len(captured.captured_queries)

        def after_change(url=url):
            bump_generation()
            client.get(url)

        changed = seconds(after_change, CHANGED_REQUESTS)
        settings.PAGE_CACHE_SECONDS = 600
        client.get(url)
        from_cache = seconds(lambda url=url: client.get(url), REQUESTS)
        base = base or median(rendered)
        out(
            row(
                f"{label} [{status}]",
                f"{median(rendered) * 1000:.1f} ms",
                f"{p95(rendered) * 1000:.1f} ms",
                queries,
                f"{median(rendered) / base:.0f}",
                f"{median(changed) * 1000:.1f} ms",
                f"{median(from_cache) * 1000:.1f} ms",
                f"{p95(from_cache) * 1000:.1f} ms",
                widths=WIDTHS,
            )
        )


if __name__ == "__main__":
    main()
