"""make bench-campaigns: the campaign and agenda pages, feeds and forms through Django, and the
daily jobs, on a scratch database with the demo content plus ACTIVITIES extra approved
activities in the demo relay campaign (half of them incomplete) and PARTICIPANTS confirmed
participants (in teams of ten) in the demo edition of the 30-day challenge, each with days
ticked off (the previous edition had 3,000 participants, DOMAIN.md).

Baseline: a bare Django view through the same client, so the ratios show what a page costs on
top of Django's request handling. The pages are measured with the page cache off, then the ones
with live figures (agenda, event, campaign and challenge pages) from the page cache. POSTs:
registering an activity with only the required fields (stored, one e-mail queued) and signing up
for an event with room.
"""

import io
import logging
from datetime import datetime, time, timedelta

from .common import median, out, p95, row, seconds, setup_django

ACTIVITIES = 600
EVENT = "/agenda/werkplaats-gezonde-schoolpleinen/"
PARTICIPANTS = 3000
REQUESTS = 40
WARMUP = 5


def add_activities(campaign, count):
    from django.utils import timezone

    from kennislab.campaigns.models import Activity, ActivityStatus
    from kennislab.core.tokens import new_token

    weeks = campaign.weeks()
    expires = timezone.now() + timedelta(days=365)
    Activity.objects.bulk_create(
        Activity(
            campaign=campaign, status=ActivityStatus.APPROVED,
            province=weeks[number % 4].provinces[number % 3],
            organiser=f"Organisatie {number}", contact_name="x", email="x@kennislab.example",
            title=f"Activiteit {number}", kind=["webinar", "workshop", "market"][number % 3],
            date=weeks[number % 4].starts_on + timedelta(days=number % 5),
            starts_at=time(9 + number % 8) if number % 2 else None,
            online=bool(number % 2), location="Zaal", link="https://example.org",
            description="Beschrijving" if number % 2 else "", complete=bool(number % 2),
            token_hash=new_token()[1], token_expires_at=expires,
        )
        for number in range(count)
    )  # fmt: skip


def add_participants(page, count):
    from django.utils import timezone

    from kennislab.challenge.models import (
        CheckIn,
        Participant,
        Team,
        Theme,
        new_unsubscribe_fields,
    )

    themes = [value for value, _label in Theme.choices]
    now = timezone.now()
    teams = Team.objects.bulk_create(
        Team(page=page, name=f"Team {n}", code=f"B{n:07d}") for n in range(count // 10)
    )
    participants = Participant.objects.bulk_create(
        Participant(
            page=page, status="confirmed", name=f"Deelnemer {n}", email=f"d{n}@example.org",
            email_key=f"d{n}@example.org", theme=themes[n % len(themes)], goal="Elke dag wandelen",
            participation="join_team", team=teams[n // 10], consent_text="bench",
            confirmed_at=now, token_hash=f"bench{n:059d}",
            token_expires_at=now + timedelta(days=400),
            **new_unsubscribe_fields(),  # bulk_create does not call save()
        )
        for n in range(count)
    )  # fmt: skip
    CheckIn.objects.bulk_create(
        CheckIn(participant=participant, day=day)
        for participant in participants[: count // 3]
        for day in range(1, 6)
    )


def main():
    engine = setup_django("campaigns")
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
    from kennislab.campaigns import activities
    from kennislab.campaigns.models import Activity, RelayCampaignPage
    from kennislab.challenge import services as challenge
    from kennislab.challenge.models import ChallengePage, SentMessage
    from kennislab.core.pagecache import LIVE_SECONDS

    settings.PAGE_CACHE_SECONDS = 0
    call_command("load_demo", stdout=io.StringIO())
    campaign = RelayCampaignPage.objects.get()
    add_activities(campaign, ACTIVITIES)
    public = Activity.objects.filter(status="approved", complete=True).first()
    _activity, token = activities.register(campaign.pk, {
        "organiser": "Bench", "contact_name": "Bench", "email": "b@kennislab.example",
        "title": "Bench", "province": "utrecht"}, "bench")  # fmt: skip
    edition = ChallengePage.objects.get()
    add_participants(edition, PARTICIPANTS)
    signed_up = challenge.sign_up(edition.pk, {
        "name": "Bench", "email": "bench@example.org", "theme": "exercise", "goal": "Lopen",
        "participation": "alone"}, "bench")  # fmt: skip
    challenge.confirm(signed_up.participant)  # the check-in page, not the confirm button
    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()
    client = Client()
    counter = iter(range(10**6))
    slug = campaign.slug

    def activity_form():
        number = next(counter)
        return {"organiser": f"Bench {number}", "contact_name": "Bench Test",
                "email": f"bench{number}@kennislab.example", "title": f"Bench {number}",
                "province": "gelderland", "consent": "on"}  # fmt: skip

    def event_form():
        number = next(counter)
        return {"name": "Bench Test", "email": f"bench{number}@kennislab.example",
                "consent": "on"}  # fmt: skip

    def challenge_form():
        number = next(counter)
        return {"name": "Bench Test", "email": f"bench{number}@example.org",
                "theme": "sleep", "goal": "Om elf uur naar bed", "participation": "alone",
                "consent": "on"}  # fmt: skip

    requests = [
        ("baseline: bare Django view", "get", "/__bench__/", None),
        ("campaign page (all activities)", "get", campaign.url, None),
        ("campaign page, 2 filters", "get", f"{campaign.url}?regio=oost&vorm=online", None),
        ("activity page", "get", public.get_absolute_url(), None),
        ("agenda (events + activities)", "get", "/agenda/", None),
        ("agenda, 2 filters", "get", "/agenda/?vorm=online&soort=webinar", None),
        ("event page (places left)", "get", EVENT, None),
        ("agenda feed (.ics)", "get", "/agenda/feed.ics", None),
        ("campaign feed (.ics)", "get", f"/campagnes/{slug}.ics", None),
        ("region feed (.ics)", "get", f"/campagnes/{slug}/regio/oost.ics", None),
        ("activity form", "get", f"/campagnes/{slug}/aanmelden/", None),
        ("organiser's private page", "get", f"/campagnes/activiteit/{token}/", None),
        ("register an activity (POST)", "post", f"/campagnes/{slug}/aanmelden/", activity_form),
        ("challenge page (live figures)", "get", edition.url, None),
        ("challenge sign-up form", "get", f"/uitdaging/{edition.slug}/aanmelden/", None),
        ("participant's page (check-in)", "get", f"/uitdaging/deelname/{signed_up.token}/", None),
        ("challenge sign-up (POST)", "post", f"/uitdaging/{edition.slug}/aanmelden/",
         challenge_form),
        ("event sign-up (POST)", "post", "/agenda/werkplaats-gezonde-schoolpleinen/aanmelden/",
         event_form),
    ]  # fmt: skip
    total = Activity.objects.count()
    out(f"Campaign pages — {engine}, {total} activities, {REQUESTS} requests each after "
        f"{WARMUP} warm-up (page cache off)")  # fmt: skip
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
        out(row(f"{label} [{status}]", f"{median(timings) * 1000:.1f} ms",
                f"{p95(timings) * 1000:.1f} ms", len(captured.captured_queries),
                f"{median(timings) / base:.0f}"))  # fmt: skip

    # The pages with live figures come from the page cache for LIVE_SECONDS (core/pagecache.py).
    settings.PAGE_CACHE_SECONDS = 600
    out()
    out(f"From the page cache (kept {LIVE_SECONDS} s at most: live figures)")
    live = [("agenda", "/agenda/"), ("event page", EVENT), ("campaign page", campaign.url),
            ("challenge page", edition.url)]  # fmt: skip
    for label, url in live:
        first = client.get(url).get("X-Page-Cache")
        timings = seconds(lambda url=url: client.get(url), REQUESTS)
        again = client.get(url).get("X-Page-Cache")
        out(row(f"{label} [{first}, then {again}]", f"{median(timings) * 1000:.1f} ms",
                f"{p95(timings) * 1000:.1f} ms", "", f"{median(timings) / base:.0f}"))  # fmt: skip
    settings.PAGE_CACHE_SECONDS = 0

    # The daily reminders: the first run finds the incomplete activities whose week is near.
    first_week = campaign.weeks()[0].starts_on
    today = first_week - timedelta(days=10)
    started = datetime.now()
    sent = activities.send_reminders(today)
    first = (datetime.now() - started).total_seconds()
    started = datetime.now()
    again = activities.send_reminders(today)
    second = (datetime.now() - started).total_seconds()
    out()
    out(f"Daily activity reminders over {Activity.objects.count()} activities "
        f"(as on {today:%d-%m-%Y}): first run {sent} sent in {first * 1000:.0f} ms; "
        f"second run the same day {again} sent in {second * 1000:.0f} ms")  # fmt: skip
    day_one = edition.starts_on
    started = datetime.now()
    sent = challenge.send_support_messages(day_one)
    first = (datetime.now() - started).total_seconds()
    started = datetime.now()
    again = challenge.send_support_messages(day_one)
    second = (datetime.now() - started).total_seconds()
    out(f"Challenge support messages, day 1 ({day_one:%d-%m-%Y}), {PARTICIPANTS}+ confirmed "
        f"participants: first run {sent} queued in {first:.1f} s "
        f"({first / max(sent, 1) * 1000:.2f} ms each); second run {again} in "
        f"{second * 1000:.0f} ms; recorded {SentMessage.objects.count()}")  # fmt: skip
    stored = Activity.objects.filter(organiser__startswith="Bench ").count()
    out(f"activities stored by the POSTs: {stored} (one per POST); {timezone.now():%H:%M}")


if __name__ == "__main__":
    main()
