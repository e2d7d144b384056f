"""make bench-search-scale: indexing throughput and query latency at 10,000 and 100,000 items.

The corpus is synthetic: every item recombines 3–7 paragraphs of the demo content under a title
made of two halves of demo titles, with random type, themes, domains and date (seeded, so every
run builds the same corpus). 200 mixed queries (seeded too): common and rare single words, two-
and three-word queries, compounds, acronyms, typos and natural questions.

Prints, per corpus size: documents indexed per second (analysis + insert), compaction time, and
p50/p95 latency of the search call (ranking, facets and snippets: what the search page and the
API call) and of the whole /zoeken/ page (request through the full middleware stack). The
baseline is a bare Django view through the same test client.

While the index compacts, another process submits knowledge-voucher applications (a public form
that writes) one after another: p50/p95/max of those POSTs during compaction show how long a
visitor waits for the index (on SQLite a write waits for any other writer), next to the same
POST with nothing else running.

Quicker runs: SEARCH_SCALE_SIZES=2000,10000 (default 10000,100000) and SEARCH_SCALE_QUERIES=50
(default 200), or --sizes / --queries.
"""

from __future__ import annotations

import argparse
import io
import logging
import multiprocessing
import os
import random
import re
import time
import warnings
from datetime import date, timedelta

from .common import median, out, p95, setup_django

SIZES = os.environ.get("SEARCH_SCALE_SIZES", "10000,100000")
QUERIES = int(os.environ.get("SEARCH_SCALE_QUERIES", "200"))
SEED = 20261123
VOUCHER_SCHEME = "positieve-gezondheid-2026"  # the demo scheme, opened for the benchmark
POST_PAUSE = 0.05  # seconds between two applications of the posting process
IDLE_SECONDS = 3.0  # POSTs with nothing else running, before compaction starts


def corpus_parts():
    from kennislab.content.demo import data

    paragraphs, titles = [], []
    for article in data.ARTICLES:
        titles.append(article["title"])
        paragraphs.append(article["intro"])
        for kind, value in article["body"]:
            if kind == "paragraph":
                paragraphs.append(value)
            elif kind in ("list", "numbered"):
                paragraphs.append(" ".join(value))
            elif kind == "quote":
                paragraphs.append(value["text"])
    return paragraphs, titles


def synthetic_documents(count: int, start: int = 0):
    from kennislab.content.models import ItemType
    from kennislab.search.documents import ASIDE, BODY, TITLE, DocumentData

    paragraphs, titles = corpus_parts()
    halves = [re.split(r"(?<=\w)[:–] | (?=\w+$)", t, maxsplit=1) for t in titles]
    heads = [h[0] for h in halves]
    tails = [h[-1] for h in halves]
    types = ItemType.values
    themes = ["positieve-gezondheid", "mentale-gezondheid", "groen-en-gezondheid", "leefstijl",
              "preventie", "jeugd-en-gezin", "werk-en-vitaliteit", "wijk-en-sociale-basis",
              "zorginnovatie", "regio-en-transformatie", "onderwijs-en-opleiding"]  # fmt: skip
    domains = ["wijk", "school", "werk", "zorg", "regio"]
    rng = random.Random(SEED + start)  # noqa: S311 — a reproducible corpus, not a secret
    first = date(2018, 1, 1)
    for number in range(start, start + count):
        title = f"{rng.choice(heads)}: {rng.choice(tails)}"
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 7)))
        chosen = rng.sample(themes, rng.randint(1, 3))
        yield DocumentData(
            key=f"bench.item:{number}",
            kind="article",
            url=f"/kennislab/synthetisch-{number}/",
            title=title,
            fields=[(title, TITLE), (body, BODY), (" ".join(chosen), ASIDE)],
            text=body,
            date=first + timedelta(days=rng.randrange(3200)),
            item_type=rng.choice(types),
            themes=chosen,
            domains=rng.sample(domains, rng.randint(1, 2)),
        )


def mixed_queries(count: int = QUERIES) -> list[str]:
    """A reproducible mix of query kinds built from the corpus vocabulary."""
    paragraphs, titles = corpus_parts()
    words = re.findall(r"[^\W\d_]{4,}", " ".join(paragraphs + titles).lower())
    frequency: dict[str, int] = {}
    for word in words:
        frequency[word] = frequency.get(word, 0) + 1
    vocabulary = sorted(frequency, key=lambda w: -frequency[w])
    common, rare = vocabulary[:300], vocabulary[300:]
    long_words = [w for w in vocabulary if len(w) >= 12]
    rng = random.Random(SEED)  # noqa: S311 — reproducible queries

    def typo(word):
        i = rng.randrange(1, len(word) - 1)
        return (
            word[:i] + word[i + 1 :]
            if rng.random() < 0.5
            else word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        )

    acronyms = ["GGD", "GGZ", "IZA", "GALA", "VWS", "mbo", "hbo", "Wmo", "JOGG", "VNG"]
    makers = [
        (0.20, lambda: rng.choice(common)),
        (0.15, lambda: rng.choice(rare)),
        (0.20, lambda: " ".join(rng.sample(common, 2))),
        (0.10, lambda: " ".join([rng.choice(common), rng.choice(rare), rng.choice(common)])),
        (0.10, lambda: rng.choice(long_words)),
        (0.05, lambda: f"{rng.choice(acronyms)} {rng.choice(common)}"),
        (0.10, lambda: typo(rng.choice([w for w in vocabulary[:800] if len(w) >= 6]))),
        (0.10, lambda: f"hoe kan ik {rng.choice(common)} en {rng.choice(rare)} verbeteren?"),
    ]
    queries = []
    for _ in range(count):
        pick, total = rng.random(), 0.0
        for share, make in makers:
            total += share
            if pick <= total:
                queries.append(make())
                break
        else:
            queries.append(makers[-1][1]())
    return queries


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f} ms"


# --- a form submitted from another process while the index compacts --------------------------


def open_voucher_form() -> str:
    """Open the demo voucher scheme (scratch database) and return an application form's path."""
    from datetime import timedelta

    from django.utils import timezone

    from kennislab.vouchers.models import GoodExamplePage, Scheme, VoucherSchemePage

    scheme = Scheme.objects.get(slug=VOUCHER_SCHEME)
    scheme.opens_at = timezone.now() - timedelta(hours=1)
    scheme.closes_at = None
    scheme.save(update_fields=["opens_at", "closes_at"])
    page = VoucherSchemePage.objects.get(scheme=scheme)
    example = GoodExamplePage.objects.live().child_of(page).order_by("path").first()
    return f"/kennisvouchers/{scheme.slug}/{example.slug}/aanvragen/"


def post_forms(database_url, database_name, path, ready, stop, results):
    """Child process: POST voucher applications until `stop` is set; puts a list of
    (start monotonic seconds, duration seconds, status) on `results`."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennislab.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django
    from django.conf import settings

    django.setup()
    settings.RATE_LIMITS_ENABLED = False
    if database_name:
        settings.DATABASES["default"]["NAME"] = database_name
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore")  # e.g. no collected static files in a benchmark
    from django.test import Client

    client = Client(raise_request_exception=False)
    timings = []
    number = 0
    ready.set()
    while not stop.is_set():
        number += 1
        data = {
            "organisation": f"Stichting Zoekbank {os.getpid()}-{number}",
            "organisation_type": "social_domain",
            "region": "Turfhaven",
            "contact_name": f"Aanvrager {number}",
            "email": f"zoekbank{number}@organisatie.example",
            "phone": "",
            "motivation": "We willen leren hoe de buurt zelf de regie neemt.",
            "own_contribution": "40 uur van een beleidsmedewerker en € 2.000 voor bijeenkomsten.",
            "consent": "on",
            "website": "",
        }
        start = time.monotonic()
        try:
            status = client.post(path, data).status_code
        except Exception:  # a failed request is a result here
            status = 0
        timings.append((start, time.monotonic() - start, status))
        time.sleep(POST_PAUSE)
    results.put(timings)


def compact_while_posting(path: str):
    """compact() with voucher applications POSTed from another process. Returns (compaction
    seconds, POSTs before compaction, POSTs overlapping it) as (duration, status) lists."""
    from django.conf import settings
    from django.db import connections

    from kennislab.search import indexer

    database = settings.DATABASES["default"]
    url = os.environ["DATABASE_URL"]
    name = database["NAME"] if "postgresql" in database["ENGINE"] else ""
    connections.close_all()
    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    child = context.Process(target=post_forms, args=(url, name, path, ready, stop, results))
    child.start()
    try:
        ready.wait(120)
        time.sleep(IDLE_SECONDS)
        begin = time.monotonic()
        indexer.compact()
        end = time.monotonic()
        time.sleep(0.5)
    finally:
        stop.set()
        timings = results.get(timeout=120)
        child.join(60)
    before = [(d, s) for t, d, s in timings if t + d < begin and t > begin - IDLE_SECONDS + 1]
    during = [(d, s) for t, d, s in timings if t < end and t + d > begin]
    return end - begin, before, during


def post_line(label: str, posts) -> str:
    if not posts:
        return f"  {label}: none"
    durations = [d for d, _ in posts]
    failed = sum(1 for _, status in posts if status != 303)
    return (
        f"  {label}: {len(posts)} POSTs, p50 {ms(median(durations))}   "
        f"p95 {ms(p95(durations))}   max {ms(max(durations))}   failed {failed}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=SIZES)
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--no-page", action="store_true", help="only the search call")
    parser.add_argument(
        "--no-posts", action="store_true", help="compact without a form POSTed meanwhile"
    )
    args = parser.parse_args(argv)
    engine = setup_django("scale")
    logging.getLogger("django.request").setLevel(logging.ERROR)

    from django.core.management import call_command
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path

    from kennislab import urls as root_urls
    from kennislab.search import indexer, service
    from kennislab.search.models import SearchDocument

    call_command("load_demo", stdout=io.StringIO())  # the site around the search page
    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()
    client = Client()
    queries = mixed_queries(args.queries)
    form_path = open_voucher_form()
    loaded = SearchDocument.objects.count()
    out(f"Search scale benchmark — {engine}, {len(queries)} mixed queries per size")
    for size in [int(s) for s in args.sizes.split(",")]:
        start = time.perf_counter()
        added = indexer.bulk_load(synthetic_documents(size - loaded, start=loaded))
        load_seconds = time.perf_counter() - start
        if args.no_posts:
            start = time.perf_counter()
            indexer.compact()
            compact_seconds = time.perf_counter() - start
            idle_posts = during_posts = None
        else:
            compact_seconds, idle_posts, during_posts = compact_while_posting(form_path)
        loaded += added
        start = time.perf_counter()
        service.search("warm")  # the reader loads the new segment
        refresh_seconds = time.perf_counter() - start
        for query in queries[:20]:  # warm the posting cache like a running site
            service.search(query, facets=True)

        call = []
        for query in queries:
            t0 = time.perf_counter()
            service.search(query, facets=True)
            call.append(time.perf_counter() - t0)
        page, base = [], []
        if not args.no_page:
            for query in queries:
                t0 = time.perf_counter()
                response = client.get("/zoeken/", {"q": query})
                page.append(time.perf_counter() - t0)
                assert response.status_code == 200, response.status_code
            for _ in range(50):
                t0 = time.perf_counter()
                client.get("/__bench__/")
                base.append(time.perf_counter() - t0)
        out(f"\n{loaded:,} items")
        rate = added / load_seconds
        out(
            f"  indexing: {rate:,.0f} items/s (analysis + insert, {load_seconds:.0f} s); "
            f"compaction {compact_seconds:.1f} s; reader load {refresh_seconds:.2f} s"
        )
        if during_posts is not None:
            out(post_line("voucher POST, nothing else running", idle_posts))
            out(post_line("voucher POST, during compaction  ", during_posts))
        out(f"  search call   p50 {ms(median(call))}   p95 {ms(p95(call))}   max {ms(max(call))}")
        if page:
            out(
                f"  /zoeken/ page p50 {ms(median(page))}   p95 {ms(p95(page))}   "
                f"(bare view p50 {ms(median(base))})"
            )


if __name__ == "__main__":
    main()
