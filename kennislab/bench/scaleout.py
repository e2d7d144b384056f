"""make scaleout: two app servers on one PostgreSQL, one Redis and one media folder — what holds.

Starts two app servers together, each `bin/serve` (migrations, static files, gunicorn with its
own task worker), on two loopback addresses (127.0.0.2 and 127.0.0.3, free ports), sharing
everything a real scale-out shares: a scratch PostgreSQL database `kennislab_scaleout` (created
and dropped here, on the server of --database-url; no other database is touched), one Redis
database as CACHE_URL (db 5 by default, emptied at the start and the end), one media folder for
public and private files, the same SECRET_KEY, SITE_BASE_URL and ALLOWED_HOSTS, and a local SMTP
sink (aiosmtpd) as the mail server. This process is the third one: it loads the data (a
subprocess with immediate tasks), publishes as an editor would from a script, and is every
visitor. It talks to the servers from 127.0.0.1, the trusted proxy of TRUSTED_PROXIES, and
names each visitor in X-Forwarded-For as nginx would, so every visitor has a rate-limit bucket of
their own and a test can reuse one on purpose. One difference from deploy/gunicorn.conf.py:
gunicorn's worker recycling is off (a worker replaced mid-measurement would start cold).

The scenario, one table row each (held or FAILED, with the figures):

* the two servers started at the same moment on an empty database (the data loaded meanwhile):
  both answer, the migrations ran once (the others waited for the lock), the daily run is
  planned once;
* publish a new article: the Kennislab listing on B (cached before) shows it at once; search on
  both finds it within 5 s and never loses it again (both polled every 0.5 s for 60 s, while
  the rows below run and an editor's script publishes a batch of 120 more articles, so both
  task workers index and compact at the same time); unpublish: gone from both, search and
  listing, within 5 s, and it stays gone;
* one rate-limit bucket across the servers: with API_RATE=60/m the 61st API call, alternating
  A and B, gets 429; the newsletter form (20 an hour per visitor) likewise refuses the 21st;
* staff sign in on A (password and a code from their authenticator app) and continue on B; a
  vignet applicant uploads evidence on A, staff download it on B: the same bytes;
* a voucher race split across both servers (each applicant fetches the form from one server and
  posts it to the other half of the time; kennislab.bench.loadtest_vouchers's checks): caps
  hold, every accepted application is stored once with its mail;
* with two task workers: every mail in the outbox (forms, vouchers, the daily jobs run four
  times at once: two runs due for the idle workers of A and B, two in this process) arrives at
  the SMTP sink exactly once, by recipient and subject, and no Message-ID twice;
* requests per second for a page from the page cache with one server, then with both
  (bounded: three rounds of a fixed number of requests each, alternating); on a machine with two
  cores a second server adds overhead, not capacity: the ratio shows that, it is not a goal;
* server A killed (SIGKILL to gunicorn and to its task worker, as when its machine dies) while
  newsletter sign-ups go to both: every answer from B is right, and every sign-up that was
  acknowledged (303) is in the database.

Before the clock runs, every process is warmed up as on a server that has run a while: a fresh
process needs seconds for its first search (the Dutch analysis is loaded), and the scenario
prints how long.

Bounded in requests and time (about two and a half minutes on two quiet cores), traffic only to
loopback addresses. Every process is stopped at the end, also on Ctrl-C or a failure (process
groups killed, the database dropped, the Redis database emptied); the scratch folder with the
servers' logs is kept after a failure. Exit 0 when every row held, 1 when one failed, 2 when the
scenario could not run (PostgreSQL or Redis unreachable: one line, no traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import email
import email.policy
import http.client
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .common import median, out, p95
from .loadtest_vouchers import (
    CSRF_INPUT,
    SCHEME,
    CannotRun,
    Job,
    Outcome,
    first_error,
    in_streams,
    is_postgres,
    make_jobs,
    pg_admin,
    record_post,
    run_until_interrupted,
    tail,
    with_database,
)
from .loadtest_vouchers import check as check_vouchers

BASE_DIR = Path(__file__).resolve().parents[2]
HOSTS = ("127.0.0.2", "127.0.0.3")
CLIENT = "127.0.0.1"  # every request leaves from here: the trusted proxy (TRUSTED_PROXIES)
PG_DATABASE = "kennislab_scaleout"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"
START_TIMEOUT = 300  # seconds for both servers: migrations on an empty database come first
REQUEST_TIMEOUT = 30
FOUND_WITHIN = 5.0  # seconds after publishing: found by search on both servers
GONE_WITHIN = 5.0  # seconds after unpublishing: gone from search and listing on both
STAY_GONE = 3.0  # and then watched this much longer
POLL_INTERVAL = 0.5
API_RATE = "60/m"
API_LIMIT = 60
FORM_LIMIT = 20  # newsletter sign-up: 20 POSTs an hour per visitor (kennislab/newsletter/views.py)
FORM_WINDOW = 3600
EXTRA_PARTICIPANTS = 14  # the challenge's daily support mail goes to these and the demo's six
EDITOR_BATCH = 120  # articles published while search is polled (compaction after 100 changes)
VOUCHER_APPLICATIONS = 60
VOUCHER_DUPLICATES = 4
VOUCHER_STREAMS = 10
RATE_REQUESTS = 1000  # per measurement (one server, two servers)
RATE_ROUNDS = 3
RATE_CONNECTIONS = 8
RATE_MAX_SECONDS = 20
KILL_SECONDS = 6.0
KILL_AFTER = 2.0
KILL_STREAMS = 6
DRAIN_TIMEOUT = 60
# Settings of the environment the servers must not inherit from whoever runs this.
SERVER_OWN = ("GUNICORN_CMD_ARGS", "WORKER_ID", "TASKS_BACKEND", "RATE_LIMITS_ENABLED",
              "PAGE_CACHE_SECONDS", "DATA_CACHE_SECONDS", "PRIVATE_STORAGE_BACKEND",
              "PRIVATE_STORAGE_OPTIONS", "LOG_LEVEL")  # fmt: skip
STOP_GRACE = 15  # seconds for a server to stop cleanly (TERM) before it is killed
WALL_LIMIT = 180  # seconds: CI runs this (.ci/run)
ADMIN_USER = "scaleout-beheer"
ADMIN_NEXT = "/admin/"
VERIFY_PATH = "/admin/tweestapsverificatie/controleren/"


# --- pure parts: verdicts and the table (kennislab/bench/tests/test_scaleout.py) --------------


@dataclass(frozen=True)
class Row:
    name: str
    held: bool
    figures: str


def format_table(rows: list[Row], name_width: int = 52, width: int = 124) -> list[str]:
    """One line per row (name, held/FAILED, figures), the figures wrapped under themselves."""
    indent = name_width + 8
    lines = [f"{'row'.ljust(name_width)}{'result':<8}figures", "-" * min(width, 100)]
    for row in rows:
        result = "held" if row.held else "FAILED"
        wrapped = textwrap.wrap(row.figures, max(20, width - indent)) or [""]
        lines.append(f"{row.name.ljust(name_width)}{result:<8}{wrapped[0]}".rstrip())
        lines += [" " * indent + more for more in wrapped[1:]]
    return lines


@dataclass(frozen=True)
class Poll:
    server: str
    at: float  # seconds since the change (publishing, unpublishing)
    found: bool | None  # None: no answer, or not 200


@dataclass(frozen=True)
class Appearance:
    """What the polls of one server say after publishing."""

    server: str
    first_found: float | None
    lost: int  # polls after the first find that did not find it
    errors: int
    polls: int

    def held(self, within: float) -> bool:
        return (
            self.first_found is not None
            and self.first_found <= within
            and self.lost == 0
            and self.errors == 0
        )


def appearance(polls: list[Poll], server: str) -> Appearance:
    """When search on `server` first found the item, and how often it lost it afterwards."""
    mine = sorted((poll for poll in polls if poll.server == server), key=lambda p: p.at)
    first = next((poll.at for poll in mine if poll.found), None)
    lost = 0 if first is None else sum(1 for p in mine if p.at > first and p.found is False)
    errors = sum(1 for poll in mine if poll.found is None)
    return Appearance(server, first, lost, errors, len(mine))


@dataclass(frozen=True)
class Disappearance:
    server: str
    gone_at: float | None  # the first poll from which on it was never seen again
    came_back: int  # polls that found it after it had been gone
    errors: int
    polls: int

    def held(self, within: float) -> bool:
        return (
            self.gone_at is not None
            and self.gone_at <= within
            and self.came_back == 0
            and self.errors == 0
        )


def disappearance(polls: list[Poll], server: str) -> Disappearance:
    """When the item was gone for good on `server` (search or listing), and whether it came back
    after it had been gone once."""
    mine = sorted((poll for poll in polls if poll.server == server), key=lambda p: p.at)
    gone_at = None
    for poll in mine:
        if poll.found is True:
            gone_at = None
        elif poll.found is False and gone_at is None:
            gone_at = poll.at
    first_gone = next((p.at for p in mine if p.found is False), None)
    came_back = 0 if first_gone is None else sum(1 for p in mine if p.at > first_gone and p.found)
    errors = sum(1 for poll in mine if poll.found is None)
    return Disappearance(server, gone_at, came_back, errors, len(mine))


def burst_verdict(statuses: list[int | None], limit: int, allowed: int) -> tuple[bool, str]:
    """A burst of limit + 1 requests for one visitor: the first `limit` answer `allowed`, the
    next 429."""
    if len(statuses) != limit + 1:
        return False, f"{len(statuses)} answers for {limit + 1} requests"
    refused_early = [i + 1 for i, s in enumerate(statuses[:limit]) if s != allowed]
    last = statuses[limit]
    figures = f"calls 1–{limit}: {dict(Counter(statuses[:limit]))}; call {limit + 1}: {last}"
    return not refused_early and last == 429, figures


@dataclass(frozen=True)
class SinkMessage:
    message_id: str
    recipients: tuple[str, ...]
    subject: str


@dataclass(frozen=True)
class OutboxMail:
    to: str
    subject: str
    topic: str
    status: str


def normal(text: str) -> str:
    return " ".join(str(text).split())


def mail_verdict(
    outbox: list[OutboxMail], sink: list[SinkMessage], daily_topic: str, daily_expected: int
) -> tuple[bool, str, list[str]]:
    """Every mail in the outbox sent and at the sink exactly once (recipient and subject), no
    message at the sink twice (Message-ID) or without its outbox mail, and the daily job's mail
    once per participant, though the job ran several times at once."""
    problems = []
    unsent = Counter(mail.status for mail in outbox if mail.status != "sent")
    if unsent:
        problems.append(f"not sent: {dict(unsent)}")
    wanted = Counter((mail.to.lower(), normal(mail.subject)) for mail in outbox)
    arrived = Counter(
        (recipient.lower(), normal(message.subject))
        for message in sink
        for recipient in message.recipients
    )
    twice = {key: n for key, n in arrived.items() if n > wanted.get(key, 0) and key in wanted}
    missing = {key: n - arrived.get(key, 0) for key, n in wanted.items() if arrived[key] < n}
    strangers = {key: n for key, n in arrived.items() if key not in wanted}
    ids = Counter(message.message_id for message in sink)
    same_id = [mid for mid, n in ids.items() if n > 1]
    daily = Counter(mail.to.lower() for mail in outbox if mail.topic.startswith(daily_topic))
    daily_twice = [to for to, n in daily.items() if n > 1]
    if twice:
        problems.append(f"arrived more than once: {len(twice)}, e.g. {next(iter(twice))}")
    if missing:
        problems.append(f"did not arrive: {len(missing)}, e.g. {next(iter(missing))}")
    if strangers:
        problems.append(f"{len(strangers)} messages at the sink not in the outbox")
    if same_id:
        problems.append(f"{len(same_id)} Message-IDs seen twice")
    if daily_twice:
        problems.append(f"the daily job queued {len(daily_twice)} participants' mail twice")
    if daily_expected == 0:
        problems.append("no daily-job mail was due: the row proves nothing")
    elif len(daily) != daily_expected:
        problems.append(f"daily-job mail to {len(daily)} participants, {daily_expected} due")
    figures = (
        f"{len(outbox)} outbox mails ({sum(daily.values())} from the daily jobs), "
        f"{len(sink)} messages at the sink; {len(twice)} twice, {len(missing)} missing"
    )
    return not problems, figures, problems


@dataclass
class Submission:
    server: str
    email: str
    started: float
    status: int | None = None
    error: str = ""


def kill_verdict(
    submissions: list[Submission], killed_at: float, stored: set[str], survivor: str
) -> tuple[bool, str, list[str]]:
    """After one server is killed: every answer of the survivor right (303), and every sign-up
    that was acknowledged (303, from either) stored."""
    problems = []
    survivor_wrong = [s for s in submissions if s.server == survivor and s.status != 303]
    acknowledged = [s for s in submissions if s.status == 303]
    lost = [s for s in acknowledged if s.email not in stored]
    victim = [s for s in submissions if s.server != survivor]
    victim_after = [s for s in victim if s.started >= killed_at]
    survivor_after = [s for s in submissions if s.server == survivor and s.started >= killed_at]
    if survivor_wrong:
        first = survivor_wrong[0]
        problems.append(
            f"{len(survivor_wrong)} answers from {survivor} not 303 "
            f"(first: {first.status or first.error})"
        )
    if lost:
        problems.append(f"{len(lost)} acknowledged sign-ups not in the database")
    if not survivor_after:
        problems.append(f"nothing sent to {survivor} after the kill")
    if victim_after and any(s.status == 303 for s in victim_after if s.started > killed_at + 1):
        problems.append("the killed server still answered a second after the kill")
    figures = (
        f"{len(submissions)} sign-ups sent; {survivor}: {len(survivor_after)} after the kill, "
        f"{len(survivor_wrong)} wrong; killed server: "
        f"{sum(1 for s in victim if s.status == 303)} acknowledged, "
        f"{sum(1 for s in victim if s.status is None)} without an answer; "
        f"{len(acknowledged)} acknowledged, {len(lost)} lost"
    )
    return not problems, figures, problems


def rate_ratio(one: float, two: float) -> float | None:
    return two / one if one else None


# --- HTTP as a visitor behind the proxy -------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    host: str
    port: int

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


_visitors = itertools.count(1)
_visitor_lock = threading.Lock()


def new_visitor() -> str:
    """A fresh visitor address (in X-Forwarded-For): a rate-limit bucket of its own."""
    with _visitor_lock:
        n = next(_visitors)
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


def request(target: Target, method: str, path: str, *, body: bytes | str | None = None,
            headers: dict | None = None, visitor: str = "", cookies: dict | None = None,
            timeout: float = REQUEST_TIMEOUT) -> Answer:  # fmt: skip
    connection = http.client.HTTPConnection(
        target.host, target.port, timeout=timeout, source_address=(CLIENT, 0)
    )
    headers = dict(headers or {})
    headers["X-Forwarded-For"] = visitor or new_visitor()
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    start = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return Answer(response.status, response.headers, data, time.perf_counter() - start)


def take_cookies(answer: Answer, cookies: dict) -> dict:
    for header in answer.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def form_token(answer: Answer) -> str:
    found = CSRF_INPUT.search(answer.text)
    if found is None:
        raise CannotRun(f"no CSRF token in a form (status {answer.status})")
    return found.group(1)


def form_post(target, path, data, cookies, visitor="") -> Answer:
    return request(
        target, "POST", path, body=urlencode(data, doseq=True), visitor=visitor, cookies=cookies,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body: fields {name: value}, files {name: (filename, bytes, type)}."""
    boundary = f"----scaleout{secrets.token_hex(12)}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            .encode()
        )  # fmt: skip
    for name, (filename, content, kind) in files.items():
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n')  # fmt: skip
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- the mail server: an SMTP sink -------------------------------------------------------------


class Sink:
    """An SMTP server on 127.0.0.1 that keeps what arrives (aiosmtpd, in a thread)."""

    def __init__(self):
        self.messages: list[SinkMessage] = []
        self.lock = threading.Lock()
        self.controller = None
        self.port = free_port(CLIENT)

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's name for it
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        received = SinkMessage(
            message_id=str(message.get("Message-ID", "")),
            recipients=tuple(str(r).lower() for r in envelope.rcpt_tos),
            subject=normal(message.get("Subject", "")),
        )
        with self.lock:
            self.messages.append(received)
        return "250 OK"

    def start(self):
        try:
            from aiosmtpd.controller import Controller
        except ImportError:
            raise CannotRun("aiosmtpd is not installed (a dev dependency: make install)") from None
        self.controller = Controller(self, hostname=CLIENT, port=self.port, ready_timeout=10)
        self.controller.start()

    def snapshot(self) -> list[SinkMessage]:
        with self.lock:
            return list(self.messages)

    def stop(self):
        if self.controller is not None:
            with contextlib.suppress(Exception):
                self.controller.stop()
            self.controller = None


# --- the app servers -------------------------------------------------------------------------


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def pids_with_argument(argument: str) -> list[int]:
    """Processes whose command line has `argument` as one of its words (Linux /proc)."""
    wanted = argument.encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if wanted in words:
            found.append(int(entry.name))
    return found


def signal_all(pids: list[int], sig: int):
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


class AppServer:
    """bin/serve (migrate, static files, task worker, gunicorn) in its own process group; its
    task worker runs in a session of its own (bin/serve), found by its worker name."""

    def __init__(self, target: Target, env: dict, log: Path, workers: int):
        self.target = target
        self.log = log
        self.started = time.monotonic()
        self.ready_after: float | None = None
        self.killed_workers = 0
        self.worker_id = f"scaleout/{target.address}"
        env = {**env, "HOST": target.host, "PORT": str(target.port), "WORKERS": str(workers),
               "WORKER_ID": self.worker_id}  # fmt: skip
        with log.open("ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 — our own script, fixed arguments
                [str(BASE_DIR / "bin" / "serve")],
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def answers(self) -> bool:
        if self.process.poll() is not None:
            raise CannotRun(
                f"server {self.target.name} (bin/serve on {self.target.address}) stopped "
                f"(exit {self.process.returncode}) before answering:\n{tail(self.log)}"
            )
        try:
            return request(self.target, "GET", "/health/", timeout=5).status == 200
        except (OSError, http.client.HTTPException):
            return False

    def group_alive(self) -> bool:
        try:
            os.killpg(self.process.pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def worker_pids(self) -> list[int]:
        return pids_with_argument(self.worker_id)

    def kill(self):
        """What a machine that dies does: every process of the server gone at once, gunicorn
        and the task worker."""
        workers = self.worker_pids()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        signal_all(workers, signal.SIGKILL)
        self.killed_workers = len(workers)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)

    def stop(self):
        for sig, grace in ((signal.SIGTERM, STOP_GRACE), (signal.SIGKILL, 5)):
            if not self.group_alive():
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and self.group_alive():
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.1)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        for sig, grace in ((signal.SIGTERM, STOP_GRACE), (signal.SIGKILL, 5)):  # the worker,
            if not self.worker_pids():  # normally stopped by bin/serve already
                break
            signal_all(self.worker_pids(), sig)  # once: a second TERM abandons its task
            deadline = time.monotonic() + grace
            while self.worker_pids() and time.monotonic() < deadline:
                time.sleep(0.25)
        # bin/serve's lock file for this address, and gunicorn's control socket when it was
        # killed (the port was a free one: neither is used again)
        name = re.sub(r"[^A-Za-z0-9.-]", "_", f"{self.target.host}-{self.target.port}")
        for leftover in (f"serve-{name}.lock", f"gunicorn-{name}.ctl"):
            with contextlib.suppress(OSError):
                (BASE_DIR / "var" / leftover).unlink()

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""


def wait_until_ready(servers: list[AppServer]):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        waiting = [server for server in servers if server.ready_after is None]
        if not waiting:
            return
        for server in waiting:
            if server.answers():
                server.ready_after = time.monotonic() - server.started
        time.sleep(0.5)
    names = ", ".join(s.target.name for s in servers if s.ready_after is None)
    raise CannotRun(f"server(s) {names} did not answer within {START_TIMEOUT} s")


# --- inside the database (Django in this process, or the set-up subprocess) ---------------------


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.production")
    import django

    django.setup()


def setup_database() -> dict:
    """(Subprocess, immediate tasks, mail to nowhere.) The demo content, the voucher scheme
    open without applications, the challenge starting today with twenty participants (its
    day-1 support mail is the daily jobs' mail), and a staff member with an authenticator app."""
    _django()
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kennislab.challenge import demo as challenge_demo
    from kennislab.challenge import services as challenge_services
    from kennislab.challenge.models import ChallengePage, Participant, Participation, Theme
    from kennislab.content.demo import loader as content_demo
    from kennislab.content.models import KennislabIndexPage
    from kennislab.core.models import OutgoingEmail
    from kennislab.vouchers.demo import VoucherDemoLoader
    from kennislab.vouchers.models import GoodExamplePage, Scheme, VoucherSchemePage

    clock = time.monotonic()
    timings = {}
    # Loading starts with the servers, as a deployment script would: after the migrations,
    # under the lock they take (deploy/startup.py).
    with startup_module().database_lock("migrate"):
        call_command("migrate", interactive=False, verbosity=0)
    timings["migrations (waited)"] = time.monotonic() - clock
    content_demo.load_demo()
    timings["content"] = time.monotonic() - clock - sum(timings.values())
    with transaction.atomic():
        VoucherDemoLoader(applications=False).load()
        Scheme.objects.filter(slug=SCHEME).update(
            opens_at=timezone.now() - timedelta(hours=1), closes_at=None
        )
    scheme_page = VoucherSchemePage.objects.get(scheme__slug=SCHEME)
    examples = GoodExamplePage.objects.live().public().child_of(scheme_page).order_by("path")
    timings["vouchers"] = time.monotonic() - clock - sum(timings.values())
    challenge_demo.load_demo()
    challenge = ChallengePage.objects.live().order_by("pk").first()
    for number in range(1, EXTRA_PARTICIPANTS + 1):
        data = {
            "name": f"Proefdeelnemer {number:02d}",
            "email": f"deelnemer-{number:02d}@scaleout.example",
            "theme": list(Theme)[number % len(Theme)].value,
            "goal": "Elke dag een kwartier buiten lopen.",
            "participation": Participation.ALONE,
        }
        signed = challenge_services.sign_up(challenge.pk, data, "Proefaanmelding (verzonnen).")
        challenge_services.confirm(signed.participant)
    ChallengePage.objects.filter(pk=challenge.pk).update(starts_on=timezone.localdate())
    participants = Participant.objects.filter(page=challenge, status="confirmed", subscribed=True)
    user = get_user_model().objects.create_superuser(
        ADMIN_USER, "beheer@scaleout.example", os.environ["SCALEOUT_ADMIN_PASSWORD"]
    )
    TOTPDevice.objects.create(
        user=user, name="app", confirmed=True, key=os.environ["SCALEOUT_TOTP_KEY"]
    )
    timings["challenge and staff"] = time.monotonic() - clock - sum(timings.values())
    listing = KennislabIndexPage.objects.live().first()
    return {
        "listing": listing.get_url_parts()[2],
        "examples": list(examples.values_list("slug", flat=True)),
        "daily_topic": f"uitdaging-{challenge.pk}-dag-",
        "participants": participants.count(),
        "timings": {name: round(seconds, 1) for name, seconds in timings.items()},
        "mail_baseline": OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
        or 0,
    }


def startup_module():
    """deploy/startup.py (not a package): its database lock."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("deploy_startup", BASE_DIR / "deploy/startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def planned_daily_runs() -> int:
    from django_tasks_db.models import DBTaskResult

    from kennislab.core import daily

    path = daily.run_daily_jobs_task.module_path
    return DBTaskResult.objects.filter(task_path=path, status="READY").count()


class Setup:
    """The set-up subprocess (immediate tasks, mail to nowhere), started with the servers."""

    def __init__(self, env: dict, log: Path):
        self.log = log
        self.started = time.monotonic()
        self.seconds = 0.0
        with log.open("ab") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kennislab.bench.scaleout", "_setup"],
                cwd=BASE_DIR,
                env=env,
                stdout=subprocess.PIPE,
                stderr=stderr,
            )

    def result(self) -> dict:
        output, _ = self.process.communicate(timeout=START_TIMEOUT)
        self.seconds = time.monotonic() - self.started
        lines = output.decode(errors="replace").strip().splitlines()
        if self.process.returncode != 0 or not lines:
            raise CannotRun(
                f"loading the data failed (exit {self.process.returncode}):\n{tail(self.log)}"
            )
        return json.loads(lines[-1])

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def publish(word: str) -> tuple[int, str, str]:
    """An editor's script publishes a new article: (page id, its path, its slug)."""
    from django.utils import timezone

    from kennislab.content.models import ArticlePage, KennislabIndexPage

    index = KennislabIndexPage.objects.live().first()
    page = ArticlePage(
        title=f"Proef met twee servers: {word}",
        slug=f"proef-{word}",
        date=timezone.localdate(),
        intro=f"Dit artikel moet op beide servers te vinden zijn met het woord {word}.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page.pk, page.get_url_parts()[2], page.slug


def editor_batch(start: float, until: float, done: list[float]):
    """Publish articles one after the other from `start` until `until` (at most EDITOR_BATCH)."""
    from django.db import connection

    time.sleep(max(0.0, start - time.time()))
    try:
        for _ in range(EDITOR_BATCH):
            if time.time() >= until:
                break
            publish(unique_word("reeksartikel"))
            done.append(time.time())
    finally:
        connection.close()


def server_of(worker_id: str, targets: list[Target]) -> str:
    """A or B for bin/serve's worker name (machine/address:port), else the name itself."""
    address = worker_id.rsplit("/", 1)[-1]
    return next((t.name for t in targets if t.address == address), worker_id or "?")


def search_tasks_since(moment: float, targets: list[Target]) -> Counter:
    """Search tasks finished since `moment`, per task and server (the worker's address)."""
    from datetime import UTC, datetime

    from django_tasks_db.models import DBTaskResult

    since = datetime.fromtimestamp(moment, UTC)
    done = DBTaskResult.objects.filter(
        task_path__startswith="kennislab.search.", finished_at__gte=since
    ).values_list("task_path", "worker_ids", "status")
    return Counter(
        f"{path.rsplit('.', 1)[-1]} on {server_of(ids[-1] if ids else '', targets)}"
        + ("" if status == "SUCCESSFUL" else f" {status.lower()}")
        for path, ids, status in done
    )


def unpublish(pk: int):
    from kennislab.content.models import ArticlePage

    ArticlePage.objects.get(pk=pk).unpublish()


def due_daily_runs() -> int:
    """Every daily run the workers should do now: the planned one(s) due at once, and one more,
    so that the workers of A and B each run one at the same time."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from kennislab.core import daily

    path = daily.run_daily_jobs_task.module_path
    made_due = DBTaskResult.objects.filter(task_path=path, status="READY").update(
        run_after=timezone.now()
    )
    daily.run_daily_jobs_task.enqueue()
    return made_due + 1


def queue_idle(timeout: float) -> bool:
    """Wait until no task is due or running (planned ones for later do not count)."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (
            not DBTaskResult.objects.ready().exists()
            and not DBTaskResult.objects.running().exists()
        ):
            return True
        time.sleep(0.25)
    return False


def run_daily_here(results: list):
    from django.db import connection

    from kennislab.core import daily

    try:
        results.append(sum(n or 0 for n in daily.run_daily_jobs().values()))
    finally:
        connection.close()


def daily_runs_by_worker(targets: list[Target]) -> Counter:
    from django_tasks_db.models import DBTaskResult

    from kennislab.core import daily

    path = daily.run_daily_jobs_task.module_path
    runs = DBTaskResult.objects.filter(task_path=path, status="SUCCESSFUL")
    return Counter(
        server_of(ids[-1], targets) for ids in runs.values_list("worker_ids", flat=True) if ids
    )


def drain_outbox(baseline: int, timeout: float) -> list[OutboxMail]:
    """Wait until no mail queued after `baseline` is still waiting or being sent."""
    from kennislab.core.models import OutgoingEmail

    pending = ("queued", "retry", "sending")
    deadline = time.monotonic() + timeout
    rows = OutgoingEmail.objects.filter(pk__gt=baseline)
    while time.monotonic() < deadline and rows.filter(status__in=pending).exists():
        time.sleep(0.5)
    return [
        OutboxMail(to, subject, topic, status)
        for to, subject, topic, status in rows.values_list("to", "subject", "topic", "status")
    ]


def stored_subscribers(addresses: list[str]) -> set[str]:
    from kennislab.newsletter.models import Subscriber

    return set(Subscriber.objects.filter(email__in=addresses).values_list("email", flat=True))


def voucher_database() -> dict:
    from .loadtest_vouchers import read_database

    return read_database()


def totp_code(key: str) -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(key)):06d}"


# --- the rows --------------------------------------------------------------------------------


def has_link(html: str, slug: str) -> bool:
    return re.search(rf'href="[^"]*/{re.escape(slug)}/"', html) is not None


def check_found(target: Target, path: str, slug: str) -> bool | None:
    try:
        answer = request(target, "GET", path, timeout=10)
    except (OSError, http.client.HTTPException):
        return None
    return has_link(answer.text, slug) if answer.status == 200 else None


def poll(targets, paths, slug, since, until, polls, stop: threading.Event):
    """Every POLL_INTERVAL: each (server, path); found or not, as seconds since `since`."""
    while not stop.is_set() and time.time() < until:
        began = time.monotonic()
        for target in targets:
            for label, path in paths:
                found = check_found(target, path, slug)
                polls.append(Poll(f"{target.name} {label}".strip(), time.time() - since, found))
        stop.wait(max(0.0, POLL_INTERVAL - (time.monotonic() - began)))


def api_burst(targets: list[Target]) -> list[int | None]:
    visitor = new_visitor()
    statuses = []
    for n in range(API_LIMIT + 1):
        try:
            answer = request(targets[n % 2], "GET", "/api/v1/items?limit=1", visitor=visitor)
            statuses.append(answer.status)
        except (OSError, http.client.HTTPException):
            statuses.append(None)
    return statuses


def form_burst(targets: list[Target], tag: str) -> tuple[list[int | None], bool]:
    """limit + 1 newsletter sign-ups by one visitor, alternating the servers; and whether the
    limit's fixed window (an hour) turned over meanwhile (then the counts start again)."""
    visitor = new_visitor()
    cookies: dict = {}
    form = request(targets[0], "GET", "/nieuwsbrief/aanmelden/", visitor=visitor)
    take_cookies(form, cookies)
    token = form_token(form)
    began = time.time()
    statuses = []
    for n in range(FORM_LIMIT + 1):
        data = {"email": f"reeks-{tag}-{n:02d}@scaleout.example", "name": f"Reeks {n}",
                "consent": "on", "website": "", "csrfmiddlewaretoken": token}  # fmt: skip
        try:
            answer = form_post(targets[n % 2], "/nieuwsbrief/aanmelden/", data, cookies, visitor)
            statuses.append(answer.status)
        except (OSError, http.client.HTTPException):
            statuses.append(None)
    turned = int(began // FORM_WINDOW) != int(time.time() // FORM_WINDOW)
    return statuses, turned


def sign_in(target: Target, password: str, totp_key: str) -> tuple[dict, list[str]]:
    """Staff sign in on one server: password, then the authenticator's code."""
    visitor = new_visitor()
    cookies: dict = {}
    steps = []
    page = request(target, "GET", "/admin/login/", visitor=visitor)
    take_cookies(page, cookies)
    answer = form_post(target, "/admin/login/", {
        "username": ADMIN_USER, "password": password, "next": ADMIN_NEXT,
        "csrfmiddlewaretoken": form_token(page),
    }, cookies, visitor)  # fmt: skip
    take_cookies(answer, cookies)
    steps.append(f"login {answer.status}")
    page = request(target, "GET", f"{VERIFY_PATH}?next={ADMIN_NEXT}", visitor=visitor,
                   cookies=cookies)  # fmt: skip
    take_cookies(page, cookies)
    steps.append(f"code form {page.status}")
    if page.status == 200:
        answer = form_post(target, f"{VERIFY_PATH}?next={ADMIN_NEXT}", {
            "code": totp_code(totp_key), "csrfmiddlewaretoken": form_token(page),
        }, cookies, visitor)  # fmt: skip
        take_cookies(answer, cookies)
        steps.append(f"code {answer.status}")
    return cookies, steps


def dashboard(target: Target, cookies: dict) -> tuple[bool, str]:
    answer = request(target, "GET", ADMIN_NEXT, cookies=cookies)
    signed_in = answer.status == 200 and 'name="password"' not in answer.text
    return signed_in, f"dashboard {answer.status}"


EVIDENCE_CHOICE = re.compile(r'name="remove_evidence" value="(\d+)"')
DRAFT_LOCATION = re.compile(r"/vignet/aanvraag/([^/]+)/stap/")


def upload_evidence(target: Target, content: bytes) -> tuple[int | None, list[str]]:
    """A vignet applicant on one server: step 1 creates the draft, step 4 uploads evidence
    (saved with "later", as a person stopping half-way does); the evidence's id from step 4."""
    visitor = new_visitor()
    cookies: dict = {}
    steps = []
    page = request(target, "GET", "/vignet/aanvragen/", visitor=visitor)
    take_cookies(page, cookies)
    answer = form_post(target, "/vignet/aanvragen/", {
        "organisation": "Proefbedrijf Twee Servers", "place": "Turfhaven",
        "province": "utrecht", "contact_name": "Proef Aanvrager",
        "email": "vignet@scaleout.example", "phone": "", "consent": "on", "website": "",
        "action": "later", "csrfmiddlewaretoken": form_token(page),
    }, cookies, visitor)  # fmt: skip
    steps.append(f"step 1 {answer.status}")
    found = DRAFT_LOCATION.search(answer.headers.get("Location", ""))
    if answer.status != 303 or found is None:
        return None, [*steps, first_error(answer.status, answer.text)]
    step4 = f"/vignet/aanvraag/{found.group(1)}/stap/4/"
    page = request(target, "GET", step4, visitor=visitor, cookies=cookies)
    take_cookies(page, cookies)
    body, kind = multipart(
        {"csrfmiddlewaretoken": form_token(page), "action": "later", "website": "",
         "guidance_name": "", "guidance_organisation": "", "guidance_description": ""},
        {"evidence": ("nulmeting.pdf", content, "application/pdf")},
    )  # fmt: skip
    answer = request(target, "POST", step4, body=body, visitor=visitor, cookies=cookies,
                     headers={"Content-Type": kind})  # fmt: skip
    steps.append(f"step 4 upload {answer.status}")
    if answer.status != 303:
        return None, [*steps, first_error(answer.status, answer.text)]
    page = request(target, "GET", step4, visitor=visitor, cookies=cookies)
    found = EVIDENCE_CHOICE.search(page.text)
    return (int(found.group(1)) if found else None), steps


def evidence_pdf() -> bytes:
    marker = secrets.token_hex(16)
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + f"% nulmeting {marker}\n".encode()
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def apply_split(form_at: Target, post_at: Target, job: Job, outcome: Outcome):
    """loadtest_vouchers.apply_once, with the form from one server and the POST to another."""
    visitor = new_visitor()
    path = f"/kennisvouchers/{SCHEME}/{job.example}/aanvragen/"
    form = request(form_at, "GET", path, visitor=visitor)
    outcome.timings["form"], outcome.statuses["form"] = form.seconds, form.status
    if form.status != 200:
        return
    cookies = take_cookies(form, {})
    token = CSRF_INPUT.search(form.text)
    if "csrftoken" not in cookies or token is None:
        outcome.error = "form without CSRF cookie or token"
        return
    post = form_post(post_at, path, {**job.data, "csrfmiddlewaretoken": token.group(1)},
                     {"csrftoken": cookies["csrftoken"]}, visitor)  # fmt: skip
    record_post(post, outcome)


def voucher_race(targets: list[Target], examples: list[str], seed: int):
    jobs = make_jobs(examples, VOUCHER_APPLICATIONS, VOUCHER_DUPLICATES, seed)
    outcomes = [Outcome() for _ in jobs]
    answered = [threading.Event() for _ in jobs]

    def one(position):
        job, outcome = jobs[position], outcomes[position]
        try:
            if job.duplicate_of is not None:
                answered[job.duplicate_of].wait(REQUEST_TIMEOUT * 3)
                if outcomes[job.duplicate_of].statuses.get("post") != 303:
                    outcome.skipped = True
                    return
            apply_split(targets[position % 2], targets[(position // 2) % 2], job, outcome)
        except (OSError, http.client.HTTPException) as error:
            outcome.error = f"{type(error).__name__}: {error}"
        finally:
            answered[position].set()

    wall = in_streams(one, range(len(jobs)), VOUCHER_STREAMS)
    return jobs, outcomes, wall


@dataclass
class Rate:
    requests: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    hits: int = 0
    latencies: list[float] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def measure_rate(targets: list[Target], path: str, requests: int) -> Rate:
    """`requests` GETs of one page over RATE_CONNECTIONS keep-alive connections, spread evenly
    over the targets (at most RATE_MAX_SECONDS)."""
    result = Rate()
    tickets = itertools.count()
    lock = threading.Lock()
    deadline = time.monotonic() + RATE_MAX_SECONDS

    def connection_loop(target: Target):
        visitor = new_visitor()
        connection = None
        while time.monotonic() < deadline and next(tickets) < requests:
            start = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        target.host, target.port, timeout=REQUEST_TIMEOUT,
                        source_address=(CLIENT, 0),
                    )  # fmt: skip
                connection.request("GET", path, headers={"X-Forwarded-For": visitor})
                response = connection.getresponse()
                response.read()
                status, hit = response.status, response.getheader("X-Page-Cache") == "hit"
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                status, hit = None, False
                if connection is not None:
                    connection.close()
                connection = None
            with lock:
                result.requests += 1
                result.statuses[status] += 1
                result.hits += hit
                result.latencies.append(time.perf_counter() - start)
        if connection is not None:
            connection.close()

    threads = [
        threading.Thread(target=connection_loop, args=(targets[n % len(targets)],), daemon=True)
        for n in range(RATE_CONNECTIONS)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(RATE_MAX_SECONDS + REQUEST_TIMEOUT)
    result.seconds = time.perf_counter() - began
    return result


def sign_ups_while_killing(targets: list[Target], victim: AppServer):
    """Newsletter sign-ups to both servers from KILL_STREAMS visitors at a time; the victim is
    killed KILL_AFTER seconds in. (submissions, the moment of the kill)."""
    submissions: list[Submission] = []
    lock = threading.Lock()
    numbers = itertools.count(1)
    began = time.time()
    end = began + KILL_SECONDS
    cookies: dict = {}
    survivor = targets[1]
    form = request(survivor, "GET", "/nieuwsbrief/aanmelden/")
    take_cookies(form, cookies)
    token = form_token(form)

    def stream(offset: int):
        turn = offset
        while time.time() < end:
            n = next(numbers)
            target = targets[turn % 2]
            turn += 1
            submission = Submission(target.name, f"val-{n:04d}@scaleout.example", time.time())
            data = {"email": submission.email, "name": "", "consent": "on", "website": "",
                    "csrfmiddlewaretoken": token}  # fmt: skip
            try:
                answer = form_post(target, "/nieuwsbrief/aanmelden/", data, cookies)
                submission.status = answer.status
            except (OSError, http.client.HTTPException) as error:
                submission.error = type(error).__name__
                time.sleep(0.05)
            with lock:
                submissions.append(submission)

    threads = [threading.Thread(target=stream, args=(n,), daemon=True) for n in range(KILL_STREAMS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER)
    killed_at = time.time()
    victim.kill()
    for thread in threads:
        thread.join(KILL_SECONDS + REQUEST_TIMEOUT)
    return submissions, killed_at


def unique_word(prefix: str) -> str:
    """A word no page has: the prefix and eight random consonants."""
    return prefix + "".join(secrets.choice("bcdfghjklmnpqrstvwxz") for _ in range(8))


def index_task_workers() -> set[str]:
    """The task workers that have run a search-index task (their last claim)."""
    from django_tasks_db.models import DBTaskResult

    done = DBTaskResult.objects.filter(
        task_path__startswith="kennislab.search.", status="SUCCESSFUL"
    )
    return {ids[-1] for ids in done.values_list("worker_ids", flat=True) if ids}


def warm_up(targets: list[Target], listing: str) -> str:
    """Servers in production have run for a while: every process has its search analysis
    loaded (a fresh process takes seconds for its first search or index task). So before the
    clock runs: searches on every gunicorn worker, and warm-up articles published until both
    task workers have indexed one."""
    cold: list[float] = []

    def search_once(target: Target):
        try:
            cold.append(request(target, "GET", "/zoeken/?q=gezondheid").seconds)
            request(target, "GET", listing)
        except (OSError, http.client.HTTPException):
            pass

    began = time.monotonic()
    rounds = 0
    while len(index_task_workers()) < len(targets) and rounds < 3:
        rounds += 1
        words = [unique_word("opwarmen") for _ in targets]
        slugs = [publish(word)[2] for word in words]  # the task workers start on these
        if rounds == 1:  # meanwhile, several searches at once per server: every gunicorn worker
            for _ in range(2):
                threads = [threading.Thread(target=search_once, args=(t,)) for t in targets * 4]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(REQUEST_TIMEOUT * 2)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(
            check_found(t, f"/zoeken/?q={word}", slug)
            for t in targets
            for word, slug in zip(words, slugs, strict=True)
        ):
            time.sleep(0.5)
    return (
        f"warm-up {time.monotonic() - began:.0f} s: first searches (cold processes) up to "
        f"{max(cold, default=0):.1f} s; index tasks ran on {len(index_task_workers())} task "
        f"workers after {rounds} warm-up round(s)"
    )


# --- the run ---------------------------------------------------------------------------------


def reachable(database_url: str, redis_url: str):
    """CannotRun with one line when PostgreSQL or Redis does not answer."""
    import psycopg

    try:
        psycopg.connect(with_database(database_url, "postgres"), connect_timeout=3).close()
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        where = urlsplit(database_url)
        raise CannotRun(
            f"PostgreSQL is not reachable at {where.hostname}:{where.port or 5432} ({first})"
        ) from None
    try:
        import redis
    except ImportError:
        raise CannotRun("the Python package redis is not installed (make install)") from None
    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=3, socket_timeout=3)
        client.ping()
        client.close()
    except redis.RedisError as error:
        where = urlsplit(redis_url)
        raise CannotRun(
            f"Redis is not reachable at {where.hostname}:{where.port or 6379} ({error})"
        ) from None


def flush_redis(redis_url: str):
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.flushdb()
    finally:
        client.close()


def server_env(database_url: str, redis_url: str, scratch: Path, sink: Sink, site: str) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    for name in SERVER_OWN:
        base.pop(name, None)
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "kennislab.settings.production",
        "BIN": str(Path(sys.executable).parent),
        "DATABASE_URL": with_database(database_url, PG_DATABASE),
        "CACHE_URL": redis_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_BASE_URL": site,
        "ALLOWED_HOSTS": ",".join([*HOSTS, CLIENT, "localhost"]),
        "TRUSTED_PROXIES": f"{CLIENT},::1",
        "FORWARDED_ALLOW_IPS": CLIENT,
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "private"),
        "EMAIL_URL": f"smtp://{CLIENT}:{sink.port}",
        "API_RATE": API_RATE,
        # gunicorn's worker recycling (max_requests 2000, deploy/gunicorn.conf.py) off: a
        # worker replaced in the middle of a measurement starts cold and the figure measures that
        "GUNICORN_CMD_ARGS": "--max-requests 0",
        "STAFF_2FA_REQUIRED": "false",  # production requires the second factor all the same
        "HTTPS": "false",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONUNBUFFERED": "1",
    }


def held_all(rows: list[Row]) -> bool:
    return all(row.held for row in rows)


def scenario(args) -> int:  # one story, told in order
    started = time.monotonic()
    reachable(args.database_url, args.redis_url)
    scratch = Path(tempfile.mkdtemp(prefix="kennislab-scaleout-"))
    sink = Sink()
    servers: list[AppServer] = []
    setup = None
    rows: list[Row] = []
    created = flushed = clean = finished = False
    try:
        sink.start()
        pg_admin(args.database_url, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)',
                 f'CREATE DATABASE "{PG_DATABASE}"')  # fmt: skip
        created = True
        flush_redis(args.redis_url)
        flushed = True
        targets = [
            Target(name, host, free_port(host)) for name, host in zip("AB", HOSTS, strict=True)
        ]
        env = server_env(args.database_url, args.redis_url, scratch, sink,
                         f"http://{targets[0].address}")  # fmt: skip
        where = urlsplit(args.database_url)
        out(
            f"Scale-out — two app servers (bin/serve: gunicorn {args.workers} workers × 4 "
            f"threads + a task worker each) on {targets[0].address} (A) and "
            f"{targets[1].address} (B); PostgreSQL {PG_DATABASE} on {where.hostname}:"
            f"{where.port or 5432}, Redis {args.redis_url}, one media folder, SMTP sink on "
            f"{CLIENT}:{sink.port}; {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f}"
        )

        # 1. Two servers started together on an empty database; the data loaded meanwhile.
        for target in targets:
            servers.append(AppServer(target, env, scratch / f"server-{target.name}.log",
                                     args.workers))  # fmt: skip
        setup_env = {**env, "TASKS_BACKEND": "immediate", "EMAIL_URL": "dummymail://",
                     "SCALEOUT_ADMIN_PASSWORD": secrets.token_urlsafe(18),
                     "SCALEOUT_TOTP_KEY": secrets.token_hex(20)}  # fmt: skip
        setup = Setup(setup_env, scratch / "setup.log")
        wait_until_ready(servers)
        info = setup.result()
        out(
            f"  servers answer after {servers[0].ready_after:.0f} s (A) and "
            f"{servers[1].ready_after:.0f} s (B); data loaded after {setup.seconds:.0f} s ("
            f"{', '.join(f'{k} {v:g} s' for k, v in info['timings'].items())})"
        )
        # This process is the editor's script and reads the database: Django with the servers'
        # settings (its log quieter).
        os.environ.update({**env, "LOG_LEVEL": "WARNING"})
        _django()
        planned = planned_daily_runs()
        logs = [server.log_text() for server in servers]
        waited = sum("migrate: waiting for another server" in log for log in logs)
        applied = [s.target.name for s, log in zip(servers, logs, strict=True)
                   if "  Applying " in log] or ["the set-up"]  # fmt: skip
        broken = [s.target.name for s, log in zip(servers, logs, strict=True)
                  if "Traceback" in log]  # fmt: skip
        rows.append(Row(
            "two servers started together",
            not broken and planned == 1 and len(applied) == 1,
            f"ready after {servers[0].ready_after:.0f} s and {servers[1].ready_after:.0f} s; "
            f"migrations applied by {' and '.join(applied)}, {waited} server(s) waited for the "
            f"lock; daily run planned {planned}×"
            + (f"; errors in the log of {broken}" if broken else ""),
        ))  # fmt: skip

        listing = info["listing"]

        out(f"  {warm_up(targets, listing)}")

        # 2. Publish; the listing on B at once; search on both within 5 s, kept for 60 s.
        for target in targets * 2:  # both servers' listing in the page cache
            request(target, "GET", listing)
        word = unique_word("schaalproef")
        page_id, page_path, slug = publish(word)
        published = time.time()
        on_b = request(targets[1], "GET", listing)
        shown = on_b.status == 200 and has_link(on_b.text, slug)
        rows.append(Row(
            "publish (editor's script): listing on B at once",
            shown,
            f"listing on B {on_b.status}, page cache {on_b.headers.get('X-Page-Cache', '–')}, "
            f"{'shows' if shown else 'does NOT show'} {page_path} "
            f"{time.time() - published:.2f} s after publishing",
        ))  # fmt: skip
        polls: list[Poll] = []
        stop = threading.Event()
        search = [("", f"/zoeken/?q={word}")]
        poller = threading.Thread(
            target=poll,
            args=(targets, search, slug, published, published + args.poll_seconds, polls, stop),
            daemon=True,
        )
        poller.start()
        # Meanwhile an editor's script publishes a batch (an import, say): index tasks on both
        # task workers at once, and compaction when enough changed, while search is polled.
        edited: list[float] = []
        editor = threading.Thread(
            target=editor_batch,
            args=(published + FOUND_WITHIN, published + args.poll_seconds / 2, edited),
            daemon=True,
        )
        editor.start()

        # 3. One bucket across the servers (while search is polled).
        api_ok, api_figures = burst_verdict(api_burst(targets), API_LIMIT, 200)
        rows.append(Row(f"API throttle one bucket (API_RATE={API_RATE}, A/B)", api_ok,
                        api_figures))  # fmt: skip
        statuses, turned = form_burst(targets, "1")
        if turned:  # the hour turned over during the burst: the counts started again
            statuses, turned = form_burst(targets, "2")
        form_ok, form_figures = burst_verdict(statuses, FORM_LIMIT, 303)
        rows.append(Row(f"form rate limit one bucket ({FORM_LIMIT}/h sign-ups, A/B)", form_ok,
                        form_figures))  # fmt: skip

        # 4. Signed in on A, on with B; evidence uploaded on A, downloaded on B.
        try:
            cookies, steps = sign_in(targets[0], setup_env["SCALEOUT_ADMIN_PASSWORD"],
                                     setup_env["SCALEOUT_TOTP_KEY"])  # fmt: skip
            on_b_ok, shown_b = dashboard(targets[1], cookies)
            steps.append(f"on B {shown_b}")
        except (OSError, http.client.HTTPException, CannotRun) as error:
            cookies, on_b_ok, steps = {}, False, [f"{type(error).__name__}: {error}"]
        rows.append(Row("sign in on A (password + app code), go on on B", on_b_ok,
                        "; ".join(steps)))  # fmt: skip
        content = evidence_pdf()
        try:
            evidence, steps = upload_evidence(targets[0], content)
            same = False
            if evidence is not None and on_b_ok:
                download = request(targets[1], "GET", f"/admin/vignet/bewijs/{evidence}/",
                                   cookies=cookies)  # fmt: skip
                same = download.status == 200 and download.body == content
                steps.append(f"staff download on B {download.status}, {len(download.body)} "
                             f"bytes, {'the same' if same else 'NOT the same'}")  # fmt: skip
        except (OSError, http.client.HTTPException, CannotRun) as error:
            same, steps = False, [f"{type(error).__name__}: {error}"]
        rows.append(Row("vignet evidence uploaded on A, staff download on B", same,
                        f"{len(content)} bytes; " + "; ".join(steps)))  # fmt: skip

        # 5. The voucher race over both servers.
        jobs, outcomes, wall = voucher_race(targets, info["examples"], args.seed)
        failures, figures = check_vouchers(jobs, outcomes, voucher_database(), None)
        f = figures
        rows.append(Row(
            "voucher race split over A and B",
            not failures,
            f"{len(jobs)} applications in {wall:.1f} s: accepted {f['accepted']}, refused "
            f"{f['refused']} duplicates, stored {f['stored']}, granted {f['granted']} (cap "
            f"{f['cap_total']}), at most {f['most']} per example (cap {f['cap_example']}), "
            f"waiting {f['waiting']}" + "".join(f"; {failure}" for failure in failures),
        ))  # fmt: skip

        # 6. The daily jobs at once on both servers' workers (idle by then: the batch indexed
        # and the mail of the rows above sent first), and twice here.
        editor.join(args.poll_seconds)
        queue_idle(30)
        drain_outbox(info["mail_baseline"], 20)
        due = due_daily_runs()
        results: list[int] = []
        here = [threading.Thread(target=run_daily_here, args=(results,)) for _ in range(2)]
        for thread in here:
            thread.start()
        for thread in here:
            thread.join(60)

        poller.join(args.poll_seconds + REQUEST_TIMEOUT)
        indexing = search_tasks_since(published, targets)
        found = [appearance(polls, target.name) for target in targets]
        rows.append(Row(
            f"publish: search on A and B within {FOUND_WITHIN:g} s, kept",
            all(a.held(FOUND_WITHIN) for a in found),
            "; ".join(
                f"{a.server}: found after "
                f"{'never' if a.first_found is None else f'{a.first_found:.1f} s'}, "
                f"lost {a.lost}× in {a.polls} polls over {args.poll_seconds:g} s"
                + (f", {a.errors} errors" if a.errors else "")
                for a in found
            )
            + f"; meanwhile {len(edited)} more articles published: search tasks "
            + (", ".join(f"{name} {n}×" for name, n in sorted(indexing.items())) or "none"),
        ))  # fmt: skip

        # 7. Unpublish: gone from search and listing on both within 5 s, and stays gone.
        unpublish(page_id)
        gone_since = time.time()
        after: list[Poll] = []
        watched = [("search", search[0][1]), ("listing", listing)]
        until = gone_since + GONE_WITHIN + STAY_GONE
        poll(targets, watched, slug, gone_since, until, after, threading.Event())
        names = sorted({p.server for p in after})
        gone = [disappearance(after, name) for name in names]
        rows.append(Row(
            f"unpublish: gone from A and B within {GONE_WITHIN:g} s",
            bool(gone) and all(d.held(GONE_WITHIN) for d in gone),
            "; ".join(
                f"{d.server} {'never gone' if d.gone_at is None else f'{d.gone_at:.1f} s'}"
                + (f" (back {d.came_back}×)" if d.came_back else "")
                + (f" ({d.errors} errors)" if d.errors else "")
                for d in gone
            ) + f"; watched {GONE_WITHIN + STAY_GONE:g} s",
        ))  # fmt: skip

        # 8. Every mail once.
        outbox = drain_outbox(info["mail_baseline"], DRAIN_TIMEOUT)
        time.sleep(1)  # the last messages reach the sink
        mail_ok, mail_figures, problems = mail_verdict(
            outbox, sink.snapshot(), info["daily_topic"], info["participants"]
        )
        workers = daily_runs_by_worker(targets)
        rows.append(Row(
            "two workers: every mail sent exactly once",
            mail_ok,
            f"{mail_figures}; daily jobs run {due + len(results)}× at once (workers: "
            f"{', '.join(f'{name} {n}×' for name, n in sorted(workers.items())) or 'none'}; "
            f"this process 2×)" + "".join(f"; {problem}" for problem in problems),
        ))  # fmt: skip

        # 9. Requests per second: one server, then both.
        for target in targets:
            measure_rate([target], listing, 40)  # every gunicorn worker warm
        rates: dict[str, list[Rate]] = {"one": [], "two": []}
        for _ in range(RATE_ROUNDS):  # alternating, so the machine's other load hits both alike
            rates["one"].append(measure_rate(targets[:1], listing, RATE_REQUESTS))
            rates["two"].append(measure_rate(targets, listing, RATE_REQUESTS))
        one, two = (median([r.per_second for r in rates[k]]) for k in ("one", "two"))
        every = rates["one"] + rates["two"]
        answers = sum((r.statuses for r in every), Counter())
        latency = {k: p95([x for r in rates[k] for x in r.latencies]) * 1000 for k in rates}

        def rounds(kind: str) -> str:
            return "rounds " + ", ".join(f"{r.per_second:.0f}" for r in rates[kind])

        rows.append(Row(
            "requests/s, cached listing: one vs two servers",
            set(answers) == {200},
            f"one {one:.0f}/s ({rounds('one')}; p95 {latency['one']:.0f} ms), two {two:.0f}/s "
            f"({rounds('two')}; p95 {latency['two']:.0f} ms): ×{rate_ratio(one, two) or 0:.2f} "
            f"(medians of {RATE_ROUNDS} × {RATE_REQUESTS} requests, {RATE_CONNECTIONS} "
            f"connections); answers "
            f"{dict(answers)}, page cache hits {sum(r.hits for r in every)}; both servers share "
            f"{os.cpu_count()} cores with PostgreSQL, Redis and this client: the ratio shows "
            f"overhead and the machine's other load, not the capacity a second machine adds",
        ))  # fmt: skip

        # 10. Server A killed under load.
        submissions, killed_at = sign_ups_while_killing(targets, servers[0])
        stored = stored_subscribers([s.email for s in submissions])
        kill_ok, kill_figures, problems = kill_verdict(submissions, killed_at, stored, "B")
        kill_ok = kill_ok and servers[0].killed_workers == 1
        rows.append(Row(
            "server A killed under load: B serves, nothing lost",
            kill_ok,
            f"SIGKILL to A's gunicorn and its task worker ({servers[0].killed_workers}) "
            f"{KILL_AFTER:g} s into {KILL_SECONDS:g} s of sign-ups; {kill_figures}"
            + "".join(f"; {p}" for p in problems),
        ))  # fmt: skip

        out()
        for line in format_table(rows):
            out(line)
        out()
        five = sum(1 for p in polls + after if p.found is None)
        tracebacks = sum(server.log_text().count("Traceback") for server in servers)
        out(f"Search and listing polls without an answer or not 200: {five}; tracebacks in the "
            f"servers' logs: {tracebacks}. Load average {os.getloadavg()[0]:.1f}.")  # fmt: skip
        clean = held_all(rows)
        finished = True
        return 0 if clean else 1
    except KeyboardInterrupt:
        clean = True
        raise
    finally:
        stopping = time.monotonic()
        if setup is not None:
            setup.stop()
        for server in servers:
            server.stop()
        sink.stop()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if created:
            try:
                pg_admin(args.database_url, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            except CannotRun as error:
                out(f"  could not drop {PG_DATABASE}: {error}")
        if flushed:
            with contextlib.suppress(Exception):
                flush_redis(args.redis_url)
        if clean and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            out(f"  server logs kept in {scratch}")
        if finished:
            wall = time.monotonic() - started
            verdict = "within" if wall <= WALL_LIMIT else "OVER"
            out(f"Wall time {wall:.0f} s, of which {time.monotonic() - stopping:.0f} s to stop "
                f"and remove everything ({verdict} the {WALL_LIMIT} s for CI).")  # fmt: skip


def default_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if is_postgres(url) else DEFAULT_DATABASE_URL


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_setup"]:
        print(json.dumps(setup_database()), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=default_database_url(),
                        help="a PostgreSQL server (its database is not touched; "
                        f"{PG_DATABASE} is made and dropped beside it)")  # fmt: skip
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL,
                        help="a Redis database of its own (emptied at start and end)")  # fmt: skip
    parser.add_argument("--poll-seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the scratch dir after success")
    args = parser.parse_args(argv)
    if not is_postgres(args.database_url):
        print("scaleout could not run: --database-url must be a PostgreSQL URL", flush=True)
        return 2
    return run_until_interrupted(
        "scaleout",
        lambda: scenario(args),
        interrupted="servers stopped, scratch database dropped",
        errors=(OSError, http.client.HTTPException),
    )


if __name__ == "__main__":
    sys.exit(main())
