"""make loadtest-vouchers: the knowledge-voucher form under load, over HTTP.

Starts `make serve` (migrate, collectstatic, task worker, gunicorn with 4 workers) on a scratch
database: SQLite in a fresh temp dir, or, when DATABASE_URL is a PostgreSQL URL, a throwaway
database `kennislab_loadtest` on that server (created and dropped from its `postgres` database;
the database in the URL itself is never touched). The scratch database gets the demo scheme
(20 vouchers of EUR 9,000, at most 2 per good example, 11 good examples), opened an hour ago and
without a closing date.

Then 40 streams send 300 applications the way a browser does: GET the form, POST it, follow the
303 to the applicant's confirmation page. The examples are chosen unevenly (seeded), so both caps
are hit and a waiting list forms; 10 posts repeat the organisation and example of an earlier one
and must be refused (409). Every other POST must answer 303.

Afterwards the database is read directly, and the run fails (exit 1, one line per broken
invariant) when an accepted POST was not stored exactly once, something was stored that was not
accepted, a cap was exceeded (per example, vouchers, budget), any response was a 5xx, or the
allocation differs from first come, first served. Exit 2 when the test could not run at all.
The API (GET /api/v1/kennisvouchers/<slug>) is cross-checked when it answers.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.client
import json
import os
import queue
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from .common import median, out, p95

BASE_DIR = Path(__file__).resolve().parents[2]
SCHEME = "positieve-gezondheid-2026"
PG_DATABASE = "kennislab_loadtest"
HOST = "127.0.0.1"
P95_TARGET = 1.0  # seconds, for a POST on the reference machine (2 cores)
START_TIMEOUT = 180  # seconds for migrate + collectstatic + gunicorn
REQUEST_TIMEOUT = 60
ORGANISATION_TYPES = ["care_welfare", "social_domain", "government", "other"]
KINDS = ["Gemeente", "Stichting Welzijn", "GGD", "Buurtteam", "Huisartsenpraktijk", "Sportraad",
         "Onderwijsgroep", "Wijkcentrum"]  # fmt: skip
PLACES = ["Turfhaven", "Oosterwaard", "Noorderzand", "Lindeloo", "Rijnmeer", "Waterstreek",
          "Vlietdal", "Heuvelrade", "Beekveld", "Zilverdam", "Hazelbeek", "Zandhoeve"]  # fmt: skip


class CannotRun(Exception):
    """The load test could not be carried out (not an invariant failure)."""


# --- inside the scratch database (run in a subprocess with the server's settings) -------------


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.production")
    import django

    django.setup()


def setup_database() -> dict:
    """Migrate, load the demo scheme without applications, open it now. Prints the examples."""
    _django()
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from kennislab.vouchers.demo import VoucherDemoLoader
    from kennislab.vouchers.models import GoodExamplePage, Scheme, VoucherSchemePage

    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        VoucherDemoLoader(applications=False).load()
        scheme = Scheme.objects.get(slug=SCHEME)
        scheme.opens_at = timezone.now() - timedelta(hours=1)
        scheme.closes_at = None
        scheme.save(update_fields=["opens_at", "closes_at"])
    page = VoucherSchemePage.objects.get(scheme=scheme)
    examples = GoodExamplePage.objects.live().public().child_of(page).order_by("path")
    return {"examples": list(examples.values_list("slug", flat=True))}


def read_database() -> dict:
    """Everything the checks need, as plain data."""
    _django()
    from django.conf import settings
    from django.db.models import Count

    from kennislab.core.models import OutgoingEmail
    from kennislab.vouchers.models import Application, Scheme

    scheme = Scheme.objects.get(slug=SCHEME)
    rows = (
        Application.objects.filter(scheme=scheme)
        .annotate(event_count=Count("events"))
        .order_by("sequence")
        .values_list(
            "token_hash", "example__slug", "organisation", "organisation_key", "sequence",
            "reference", "status", "amount", "event_count",
        )
    )  # fmt: skip
    topics = OutgoingEmail.objects.filter(topic__startswith="KV-").values_list("topic", flat=True)
    mail = Counter(topics)
    return {
        "engine": settings.DATABASES["default"]["ENGINE"],
        "scheme": {
            "max_vouchers": scheme.max_vouchers,
            "max_per_example": scheme.max_per_example,
            "budget_total": str(scheme.budget_total),
            "voucher_amount": str(scheme.voucher_amount),
        },
        "applications": [
            [*row[:7], None if row[7] is None else str(row[7]), row[8]] for row in rows
        ],
        "mail_by_reference": dict(mail),
        "mail_sent": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count(),
    }


# --- the scratch database ---------------------------------------------------------------------


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def pg_admin(url: str, *statements: str):
    import psycopg

    try:
        with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)
    except psycopg.Error as error:
        raise CannotRun(f"PostgreSQL: {str(error).strip().splitlines()[0]}") from None


def create_pg_database(url: str):
    pg_admin(
        url,
        f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)',
        f'CREATE DATABASE "{PG_DATABASE}"',
    )


def drop_pg_database(url: str):
    pg_admin(url, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')


def run_django_step(step: str, env: dict, log: Path) -> dict:
    """Run setup_database or read_database in a subprocess; its JSON is the last stdout line."""
    with log.open("ab") as stderr:
        done = subprocess.run(  # noqa: S603 — our own module, fixed arguments
            [sys.executable, "-m", "kennislab.bench.loadtest_vouchers", step],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            check=False,
        )
    lines = done.stdout.decode(errors="replace").strip().splitlines()
    if done.returncode != 0 or not lines:
        raise CannotRun(f"{step} failed (exit {done.returncode}); see {log}\n{tail(log)}")
    return json.loads(lines[-1])


def tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join("    " + line for line in text[-lines:])


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """`make serve` in its own process group; stop() ends the whole group."""

    def __init__(self, env: dict, port: int, workers: int, log: Path):
        self.port = port
        self.log = log
        env = {k: v for k, v in env.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
        command = ["make", "--no-print-directory", "serve",
                   f"HOST={HOST}", f"PORT={port}", f"WORKERS={workers}"]  # fmt: skip
        with log.open("ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 — fixed command
                command,
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_ready(self, path: str):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CannotRun(
                    f"make serve stopped (exit {self.process.returncode}) before answering; "
                    f"last lines of {self.log}:\n{tail(self.log)}"
                )
            try:
                if fetch(self.port, "GET", path, timeout=5).status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.25)
        raise CannotRun(
            f"make serve did not answer within {START_TIMEOUT} s; last lines of {self.log}:\n"
            f"{tail(self.log)}"
        )

    def _group_alive(self) -> bool:
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # pragma: no cover — a reused group id
            return False
        return True

    def stop(self):
        for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            if not self._group_alive():
                break
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and self._group_alive():
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.1)
        if self.process.poll() is None:
            self.process.wait(timeout=5)


# --- HTTP -------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str
    seconds: float


def fetch(port, method, path, body=None, headers=None, timeout=REQUEST_TIMEOUT) -> Response:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    start = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return Response(
        response.status, response.headers, data.decode("utf-8", "replace"),
        time.perf_counter() - start,
    )  # fmt: skip


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_LOCATION = re.compile(r"^(?:https?://[^/]+)?/kennisvouchers/aanvraag/([^/]+)/$")
REFERENCE = re.compile(r'class="reference">\s*(KV-\d{4}-\d+)\s*<')
STATUS_HEADING = re.compile(r'<h2 id="status-titel">\s*(.*?)\s*</h2>', re.S)
WAITING_PLACE = re.compile(r"Op de wachtlijst, plaats (\d+)")


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Job:
    index: int
    example: str
    organisation: str
    data: dict
    duplicate_of: int | None = None  # position of the original in the job list
    original: Job | None = field(default=None, repr=False, compare=False)


@dataclass
class Outcome:
    timings: dict[str, float] = field(default_factory=dict)  # form / post / confirmation
    statuses: dict[str, int] = field(default_factory=dict)
    error: str = ""
    token: str = ""
    reference: str = ""
    shown: str = ""  # "granted", "waiting", or the heading text when neither
    shown_place: int | None = None
    skipped: bool = False
    refusal: str = ""  # status and first message of a POST that was not accepted


def make_jobs(examples: list[str], applications: int, duplicates: int, seed: int) -> list[Job]:
    rng = random.Random(seed)  # noqa: S311 — a reproducible load, not security
    popular = examples[:]
    rng.shuffle(popular)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(popular))]  # some examples popular
    jobs = []
    for index in range(applications - duplicates):
        number = index + 1
        place = rng.choice(PLACES)
        organisation = f"{rng.choice(KINDS)} {place} {number:03d}"
        contact = f"Aanvrager {number:03d}"
        jobs.append(
            Job(
                index=index,
                example=rng.choices(popular, weights)[0],
                organisation=organisation,
                data={
                    "organisation": organisation,
                    "organisation_type": rng.choice(ORGANISATION_TYPES),
                    "region": place if rng.random() < 0.7 else "",
                    "contact_name": contact,
                    "email": f"aanvrager{number:03d}@kennislab.example",
                    "phone": f"030 000 {number:04d}" if rng.random() < 0.5 else "",
                    "motivation": (
                        f"Wij willen in {place} leren van dit goede voorbeeld. Met de expert "
                        "zetten we de eerste stappen en maken we een plan voor twee jaar. "
                    )
                    * rng.randint(1, 4),
                    "own_contribution": "Een projectleider voor 8 uur per week gedurende een "
                    "half jaar, en € 3.000 voor bijeenkomsten en materialen.",
                    "consent": "on",
                    "website": "",
                },
            )
        )
    # Duplicates: the same organisation (as typed, in capitals, or with a hyphen) and example as
    # an application some rounds earlier; each waits until its original has answered.
    originals = jobs[:]
    spacing = min(len(originals) // 2, 80)
    for n in range(duplicates):
        original = originals[rng.randrange(0, len(originals) - spacing)]
        name = [
            original.organisation,
            original.organisation.upper(),
            original.organisation.replace(" ", "-", 1),
        ][n % 3]
        data = {**original.data, "organisation": name, "contact_name": "Tweede Poging"}
        after = jobs.index(original) + spacing
        position = rng.randrange(after, len(jobs) + 1)
        jobs.insert(position, Job(-1, original.example, name, data, original=original))
    for position, job in enumerate(jobs):
        job.index = position
    for job in jobs:
        if job.original is not None:
            job.duplicate_of = job.original.index
    return jobs


def apply_once(port: int, job: Job, outcome: Outcome):
    path = f"/kennisvouchers/{SCHEME}/{job.example}/aanvragen/"
    form = fetch(port, "GET", path)
    outcome.timings["form"], outcome.statuses["form"] = form.seconds, form.status
    if form.status != 200:
        return
    cookie = SimpleCookie()
    for header in form.headers.get_all("Set-Cookie") or []:
        cookie.load(header)
    token = CSRF_INPUT.search(form.text)
    if "csrftoken" not in cookie or token is None:
        outcome.error = "form without CSRF cookie or token"
        return
    body = urlencode({**job.data, "csrfmiddlewaretoken": token.group(1)})
    post = fetch(
        port, "POST", path, body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie['csrftoken'].value}",
        },
    )  # fmt: skip
    record_post(post, outcome)


def record_post(post, outcome: Outcome) -> None:
    """What the application's POST answered: a refusal, an error, or the private link's token
    (a 303 to the application's page)."""
    outcome.timings["post"], outcome.statuses["post"] = post.seconds, post.status
    if post.status != 303:
        outcome.refusal = first_error(post.status, post.text)
        return
    match = TOKEN_LOCATION.match(post.headers.get("Location", ""))
    if match is None:
        outcome.error = f"303 to an unexpected place: {post.headers.get('Location')!r}"
        return
    outcome.token = match.group(1)


def read_confirmation(port: int, outcome: Outcome):
    """The page the 303 leads to: reference, and granted or waiting (with the place)."""
    page = fetch(port, "GET", f"/kennisvouchers/aanvraag/{outcome.token}/")
    outcome.timings["confirmation"], outcome.statuses["confirmation"] = page.seconds, page.status
    if page.status != 200:
        return
    reference = REFERENCE.search(page.text)
    heading = STATUS_HEADING.search(page.text)
    outcome.reference = reference.group(1) if reference else ""
    shown = re.sub(r"\s+", " ", heading.group(1)) if heading else ""
    place = WAITING_PLACE.search(shown)
    if shown == "Voorlopig toegekend":
        outcome.shown = "granted"
    elif place:
        outcome.shown, outcome.shown_place = "waiting", int(place.group(1))
    else:
        outcome.shown = shown or "?"


FORM_ERROR = re.compile(r'class="form-error"[^>]*>.*?</span>(.*?)</p>', re.S)
NOTICE_ERROR = re.compile(r'class="notice notice--error"[^>]*>\s*<p>(.*?)</p>', re.S)


def first_error(status: int, html: str) -> str:
    found = FORM_ERROR.search(html) or NOTICE_ERROR.search(html)
    message = re.sub(r"\s+", " ", found.group(1)).strip() if found else ""
    return f"{status} {message}".strip()


def run_load(port: int, jobs: list[Job], streams: int) -> tuple[list[Outcome], float]:
    """Each stream takes the next application: GET the form, POST it."""
    outcomes = [Outcome() for _ in jobs]
    answered = [threading.Event() for _ in jobs]

    def one(position):
        job, outcome = jobs[position], outcomes[position]
        try:
            if job.duplicate_of is not None:
                answered[job.duplicate_of].wait(REQUEST_TIMEOUT * 3)
                if outcomes[job.duplicate_of].statuses.get("post") != 303:
                    outcome.skipped = True  # the original was not stored: nothing to repeat
                    return
            apply_once(port, job, outcome)
        except (OSError, http.client.HTTPException) as error:
            outcome.error = f"{type(error).__name__}: {error}"
        finally:
            answered[position].set()

    return outcomes, in_streams(one, range(len(jobs)), streams)


def confirm_all(port: int, outcomes: list[Outcome], streams: int) -> float:
    """After the load: every accepted applicant's confirmation page (the 303's target)."""

    def one(outcome):
        try:
            read_confirmation(port, outcome)
        except (OSError, http.client.HTTPException) as error:
            outcome.error = f"confirmation page: {type(error).__name__}: {error}"

    return in_streams(one, [o for o in outcomes if o.token], streams)


def in_streams(work, items, streams: int) -> float:
    """Call work(item) for every item in `streams` parallel threads; the wall time."""
    todo: queue.SimpleQueue = queue.SimpleQueue()
    for item in items:
        todo.put(item)
    stop = threading.Event()

    def stream():
        while not stop.is_set():
            try:
                item = todo.get_nowait()
            except queue.Empty:
                return
            work(item)

    threads = [threading.Thread(target=stream, daemon=True) for _ in range(streams)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)
    finally:
        stop.set()
    return time.perf_counter() - start


def warm_up(port: int, examples: list[str], streams: int):
    """Every gunicorn worker imports templates and URLs on its first requests: not measured."""
    paths = [f"/kennisvouchers/{SCHEME}/{slug}/aanvragen/" for slug in examples] * 2
    threads = [
        threading.Thread(target=lambda p=path: fetch(port, "GET", p), daemon=True)
        for path in paths[: max(streams, 8)]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT)


# --- the checks -------------------------------------------------------------------------------


def sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check(jobs, outcomes, db, api) -> tuple[list[str], dict]:
    """(one line per broken invariant, figures)."""
    failures = []
    scheme = db["scheme"]
    cap_example, cap_total = scheme["max_per_example"], scheme["max_vouchers"]
    budget, amount = Decimal(scheme["budget_total"]), Decimal(scheme["voucher_amount"])
    rows = [
        dict(zip(("hash", "example", "organisation", "key", "sequence", "reference", "status",
                  "amount", "events"), row, strict=True))
        for row in db["applications"]
    ]  # fmt: skip

    # HTTP: no 5xx, no transport errors, only the expected answers.
    def requests():
        for job, outcome in zip(jobs, outcomes, strict=True):
            for kind, status in outcome.statuses.items():
                yield job, outcome, kind, status

    five = [(job, kind, status) for job, _, kind, status in requests() if status >= 500]
    if five:
        job, kind, status = five[0]
        failures.append(f"{len(five)} responses were 5xx (first: {kind} {job.example}: {status})")
    broken = [(job, outcome) for job, outcome in zip(jobs, outcomes, strict=True) if outcome.error]
    if broken:
        job, outcome = broken[0]
        failures.append(f"{len(broken)} applications went wrong (first: {job.example}, "
                        f"{job.organisation}: {outcome.error})")  # fmt: skip
    expected = {"form": 200, "post": 303, "confirmation": 200}
    odd = [
        (job, outcome, kind, status)
        for job, outcome, kind, status in requests()
        if status < 500
        and status != expected[kind]
        and not (kind == "post" and job.duplicate_of is not None)
    ]
    if odd:
        job, outcome, kind, status = odd[0]
        answer = outcome.refusal if kind == "post" else status
        failures.append(f"{len(odd)} unexpected answers (first: {kind} for {job.example}, "
                        f"{job.organisation}: {answer})")  # fmt: skip
    # A duplicate must be refused with 409 (and, below, not stored).
    wrong_refusal = [
        o for j, o in zip(jobs, outcomes, strict=True)
        if j.duplicate_of is not None and 400 <= o.statuses.get("post", 409) < 500
        and o.statuses["post"] != 409
    ]  # fmt: skip
    if wrong_refusal:
        failures.append(f"{len(wrong_refusal)} duplicate POSTs were refused with "
                        f"{wrong_refusal[0].refusal} — expected 409")  # fmt: skip

    fresh = [(j, o) for j, o in zip(jobs, outcomes, strict=True) if j.duplicate_of is None]
    dups = [(j, o) for j, o in zip(jobs, outcomes, strict=True) if j.duplicate_of is not None]
    accepted = {sha256(o.token): (j, o) for j, o in fresh + dups if o.statuses.get("post") == 303}
    refused = sum(1 for _, o in dups if 400 <= o.statuses.get("post", 0) < 500)
    stored = Counter(row["hash"] for row in rows)

    # Every accepted POST stored exactly once, and nothing stored that was not accepted.
    missing = [h for h in accepted if stored[h] != 1]
    if missing:
        failures.append(f"{len(missing)} of {len(accepted)} accepted POSTs not stored exactly once")
    extra = [h for h in stored if h not in accepted]
    if extra:
        failures.append(f"{len(extra)} stored applications were never accepted (no 303 for them)")
    posted = {h: (j.example, " ".join(j.organisation.split())) for h, (j, _) in accepted.items()}
    wrong = [
        row for row in rows
        if row["hash"] in posted and (row["example"], row["organisation"]) != posted[row["hash"]]
    ]  # fmt: skip
    if wrong:
        failures.append(f"{len(wrong)} stored applications differ from what was posted")
    dup_accepted = [j for j, o in dups if o.statuses.get("post") == 303]
    if dup_accepted:
        failures.append(f"{len(dup_accepted)} duplicate applications were accepted "
                        f"(first: {dup_accepted[0].organisation})")  # fmt: skip

    # Numbering.
    sequences = [row["sequence"] for row in rows]
    if sorted(sequences) != list(range(1, len(rows) + 1)):
        failures.append(f"sequence numbers not unique and gap-free: {len(set(sequences))} distinct "
                        f"of {len(rows)}, highest {max(sequences, default=0)}")  # fmt: skip
    references = [row["reference"] for row in rows]
    if None in references or len(set(references)) != len(references):
        failures.append("references missing or not unique")

    # Caps.
    granted = [row for row in rows if row["status"] == "granted"]
    waiting = [row for row in rows if row["status"] == "waiting"]
    per_example = Counter(row["example"] for row in granted)
    most = max(per_example.values(), default=0)
    over = {slug: n for slug, n in per_example.items() if n > cap_example}
    if over:
        failures.append(f"max per example exceeded: {over} (cap {cap_example})")
    if len(granted) > cap_total:
        failures.append(f"{len(granted)} vouchers granted, cap {cap_total}")
    allocated = sum((Decimal(row["amount"] or 0) for row in granted), Decimal(0))
    if allocated > budget or len(granted) * amount > budget:
        failures.append(f"budget exceeded: {allocated} allocated of {budget}")
    if any(Decimal(row["amount"] or -1) != amount for row in granted) or any(
        row["amount"] is not None for row in waiting
    ):
        failures.append("amounts do not match the status (granted: the voucher amount)")
    others = Counter(row["status"] for row in rows if row["status"] not in ("granted", "waiting"))
    if others:
        failures.append(f"unexpected statuses after arrivals only: {dict(others)}")

    # First come, first served: replaying the arrivals in sequence order gives the same result.
    replay_total, replay_example, replay_budget, differ = 0, Counter(), Decimal(0), 0
    for row in sorted(rows, key=lambda row: row["sequence"]):
        fits = (
            replay_example[row["example"]] < cap_example
            and replay_total < cap_total
            and replay_budget + amount <= budget
        )
        if fits:
            replay_total += 1
            replay_example[row["example"]] += 1
            replay_budget += amount
        differ += (row["status"] == "granted") != fits
    if differ:
        failures.append(f"{differ} applications differ from a first-come-first-served replay")

    # What the applicant saw on the confirmation page is what was stored.
    place, by_hash = {}, {}
    for row in sorted(waiting, key=lambda row: row["sequence"]):
        place[row["hash"]] = len(place) + 1
    for row in rows:
        by_hash[row["hash"]] = row
    shown_wrong = [
        o for h, (_, o) in accepted.items()
        if h in by_hash and o.statuses.get("confirmation") == 200
        and (o.reference != by_hash[h]["reference"] or o.shown != by_hash[h]["status"]
             or o.shown_place != place.get(h))
    ]  # fmt: skip
    if shown_wrong:
        o = shown_wrong[0]
        shown = f"{o.shown} {o.shown_place or ''}".strip()
        failures.append(f"{len(shown_wrong)} confirmation pages disagree with the database "
                        f"(first: {o.reference} shows {shown})")  # fmt: skip

    # All or nothing: one audit-log entry and one queued e-mail per application.
    no_log = [row["reference"] for row in rows if row["events"] != 1]
    if no_log:
        failures.append(f"{len(no_log)} applications without exactly one audit-log entry")
    mail = db["mail_by_reference"]
    no_mail = [row["reference"] for row in rows if mail.get(row["reference"]) != 1]
    if no_mail:
        failures.append(f"{len(no_mail)} applications without exactly one queued e-mail")

    # The API, when it exists.
    if api is not None:
        want = {
            "applications": len(rows),
            "vouchers_allocated": len(granted),
            "waiting": len(waiting),
        }
        got = {key: api.get(key) for key in want}
        if got != want:
            failures.append(f"API disagrees with the database: API {got}, database {want}")
        if "budget_allocated" in api and Decimal(str(api["budget_allocated"])) != allocated:
            failures.append(f"API budget_allocated {api['budget_allocated']}, database {allocated}")

    figures = {
        "accepted": len(accepted),
        "refused": refused,
        "duplicates": len(dups),
        "skipped": sum(1 for _, o in dups if o.skipped),
        "stored": len(rows),
        "granted": len(granted),
        "cap_total": cap_total,
        "most": most,
        "cap_example": cap_example,
        "full": sum(1 for n in per_example.values() if n >= cap_example),
        "waiting": len(waiting),
        "allocated": allocated,
        "budget": budget,
        "mail_queued": sum(mail.values()),
        "mail_sent": db["mail_sent"],
    }
    return failures, figures


# --- main -------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def latency(outcomes: list[Outcome], kind: str) -> tuple[list[float], str]:
    values = [o.timings[kind] for o in outcomes if kind in o.timings]
    if not values:
        return values, "–"
    return values, f"p50 {ms(median(values))}  p95 {ms(p95(values))}  max {ms(max(values))}"


def loadtest(args) -> int:
    url = os.environ.get("DATABASE_URL", "")
    engine = "PostgreSQL" if is_postgres(url) else "SQLite"
    scratch = Path(tempfile.mkdtemp(prefix="kennislab-loadtest-vouchers-"))
    log = scratch / "server.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kennislab.settings.production",
        "RATE_LIMITS_ENABLED": "false",  # every simulated applicant comes from 127.0.0.1
        "HOST": HOST,
        "WORKERS": str(args.workers),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_URL": "consolemail://",
        "MEDIA_ROOT": str(scratch / "media"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }
    if engine == "PostgreSQL":
        env["DATABASE_URL"] = with_database(url, PG_DATABASE)
        database = f"{PG_DATABASE} on {urlsplit(url).hostname}:{urlsplit(url).port or 5432}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{scratch / 'loadtest.sqlite3'}"
        database = str(scratch / "loadtest.sqlite3")
    server, ok, created = None, False, False
    try:
        if engine == "PostgreSQL":
            create_pg_database(url)
            created = True
        out(
            f"Voucher load test — {engine} ({database}): {args.applications} applications "
            f"({args.duplicates} duplicates) in {args.streams} streams against make serve with "
            f"WORKERS={args.workers}; load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores"
        )
        started = time.perf_counter()
        # Search indexing of the new pages runs at once here, so the server's task worker starts
        # with an empty queue and handles nothing but the applications' e-mail.
        setup_env = {**env, "TASKS_BACKEND": "immediate"}
        examples = run_django_step("_setup", setup_env, scratch / "setup.log")["examples"]
        if not examples:
            raise CannotRun("the demo scheme has no good examples")
        jobs = make_jobs(examples, args.applications, args.duplicates, args.seed)
        set_up = time.perf_counter() - started
        port = free_port()
        env["PORT"] = str(port)
        env["SITE_BASE_URL"] = f"http://{HOST}:{port}"
        server = Server(env, port, args.workers, log)
        server.wait_until_ready(f"/kennisvouchers/{SCHEME}/{examples[0]}/aanvragen/")
        out(
            f"  scheme with {len(examples)} good examples set up in {set_up:.0f} s; server ready "
            f"{time.perf_counter() - started - set_up:.0f} s later on port {port}; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        warm_up(port, examples, args.streams)

        outcomes, wall = run_load(port, jobs, args.streams)
        confirm_all(port, outcomes, args.streams)

        api = None
        try:
            answer = fetch(port, "GET", f"/api/v1/kennisvouchers/{SCHEME}")
        except (OSError, http.client.HTTPException) as error:
            raise CannotRun(f"API request failed: {error}") from None
        if answer.status == 200:
            api = json.loads(answer.text)
        elif answer.status == 404:
            out("  API not available yet (404): cross-check skipped")
        else:
            out(f"  API answered {answer.status}: cross-check skipped")
        server.stop()
        db = run_django_step("_verify", env, scratch / "verify.log")
        failures, figures = check(jobs, outcomes, db, api)
        if answer.status >= 500:
            failures.append(f"API answered {answer.status}")

        requests = sum(1 for o in outcomes for kind in o.statuses if kind != "confirmation")
        posts, post_line = latency(outcomes, "post")
        _, form_line = latency(outcomes, "form")
        _, confirmation_line = latency(outcomes, "confirmation")
        post_p95 = p95(posts) if posts else float("inf")
        f = figures
        out(
            f"{engine:<11} accepted {f['accepted']}  refused {f['refused']}  stored {f['stored']}"
            f"  granted {f['granted']} (cap {f['cap_total']})  max/example {f['most']} "
            f"(cap {f['cap_example']})  waiting {f['waiting']}  "
            f"POST p50 {ms(median(posts)) if posts else '–'}  p95 {ms(post_p95)}  "
            f"{requests / wall:.0f} req/s  (total {wall:.1f} s)"
        )
        pad = " " * 11
        out(f"{pad} form GET {form_line};  POST {post_line}")
        out(
            f"{pad} {requests} requests, {len(posts) / wall:.1f} POSTs/s;  confirmation pages "
            f"(read after the load) {confirmation_line}"
        )
        out(
            f"{pad} {f['full']} of {len(examples)} examples full; budget {f['allocated']:,.0f} of "
            f"{f['budget']:,.0f}; e-mail queued {f['mail_queued']}, sent by the worker so far "
            f"{f['mail_sent']}" + (f"; {f['skipped']} duplicates skipped" if f["skipped"] else "")
        )
        if api is not None:
            same = not any(failure.startswith("API") for failure in failures)
            out(f"{pad} API: applications {api.get('applications')}, vouchers_allocated "
                f"{api.get('vouchers_allocated')}, waiting {api.get('waiting')}"
                f"{' (same as the database)' if same else ''}")  # fmt: skip
        if post_p95 >= P95_TARGET:
            out(f"  note: POST p95 {ms(post_p95)} is above the {ms(P95_TARGET)} target")
        for failure in failures:
            out(f"FAIL ({engine}): {failure}")
        if failures:
            out(f"  server log and database kept in {scratch}")
            return 1
        out(f"  all invariants hold on {engine}")
        ok = True
        return 0
    finally:
        if server is not None:
            server.stop()
        if created:
            try:
                drop_pg_database(url)
            except CannotRun as error:
                out(f"  could not drop {PG_DATABASE}: {error}")
        if ok and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_setup"]:
        print(json.dumps(setup_database()), flush=True)
        return 0
    if argv[:1] == ["_verify"]:
        print(json.dumps(read_database()), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--streams", type=int, default=40)
    parser.add_argument("--duplicates", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the scratch dir after success")
    args = parser.parse_args(argv)

    return run_until_interrupted(
        "loadtest-vouchers",
        lambda: loadtest(args),
        interrupted="server stopped, scratch database removed",
    )


def run_until_interrupted(name: str, run, *, interrupted: str, errors=()) -> int:
    """run()'s exit code; 2 with a line when it cannot run (CannotRun or one of `errors`). On
    Ctrl-C or SIGTERM (run()'s own clean-up has run by then) the process dies of the signal, so
    that a calling shell (make) stops too."""
    received = [signal.SIGINT]

    def terminate(signum, frame):
        received[0] = signum
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        return run()
    except (CannotRun, *errors) as error:
        out(f"{name} could not run: {error}")
        return 2
    except KeyboardInterrupt:
        out(f"{name} interrupted; {interrupted}")
        signal.signal(received[0], signal.SIG_DFL)
        os.kill(os.getpid(), received[0])
        return 130


if __name__ == "__main__":
    sys.exit(main())
