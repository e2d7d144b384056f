"""make bench-api: response times of the public API on the demo content.

Loads the demo content into a scratch database and requests the API through Django's test
client (full middleware stack, serialisation, queries), uncached: the anonymous page cache
does not serve /api/, and every request is a new one (no If-None-Match). The baseline is a bare
Django view through the same client. Goal (issue 16): GET /api/v1/items?limit=50 median ≤ 20 ms.
"""

import io

from .common import median, out, p95, row, seconds, setup_django

REQUESTS = 50
WARMUP = 5
GOAL_MS = 20


def main():
    engine = setup_django("api")
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import clear_url_caches, path

    from kennislab import urls as root_urls
    from kennislab.content.models import ArticlePage

    call_command("load_demo", stdout=io.StringIO())
    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()

    article = ArticlePage.objects.live().public().order_by("-date").first()
    client = Client()
    first_event = client.get("/api/v1/events", {"limit": 1}).json()["items"]
    endpoints = [
        ("baseline: bare Django view", "/__bench__/"),
        ("items?limit=50", "/api/v1/items?limit=50"),
        (
            "items?limit=50, theme + year",
            "/api/v1/items?limit=50&theme=mentale-gezondheid&year=2026",
        ),
        ("items?limit=20&offset=20", "/api/v1/items?limit=20&offset=20"),
        ("items/{id}", f"/api/v1/items/{article.pk}"),
        ("events", "/api/v1/events"),
        ("events?past=true", "/api/v1/events?past=true"),
    ]
    if first_event:
        endpoints.append(("events/{id}", f"/api/v1/events/{first_event[0]['id']}"))
    endpoints += [
        ("kennisvouchers", "/api/v1/kennisvouchers"),
        ("openapi.json", "/api/v1/openapi.json"),
    ]
    count = ArticlePage.objects.live().public().count()
    out(
        f"API benchmark — {count} items, {engine}, {REQUESTS} requests per endpoint after "
        f"{WARMUP} warm-up; uncached (no page cache, no If-None-Match)"
    )
    out(row("", "median", "p95", "queries", "× base", "status", "bytes"))
    base = None
    results = {}
    for label, url in endpoints:
        for _ in range(WARMUP):
            client.get(url)
        timings = seconds(lambda url=url: client.get(url), REQUESTS)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        base = base or median(timings)
        results[label] = median(timings)
        out(
            row(
                label,
                f"{median(timings) * 1000:.1f} ms",
                f"{p95(timings) * 1000:.1f} ms",
                len(captured.captured_queries),
                f"{median(timings) / base:.0f}",
                response.status_code,
                len(response.content),
            )
        )
    items_ms = results["items?limit=50"] * 1000
    verdict = "met" if items_ms <= GOAL_MS else "NOT met"
    out(f"Goal: items?limit=50 median ≤ {GOAL_MS} ms — {items_ms:.1f} ms, {verdict}.")


if __name__ == "__main__":
    main()
