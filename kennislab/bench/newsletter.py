"""Sending a newsletter issue to 10,000 confirmed subscribers with mixed theme preferences.

`make bench-newsletter` runs it on SQLite and, where reachable, PostgreSQL:

1. build and queue: every subscriber's message (their sections, name and unsubscribe link)
   written to the outbox in batches, without sending: time and the process's peak memory;
2. delivery at the configured rate (NEWSLETTER_RATE_PER_MINUTE) to a local SMTP sink
   (aiosmtpd) for two rounds of the sending task, waiting for the minute between them as the
   worker does: messages per minute;
3. the rest without a cap: what the sink and the outbox manage per second;
4. the same issue again: a second run sends 0, and scheduling it again is refused.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import random
import resource
import socket
import time
from datetime import timedelta
from pathlib import Path

from kennislab.bench.common import out, setup_django

SUBSCRIBERS = 10_000


def peak_mb() -> float:
    """The process's peak resident memory since reset_peak() (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_mb()


def reset_peak() -> None:
    """Free what the set-up left and start a new peak (Linux: clear_refs 5 resets VmHWM)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def make_subscribers(count: int, seed: int = 7) -> dict:
    from kennislab.content.models import Theme
    from kennislab.newsletter.models import (
        Status,
        Subscriber,
        key_hash,
        new_unsubscribe_seed,
        unsubscribe_key_for,
    )

    themes = list(Theme.objects.values_list("pk", flat=True))
    rng = random.Random(seed)  # noqa: S311 — a repeatable mix, not a secret
    rows, links = [], []
    for n in range(count):
        seed_value = new_unsubscribe_seed()
        address = f"lezer{n}@bench.example"
        rows.append(
            Subscriber(
                email=address, email_key=address, name=f"Lezer {n}" if n % 3 else "",
                status=Status.CONFIRMED, consent_text="Bench.", unsubscribe_seed=seed_value,
                unsubscribe_hash=key_hash(unsubscribe_key_for(seed_value)),
            )
        )  # fmt: skip
    Subscriber.objects.bulk_create(rows, batch_size=1000)
    through = Subscriber.themes.through
    for subscriber in Subscriber.objects.filter(email_key__endswith="@bench.example"):
        if rng.random() < 0.3:
            continue  # no preference: everything
        for theme in rng.sample(themes, rng.randint(1, 3)):
            links.append(through(subscriber_id=subscriber.pk, theme_id=theme))
    through.objects.bulk_create(links, batch_size=2000)
    without = count - len({link.subscriber_id for link in links})
    return {"themes": len(themes), "links": len(links), "without": without}


def make_issue():
    from kennislab.content.models import ArticlePage, Theme
    from kennislab.content.site import ensure_home, ensure_kennislab_index
    from kennislab.newsletter.models import NewsletterIndexPage, NewsletterIssuePage

    index = ensure_kennislab_index()
    sections = [
        {"type": "section", "value": {"heading": "Voor iedereen", "theme": None, "content": [
            {"type": "text", "value": "<p>Nieuws uit het netwerk voor iedereen.</p>"}]}},
    ]  # fmt: skip
    for number, theme in enumerate(Theme.objects.all()):
        items = []
        for part in range(2):
            page = ArticlePage(
                title=f"Item {part + 1} over {theme.name}", slug=f"item-{number}-{part}",
                date="2026-11-01", intro="Wat gemeenten en scholen samen deden. " * 4,
            )  # fmt: skip
            index.add_child(instance=page)
            page.themes.set([theme])
            page.save_revision().publish()
            items.append({"type": "item", "value": {"page": page.pk, "note": ""}})
        sections.append({"type": "section", "value": {"heading": theme.name, "theme": theme.pk,
                                                      "content": items}})  # fmt: skip
    newsletters = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief")
    ensure_home().add_child(instance=newsletters)
    issue = NewsletterIssuePage(title="Nieuwsbrief december", slug="december", live=False,
                                subject="Nieuw in december", intro="Wat er nieuw is.",
                                body=sections)  # fmt: skip
    newsletters.add_child(instance=issue)
    issue.save_revision().publish()
    return NewsletterIssuePage.objects.get(pk=issue.pk)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=SUBSCRIBERS)
    args = parser.parse_args(argv)
    engine = setup_django("newsletter")

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from kennislab.core.models import OutgoingEmail
    from kennislab.newsletter import sending
    from kennislab.newsletter.models import Delivery, Sending
    from kennislab.newsletter.render import IssueMail

    configured_rate = settings.NEWSLETTER_RATE_PER_MINUTE
    out(f"== make bench-newsletter on {engine}: {args.subscribers:,} confirmed subscribers")
    start = time.perf_counter()
    mix = make_subscribers(args.subscribers)
    issue = make_issue()
    out(f"set-up: {time.perf_counter() - start:.1f} s; {mix['themes']} themes, "
        f"{mix['without']:,} subscribers without a preference, {mix['links']:,} theme choices; "
        f"issue with {len(issue.body)} sections")  # fmt: skip

    # 1. build and queue everything (no sending), in batches, without the cap
    settings.NEWSLETTER_RATE_PER_MINUTE = 10**9  # the configured batch size, no cap
    planned = sending.schedule(issue, timezone.now() + timedelta(days=1))
    Sending.objects.filter(pk=planned.pk).update(
        status=Sending.Status.SENDING, scheduled_at=timezone.now()
    )
    planned.refresh_from_db()
    reset_peak()
    before = current_mb()
    start = time.perf_counter()
    mail = IssueMail(issue)
    built = 0
    while batch := sending.build_batch(planned, mail, issue=issue):
        built += len(batch)
    build_seconds = time.perf_counter() - start
    size = sum(len(body) + len(html) for body, html in
               OutgoingEmail.objects.values_list("body", "html_body")[:200]) / 200  # fmt: skip
    out(f"1. build and queue {built:,} messages: {build_seconds:.1f} s "
        f"({built / build_seconds:,.0f} per second), {len(mail._variants)} variants rendered, "
        f"~{size / 1024:.1f} kB per message, batches of {settings.NEWSLETTER_BATCH_SIZE}; "
        f"peak memory of the process while building {peak_mb():.0f} MB (at the start "
        f"{before:.0f} MB)")  # fmt: skip

    # 2. delivery at the configured rate to a local SMTP sink: two rounds of the task
    with socket.socket() as probe:  # a free port (the controller cannot start on port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = (
            "127.0.0.1",
            controller.server.sockets[0].getsockname()[1],
        )
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.NEWSLETTER_RATE_PER_MINUTE = configured_rate
        # the build above used this minute's window; the capped rounds start a minute later
        Delivery.objects.filter(sending=planned).update(
            created_at=timezone.now() - timedelta(minutes=2)
        )
        start = time.perf_counter()
        rounds = []
        for _round in range(2):
            began = time.perf_counter()
            result = sending.run(planned.pk)
            rounds.append((result.sent, time.perf_counter() - began))
            if _round == 0:
                time.sleep(max(0.0, 60 - (time.perf_counter() - began)))
        elapsed = time.perf_counter() - start
        sent = sum(n for n, _s in rounds)
        out(f"2. at NEWSLETTER_RATE_PER_MINUTE={configured_rate}: two rounds a minute apart "
            f"sent {' + '.join(f'{n} in {s:.1f} s' for n, s in rounds)} = {sent / 2:,.0f} per "
            f"minute (cap {configured_rate}; {elapsed:.0f} s in all); at this rate all "
            f"{built:,} take {built / configured_rate:.0f} min")  # fmt: skip

        # 3. the rest without a cap
        settings.NEWSLETTER_RATE_PER_MINUTE = 10**9
        start = time.perf_counter()
        result = sending.run(planned.pk)
        seconds = time.perf_counter() - start
        out(f"3. the remaining {result.sent:,} without a cap: {seconds:.1f} s "
            f"({result.sent / seconds:,.0f} per second through SMTP); "
            f"finished: {result.finished}")  # fmt: skip
    finally:
        controller.stop()

    # 4. once
    planned.refresh_from_db()
    again = sending.run(planned.pk)
    try:
        sending.schedule(issue)
        refused = "NOT refused"
    except sending.SendingError as error:
        refused = f"refused ({error})"
    copies = Delivery.objects.filter(sending=planned).values("subscriber").distinct().count()
    out(f"4. sending {planned.get_status_display().lower()}: {planned.sent_count:,} sent, "
        f"{planned.failed_count} failed, {copies:,} subscribers with one delivery each; a "
        f"second run sends {again.sent}; scheduling again {refused}")  # fmt: skip
    connection.close()


if __name__ == "__main__":
    main()
