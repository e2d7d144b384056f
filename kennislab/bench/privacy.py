"""make bench-privacy: the retention job and a person's export and erasure at scale.

On a scratch database with the demo content, adds EXPIRED records past their term, spread over
the register's rules as they select them (kennislab/*/privacy.py): 40,000 registrations for
events more than 3 months ago, 20,000 voucher applications rejected more than a year ago, 20,000
participants of a challenge edition long over, 10,000 questions answered more than a year ago and
10,000 sent mails older than a year (bulk_create, in chunks). Then times `privacy.services.purge()`
(wall time; peak memory by tracemalloc in a separate round, and the growth of the process's
maximum resident set), prints the records per rule, and checks that a second purge does nothing
and that the counts that must stay (registrations per event, participants per edition, voucher
applications, questions) did. Each round adds a fresh set, so later rounds also pass the rows
anonymised before (as the daily job does in production).

Baseline for the purge: a bare `Model.objects.filter(pk__in=batch).update(field=F(field))` of
the same rows in the same batches of 500, one transaction per batch: what touching the rows costs
without the register.

Then one heavy person with about 1,000 records over the apps (mails, questions, registrations,
voucher applications, interest registrations, stories, pledges, a challenge participation):
`services.export(address)` (median and p95 of EXPORTS runs; baseline: the same lookups as bare
querysets, `list(Model.objects.filter(<address>__iexact=…))`) and `services.erase(address)`
(ERASES runs, the person made again before each; baseline: a bare update of the same rows).
"""

import gc
import io
import itertools
import logging
import resource
import sys
import time
import tracemalloc
from collections import Counter
from datetime import timedelta

from .common import median, out, p95, row, seconds, setup_django

CHUNK = 2000
SEED = {"registrations": 40_000, "vouchers": 20_000, "participants": 20_000,
        "questions": 10_000, "mails": 10_000}  # fmt: skip
ROUNDS = 3  # timed without tracemalloc; one more round measures memory
EXPORTS = 9
ERASES = 5
HEAVY = "zwaar.gebruiker@voorbeeld.example"
_numbers = itertools.count(1)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def chunked(make, total: int, model) -> int:
    """bulk_create `total` rows made by `make(n)` in chunks (memory stays flat)."""
    for start in range(0, total, CHUNK):
        model.objects.bulk_create([make(next(_numbers)) for _ in range(min(CHUNK, total - start))])
    return total


# --- the scenery ----------------------------------------------------------------------------


def age_the_demo(now):
    """Past events more than a term ago, the challenge edition long over (the demo's dates are
    relative to today)."""
    from django.db.models import F

    from kennislab.campaigns.models import EventPage
    from kennislab.challenge.models import ChallengePage

    EventPage.objects.filter(starts_at__lt=now).update(
        starts_at=F("starts_at") - timedelta(days=400), ends_at=F("ends_at") - timedelta(days=400)
    )
    ChallengePage.objects.update(starts_on=(now - timedelta(days=500)).date())


def seed_expired(now, sizes: dict) -> dict:
    """The expired records of one round, per kind."""
    from django.db.models import Max

    from kennislab.campaigns.models import EventPage, Registration
    from kennislab.campaigns.models import Status as RegistrationStatus
    from kennislab.challenge.models import ChallengePage, Participant, new_unsubscribe_fields
    from kennislab.content.models import Theme
    from kennislab.core.models import OutgoingEmail
    from kennislab.questions.models import Question, QuestionStatus
    from kennislab.vouchers.models import Application, GoodExamplePage, Scheme
    from kennislab.vouchers.models import Status as VoucherStatus

    old = now - timedelta(days=400)
    expires = now + timedelta(days=30)
    events = list(EventPage.objects.filter(starts_at__lt=now - timedelta(days=100)))
    next_sequence = {
        event.pk: (event.registrations.aggregate(m=Max("sequence"))["m"] or 0) + 1
        for event in events
    }

    def registration(n):
        event = events[n % len(events)]
        sequence = next_sequence[event.pk]
        next_sequence[event.pk] += 1
        return Registration(
            event=event, sequence=sequence, status=RegistrationStatus.REGISTERED,
            name=f"Deelnemer {n}", email=f"aanmelding{n}@bench.example",
            email_key=f"aanmelding{n}@bench.example", organisation="Bankorganisatie",
            dietary="Vegetarisch", access_needs="", consent=True, consent_text="Ja.",
            created_at=old, token_hash=f"bench-registration-{n}", token_expires_at=expires,
        )  # fmt: skip

    scheme = Scheme.objects.order_by("pk").first()
    examples = list(GoodExamplePage.objects.order_by("pk"))
    sequence = itertools.count(
        (Application.objects.filter(scheme=scheme).aggregate(m=Max("sequence"))["m"] or 0) + 1
    )

    def voucher(n):
        return Application(
            scheme=scheme, example=examples[n % len(examples)], sequence=next(sequence),
            received_at=old, status=VoucherStatus.REJECTED, decided_at=old,
            reference=f"KV-B-{n}", organisation=f"Bankorganisatie {n}",
            organisation_key=f"bankorganisatie {n}", organisation_type="other",
            contact_name="Bench Persoon", email=f"voucher{n}@bench.example", phone="030 1234567",
            motivation="Motivatie.", own_contribution="Inzet.", consent=True,
            decision_note="Past niet.", token_hash=f"bench-voucher-{n}", token_expires_at=expires,
        )  # fmt: skip

    edition = ChallengePage.objects.get()

    def participant(n):
        return Participant(
            page=edition, status="confirmed", name=f"Deelnemer {n}",
            email=f"uitdaging{n}@bench.example", email_key=f"uitdaging{n}@bench.example",
            theme="exercise", goal="Elke dag wandelen", participation="alone",
            consent_text="Ja.", created_at=old, confirmed_at=old,
            token_hash=f"bench-participant-{n}", token_expires_at=expires,
            **new_unsubscribe_fields(),  # bulk_create does not call save()
        )  # fmt: skip

    themes = list(Theme.objects.order_by("pk"))

    def question(n):
        return Question(
            theme=themes[n % len(themes)], status=QuestionStatus.ANSWERED, name=f"Vrager {n}",
            email=f"vraag{n}@bench.example", phone="06 12345678", question="Een vraag?",
            answer="Een antwoord.", created_at=old, updated_at=old,
        )  # fmt: skip

    def mail(n):
        return OutgoingEmail(
            to=f"post{n}@bench.example", subject=f"Je aanmelding {n}", body="Beste Bench,\n" * 20,
            status=OutgoingEmail.Status.SENT, sent_at=old, attempts=1,
            attachments=[["uitnodiging.ics", "BEGIN:VCALENDAR", "text/calendar"]],
        )  # fmt: skip

    made = {
        "registrations": chunked(registration, sizes["registrations"], Registration),
        "vouchers": chunked(voucher, sizes["vouchers"], Application),
        "participants": chunked(participant, sizes["participants"], Participant),
        "questions": chunked(question, sizes["questions"], Question),
    }
    first_mail = OutgoingEmail.objects.aggregate(m=Max("pk"))["m"] or 0
    made["mails"] = chunked(mail, sizes["mails"], OutgoingEmail)
    # created_at is auto_now_add: age the new mails afterwards
    OutgoingEmail.objects.filter(pk__gt=first_mail, to__endswith="@bench.example").update(
        created_at=old
    )
    return made


def invariants() -> dict:
    """What a purge must leave as it was (rows anonymised, not deleted), and what it must end."""
    from django.db.models import Count

    from kennislab.campaigns.models import Registration
    from kennislab.challenge.models import Participant
    from kennislab.questions.models import Question
    from kennislab.vouchers.models import Application

    return {
        "registrations per event": dict(
            Registration.objects.values_list("event").annotate(n=Count("pk")).order_by("event")
        ),
        "participants per edition": dict(
            Participant.objects.values_list("page").annotate(n=Count("pk")).order_by("page")
        ),
        "voucher applications": Application.objects.count(),
        "questions": Question.objects.count(),
    }


def leftovers(now) -> dict:
    """Seeded personal data still there after a purge (must be none)."""
    from kennislab.campaigns.models import Registration
    from kennislab.challenge.models import Participant
    from kennislab.core.models import OutgoingEmail
    from kennislab.questions.models import Question
    from kennislab.vouchers.models import Application

    bench = "@bench.example"
    return {
        "registrations": Registration.objects.filter(email__endswith=bench).count(),
        "vouchers": Application.objects.filter(email__endswith=bench).count(),
        "participants": Participant.objects.filter(email__endswith=bench).count(),
        "questions": Question.objects.filter(email__endswith=bench).count(),
        "mails older than a year": OutgoingEmail.objects.filter(
            created_at__lt=now - timedelta(days=365)
        ).count(),
    }


# --- purging ------------------------------------------------------------------------------------


def due_rows(now) -> list[tuple]:
    """(entry, rule, pks) of everything due now, for the baseline."""
    from kennislab.privacy import register, services

    return [
        (entry, rule, list(services._due(entry, rule, now).values_list("pk", flat=True)))
        for entry, rule in register.rules()
    ]


def bare_updates(due: list[tuple]) -> int:
    """The baseline: touch the same rows in the same batches, without the register."""
    from django.db import transaction
    from django.db.models import F

    from kennislab.privacy.services import BATCH

    touched = 0
    for entry, _rule, pks in due:
        meta = entry.model._meta
        column = next(name for name in entry.fields if meta.get_field(name).concrete)
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            with transaction.atomic():
                touched += entry.model.objects.filter(pk__in=batch).update(**{column: F(column)})
    return touched


def purge_round(now, *, traced: bool) -> dict:
    from kennislab.privacy import services

    gc.collect()
    before_rss, before_max = rss_mb(), max_rss_mb()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    results = services.purge(now)
    wall = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
    if traced:
        tracemalloc.stop()
    return {
        "wall": wall, "results": results, "peak": peak, "rss_before": before_rss,
        "rss_after": rss_mb(), "max_before": before_max, "max_after": max_rss_mb(),
    }  # fmt: skip


# --- one heavy person ----------------------------------------------------------------------------


def make_heavy(address: str, now) -> dict:
    """About 1,000 records of one address over the apps (nothing held, nothing pending)."""
    from django.db.models import Max

    from kennislab.campaigns.models import EventPage, Registration
    from kennislab.campaigns.models import Status as RegistrationStatus
    from kennislab.challenge.models import ChallengePage, Participant
    from kennislab.content.models import Theme
    from kennislab.core.models import OutgoingEmail
    from kennislab.network.models import Pledge, PledgeStatus, Story, StoryStatus
    from kennislab.questions.models import InterestRegistration, LearningCommunity, Question
    from kennislab.vouchers.models import Application, GoodExamplePage, Scheme
    from kennislab.vouchers.models import Status as VoucherStatus

    recent = now - timedelta(days=20)
    expires = now + timedelta(days=30)
    name = "Zwaar Gebruiker"
    made = Counter()
    mails = [OutgoingEmail(to=address, subject=f"Bericht {n} voor {name}",
                           body=f"Beste {name},\n\nDank je wel.\n", status="sent", sent_at=recent)
             for n in range(300)]  # fmt: skip
    made["mails"] = len(OutgoingEmail.objects.bulk_create(mails))
    themes = list(Theme.objects.order_by("pk"))
    made["questions"] = len(Question.objects.bulk_create(
        Question(theme=themes[n % len(themes)], name=name, email=address, phone="06 12345678",
                 question=f"Vraag {n}?", status="answered" if n % 2 else "open")
        for n in range(200)
    ))  # fmt: skip
    event = EventPage.objects.filter(starts_at__lt=now).order_by("pk").first()
    sequence = itertools.count((event.registrations.aggregate(m=Max("sequence"))["m"] or 0) + 1)
    made["registrations"] = len(Registration.objects.bulk_create(
        Registration(event=event, sequence=next(sequence), status=RegistrationStatus.CANCELLED,
                     name=name, email=address, email_key=address, dietary="Geen noten",
                     consent=True, token_hash=f"bench-heavy-{next(_numbers)}",
                     token_expires_at=expires)
        for _ in range(200)
    ))  # fmt: skip
    scheme = Scheme.objects.order_by("pk").first()
    examples = list(GoodExamplePage.objects.order_by("pk"))
    voucher_sequence = itertools.count(
        (Application.objects.filter(scheme=scheme).aggregate(m=Max("sequence"))["m"] or 0) + 1
    )
    made["vouchers"] = len(Application.objects.bulk_create(
        Application(scheme=scheme, example=examples[n % len(examples)],
                    sequence=next(voucher_sequence), status=VoucherStatus.REJECTED,
                    received_at=recent, decided_at=recent, organisation=f"Zwaar BV {n}",
                    organisation_key=f"zwaar bv {n} {next(_numbers)}", organisation_type="other",
                    contact_name=name, email=address, motivation="M.", own_contribution="I.",
                    consent=True, token_hash=f"bench-heavy-{next(_numbers)}",
                    token_expires_at=expires)
        for n in range(100)
    ))  # fmt: skip
    community = LearningCommunity.objects.order_by("pk").first()
    if community is not None:
        made["interest"] = len(InterestRegistration.objects.bulk_create(
            InterestRegistration(community=community, name=name, email=address,
                                 organisation="Zwaar BV", motivation="Graag.",
                                 status="not_suitable")
            for _ in range(100)
        ))  # fmt: skip
    made["stories"] = len(Story.objects.bulk_create(
        Story(status=StoryStatus.SUBMITTED, title=f"Verhaal {n}", summary="S.",
              what_was_done="D.", what_worked="W.", lessons="L.", contact_name=name,
              email=address, organisation="Zwaar BV", consent_text="Ja.")
        for n in range(50)
    ))  # fmt: skip
    made["pledges"] = len(Pledge.objects.bulk_create(
        Pledge(status=PledgeStatus.SUBMITTED, slug=f"zwaar-{next(_numbers)}",
               organisation="Zwaar BV", contact_name=name, email=address, province="utrecht",
               commitments="Afspraken.", consent_text="Ja.",
               token_hash=f"bench-heavy-{next(_numbers)}", token_expires_at=expires)
        for _ in range(50)
    ))  # fmt: skip
    edition = ChallengePage.objects.get()
    Participant.objects.filter(page=edition, email_key=address).delete()
    Participant.objects.create(
        page=edition, status="confirmed", name=name, email=address, email_key=address,
        theme="exercise", goal="Elke dag wandelen", participation="alone", consent_text="Ja.",
        token_hash=f"bench-heavy-{next(_numbers)}", token_expires_at=expires,
    )  # fmt: skip
    made["participants"] = 1
    return dict(made)


def bare_lookups(address: str) -> int:
    """Export's baseline: the same address lookups as bare querysets."""
    from kennislab.privacy import register

    found = 0
    for entry in register.entries():
        if entry.person is not None and entry.find is None:
            found += len(list(entry.model.objects.filter(**{f"{entry.person}__iexact": address})))
    return found


def bare_erase_updates(address: str) -> int:
    from django.db import transaction
    from django.db.models import F

    from kennislab.privacy import register

    touched = 0
    with transaction.atomic():
        for entry in register.entries():
            if entry.person is None or entry.find is not None or "__" in entry.person:
                continue
            pks = list(
                entry.model.objects.filter(**{f"{entry.person}__iexact": address}).values_list(
                    "pk", flat=True
                )
            )
            if pks:
                column = entry.person
                touched += entry.model.objects.filter(pk__in=pks).update(**{column: F(column)})
    return touched


def ms(value: float) -> str:
    return f"{value * 1000:.0f}" if value >= 0.1 else f"{value * 1000:.1f}"


def main():
    engine = setup_django("privacy")
    logging.getLogger("kennislab.privacy").setLevel(logging.WARNING)
    from django.core.management import call_command
    from django.utils import timezone

    from kennislab.privacy import services

    call_command("load_demo", stdout=io.StringIO())
    now = timezone.now()
    age_the_demo(now)
    total = sum(SEED.values())
    out(f"Privacy benchmark — {engine}; the demo plus {total:,} expired records per round "
        f"({', '.join(f'{k} {v:,}' for k, v in SEED.items())}); purge in batches of "
        f"{services.BATCH}; {ROUNDS} timed rounds and one with tracemalloc")  # fmt: skip
    out()
    failures = []
    walls, bases, seeds = [], [], []
    per_round: list[dict] = []
    traced = None
    for number in range(ROUNDS + 1):
        is_traced = number == ROUNDS
        start = time.perf_counter()
        seed_expired(now, SEED)
        seeds.append(time.perf_counter() - start)
        kept = invariants()
        due = due_rows(now)
        if not is_traced:
            start = time.perf_counter()
            touched = bare_updates(due)
            bases.append(time.perf_counter() - start)
        result = purge_round(now, traced=is_traced)
        counts = {r.rule.key: r.count for r in result["results"]}
        per_round.append(counts)
        due_total = sum(len(pks) for _e, _r, pks in due)
        if sum(counts.values()) != due_total:
            failures.append(f"round {number + 1}: purged {sum(counts.values())} of {due_total}")
        if is_traced:
            traced = result
        else:
            walls.append(result["wall"])
            if touched != due_total:
                failures.append(f"baseline touched {touched} of {due_total}")
        start = time.perf_counter()
        again = services.purge(now)
        second = time.perf_counter() - start
        if any(r.count for r in again):
            failures.append(f"round {number + 1}: the second purge did "
                            f"{ {r.rule.key: r.count for r in again if r.count} }")  # fmt: skip
        if invariants() != kept:
            failures.append(f"round {number + 1}: counts changed by the purge")
        left = leftovers(now)
        if any(left.values()):
            failures.append(f"round {number + 1}: left after the purge: {left}")
        out(f"round {number + 1}: seeded in {seeds[-1]:.1f} s; purge {result['wall']:.2f} s"
            f"{' (under tracemalloc)' if is_traced else ''}, {sum(counts.values()):,} records; "
            f"a second purge {second * 1000:.0f} ms, 0 records"
            f"{'' if not any(r.count for r in again) else ' (NOT 0)'}")  # fmt: skip

    out()
    out("Records per rule and round (a mail counts twice: emptied after 30 days, then deleted;")
    out("round 1 also purges the demo's own records of the aged events and edition):")
    widths = (28, *([9] * len(per_round)))
    out(row("rule", *(f"round {n + 1}" for n in range(len(per_round))), widths=widths))
    for key in per_round[0]:
        if any(counts[key] for counts in per_round):
            out(row(key, *(f"{counts[key]:,}" for counts in per_round), widths=widths))
    out()
    out(row(f"purge of {total:,} expired records", "median s", "max s", "× bare", "rec/s",
            widths=(40, 10, 10, 8, 10)))  # fmt: skip
    base = median(bases)
    middle = median(walls)
    records = median([sum(counts.values()) for counts in per_round[:ROUNDS]])
    out(row("baseline: bare UPDATE, same rows", f"{base:.2f}", f"{max(bases):.2f}", "1",
            f"{records / base:,.0f}", widths=(40, 10, 10, 8, 10)))  # fmt: skip
    out(row("services.purge()", f"{middle:.2f}", f"{max(walls):.2f}", f"{middle / base:.1f}",
            f"{records / middle:,.0f}", widths=(40, 10, 10, 8, 10)))  # fmt: skip
    out()
    out(f"Memory of one purge (round {ROUNDS + 1}): tracemalloc peak {traced['peak']:.1f} MB; "
        f"resident set {traced['rss_before']:.0f} → {traced['rss_after']:.0f} MB, maximum "
        f"{traced['max_before']:.0f} → {traced['max_after']:.0f} MB "
        f"(+{traced['max_after'] - traced['max_before']:.0f} MB)")  # fmt: skip
    out()

    made = make_heavy(HEAVY, now)
    exported = services.export(HEAVY)
    rows = sum(len(records) for records in exported.values())
    spread = ", ".join(f"{kind} {count}" for kind, count in made.items())
    out(f"One person with {sum(made.values()):,} records ({spread}); the export holds {rows:,}")
    if rows != sum(made.values()):
        failures.append(f"export holds {rows} records, made {sum(made.values())}")
    widths = (40, 10, 10, 8)
    out(row("per person", "median ms", "p95 ms", "× bare", widths=widths))
    bare_export = seconds(lambda: bare_lookups(HEAVY), EXPORTS)
    export_times = seconds(lambda: services.export(HEAVY), EXPORTS)
    out(row("baseline: bare lookups by address", ms(median(bare_export)), ms(p95(bare_export)),
            "1", widths=widths))  # fmt: skip
    out(row("services.export(address)", ms(median(export_times)), ms(p95(export_times)),
            f"{median(export_times) / median(bare_export):.1f}", widths=widths))  # fmt: skip
    bare_erase, erase_times = [], []
    for number in range(ERASES):
        if number:
            make_heavy(HEAVY, now)
        bare_erase += seconds(lambda: bare_erase_updates(HEAVY), 1)
        start = time.perf_counter()
        result = services.erase(HEAVY, reason="bench")
        erase_times.append(time.perf_counter() - start)
        left = sum(len(records) for records in services.export(HEAVY).values())
        if left or result.queued:
            failures.append(f"erase {number + 1}: {left} records left, {len(result.queued)} queued")
    out(row("baseline: bare UPDATE of the same rows", ms(median(bare_erase)), ms(p95(bare_erase)),
            "1", widths=widths))  # fmt: skip
    out(row("services.erase(address)", ms(median(erase_times)), ms(p95(erase_times)),
            f"{median(erase_times) / median(bare_erase):.1f}", widths=widths))  # fmt: skip
    out(f"({EXPORTS} exports, {ERASES} erasures, the person made again before each)")
    out()
    if failures:
        out("FAILED:")
        for failure in failures:
            out(f"  {failure}")
        sys.exit(1)
    out(
        "Checks: every due record purged; a second purge does nothing; registrations per event, "
        "participants per edition, voucher applications and questions unchanged; nothing of "
        "the seeded addresses left; the erased person's export is empty."
    )


if __name__ == "__main__":
    main()


def profile(what: str = "export"):
    """python -c 'from kennislab.bench.privacy import profile; profile("erase")': where the time
    of one heavy person's export or erasure goes."""
    import cProfile
    import pstats

    setup_django("privacy")
    from django.core.management import call_command
    from django.utils import timezone

    from kennislab.privacy import services

    call_command("load_demo", stdout=io.StringIO())
    now = timezone.now()
    age_the_demo(now)
    make_heavy(HEAVY, now)
    run = {"export": lambda: services.export(HEAVY), "erase": lambda: services.erase(HEAVY)}[what]
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
