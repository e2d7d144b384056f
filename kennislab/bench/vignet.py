"""make bench-vignet: the criteria engine, and the vignet's pages and form through Django.

1. The engine (criteria.assess_data) on applications of 1, 10 and 30 activities; baseline: a
   json round trip of the same application, so the ratio shows what judging costs on top of
   reading the input.
2. The pages and the form through Django's test client (full middleware, templates, queries) on
   a scratch database with the demo content plus 1,000 extra holders; baseline: a bare Django
   view through the same client. The form is in steps: step 1 of a new application (creates a
   draft and queues its link), step 3 of a draft (three activity rows, "Opslaan en verder"), the
   check page, and the live verdict of step 3 (nothing stored).
"""

import io
import json
import logging
from datetime import date, timedelta

from .common import median, out, p95, row, seconds, setup_django

REPEAT_ENGINE = 2000
REQUESTS = 60
WARMUP = 5
HOLDERS = 1000


def application(activities: int) -> dict:
    themes = [
        "bewegen",
        "roken",
        "alcohol-drugs-medicijnen",
        "voeding",
        "ontspanning-mentale-balans",
    ]
    return {
        "organisation": "Voorbeeld BV",
        "assessed_on": "2026-06-01",
        "target_group_size": 200,
        "baseline": {"date": "2025-01-15", "participants": 120},
        "expert_guidance": {"name": "Begeleider", "organisation": "Bureau"},
        "activities": [
            {
                "theme": themes[number % 5],
                "title": f"Activiteit {number}",
                "start": (date(2025, 2, 1) + timedelta(days=7 * number)).isoformat(),
                "end": None,
                "participants": 30 + number,
                "target_group_size": None,
            }
            for number in range(activities)
        ],
        "renewal_of": None,
    }


def form_data(organisation: str) -> dict:
    """Every step's fields at once (each step reads its own)."""
    data = {
        "organisation": organisation,
        "contact_name": "Bench Test",
        "email": "bench@kennislab.example",
        "consent": "on",
        "target_group_size": "80",
        "baseline_date": "2025-01-10",
        "baseline_method": "vragenlijst",
        "baseline_participants": "50",
        "guidance_name": "Begeleider",
        "guidance_organisation": "Bureau",
        "action": "next",
        "activiteit-TOTAL_FORMS": "3",
        "activiteit-INITIAL_FORMS": "0",
        "activiteit-MIN_NUM_FORMS": "0",
        "activiteit-MAX_NUM_FORMS": "30",
    }
    for number, theme in enumerate(["bewegen", "voeding", "roken"]):
        data |= {
            f"activiteit-{number}-theme": theme,
            f"activiteit-{number}-title": f"Activiteit {number}",
            f"activiteit-{number}-start": "2025-02-01",
            f"activiteit-{number}-participants": str(18 + number),
        }
    return data


def bench_draft(client) -> str:
    """A draft made through the form (steps 1, 2 and 4; step 3 is timed): its step-URL root."""
    response = client.post("/vignet/aanvragen/", form_data("Bench draft"))
    assert response.status_code == 303, response.status_code
    root = response["Location"].split("stap/")[0]
    for number in (2, 4):
        client.post(f"{root}stap/{number}/", form_data("Bench draft"))
    return root


def engine_rows():
    from kennislab.vignet import criteria

    out(f"Criteria engine — {REPEAT_ENGINE} runs each")
    out(row("", "median", "p95", "", "× base"))
    for activities in (1, 10, 30):
        data = application(activities)
        text = json.dumps(data)
        base = seconds(lambda text=text: json.loads(text), REPEAT_ENGINE)
        judged = seconds(lambda data=data: criteria.assess_data(data), REPEAT_ENGINE)
        out(
            row("baseline: json.loads", f"{median(base) * 1e6:.1f} µs", f"{p95(base) * 1e6:.1f} µs")
        )
        out(
            row(
                f"assess, {activities} activities",
                f"{median(judged) * 1e6:.1f} µs",
                f"{p95(judged) * 1e6:.1f} µs",
                "",
                f"{median(judged) / median(base):.0f}",
            )
        )


def main():
    engine = setup_django("vignet")
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import clear_url_caches, path
    from django.utils import timezone

    from kennislab import urls as root_urls
    from kennislab.vignet.models import Application, Vignet

    engine_rows()
    out()
    settings.PAGE_CACHE_SECONDS = 0
    call_command("load_demo", stdout=io.StringIO())
    template = Vignet.objects.first()
    today = timezone.localdate()
    Vignet.objects.bulk_create(
        Vignet(
            organisation=f"Bedrijf {number:04d}",
            place=f"Plaats {number % 40}",
            contact_name="x",
            email="x@kennislab.example",
            first_awarded_on=today,
            awarded_on=today,
            valid_from=today,
            valid_until=today + timedelta(days=700),
            application=template.application,
            public_id=f"bench{number:06d}",
        )
        for number in range(HOLDERS)
    )
    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()
    client = Client()
    counter = iter(range(10**6))
    holder = Vignet.objects.exclude(public_id__startswith="bench").first()
    draft = bench_draft(client)
    token = draft.rstrip("/").rsplit("/", 1)[-1]
    requests = [
        ("baseline: bare Django view", "get", "/__bench__/", None),
        ("vignet page", "get", "/vignet/", None),
        ("step 1, empty form", "get", "/vignet/aanvragen/", None),
        ("register (1,000+ holders)", "get", "/vignet/register/", None),
        ("register, search", "get", "/vignet/register/?q=plaats+12", None),
        ("verification page", "get", f"/vignet/controle/{holder.public_id}/", None),
        ("badge (SVG)", "get", f"/vignet/controle/{holder.public_id}/badge.svg", None),
        ("step 3 of a draft", "get", f"{draft}stap/3/", None),
        ("check page", "get", f"{draft}stap/5/", None),
        (
            "live verdict, step 3 (POST, no save)",
            "post",
            "/vignet/aanvragen/oordeel/",
            lambda: form_data("Bench") | {"stap": "3", "token": token},
        ),
        (
            "step 1: a new draft (POST)",
            "post",
            "/vignet/aanvragen/",
            lambda: form_data(f"Bench {next(counter)}"),
        ),
        (
            "step 3: save 3 activities (POST)",
            "post",
            f"{draft}stap/3/",
            lambda: form_data("Bench draft"),
        ),
    ]
    out(
        f"Vignet pages — {engine}, {Vignet.objects.count()} vignets, {REQUESTS} requests each "
        f"after {WARMUP} warm-up (page cache off)"
    )
    out(row("", "median", "p95", "queries", "× base"))
    base = None
    for label, method, url, data in requests:

        def call(method=method, url=url, data=data):
            return getattr(client, method)(url, data() if data else None)

        for _ in range(WARMUP):
            call()
        timings = seconds(call, REQUESTS)
        with CaptureQueriesContext(connection) as captured:
            status = call().status_code
        base = base or median(timings)
        out(
            row(
                f"{label} [{status}]",
                f"{median(timings) * 1000:.1f} ms",
                f"{p95(timings) * 1000:.1f} ms",
                len(captured.captured_queries),
                f"{median(timings) / base:.0f}",
            )
        )
    stored = Application.objects.filter(organisation__startswith="Bench ").count()
    out(
        f"drafts stored by the benchmark: {stored} (one per step-1 save, plus the draft whose "
        "step 3 is saved again and again; the live verdict stores none)"
    )


if __name__ == "__main__":
    main()
