"""make bench-http: the public pages through HTTP, served as production serves them.

Starts `make serve` (bin/serve: migrate, collectstatic, task worker, gunicorn with 2 workers ×
4 threads, whitenoise) on a scratch database with the demo content and the seed dumps: SQLite in a
fresh temp dir, or, when DATABASE_URL is a PostgreSQL URL, a throwaway database
`kennislab_bench_http` on that server (the database in the URL itself is never touched). Then a
bounded load generator keeps 16 keep-alive connections busy (wrk when it is on PATH, otherwise
the Python one below) and counts the requests per second and the median and p95 latency of: home,
the Kennislab listing, an article, search, the agenda, and a bare Django view in the same server.
Pages are measured in rounds, one page after the other, so a change in the machine's load hits
every page alike; each page gets a short warm-up first (with the page cache on, it fills the cache
of both workers).

The server runs twice: with the anonymous page cache off (PAGE_CACHE_SECONDS=0) and on
(PAGE_CACHE_SECONDS=600, warmed), and every page is printed as a ratio of the bare view's requests
per second in the same server. Issue 17's goals: with the cache ≥ 0.8 × the bare view for every page
served from the cache, without it ≥ 0.05 ×.

The bare view: gunicorn's workers load kennislab.bench.http_settings (production settings with
the URLconf kennislab.bench.http_urls: the site's URLs plus /__bench__/) through gunicorn's --env in
GUNICORN_CMD_ARGS, because bin/serve exports the production settings module. Production never
names that module, so the bare view exists on no real site. It answers text/plain and is exempt
from the page cache, so it costs the same in both runs.

Differences from a real deployment, all for the sake of the measurement: the per-visitor rate
limits are off (RATE_LIMITS_ENABLED=false: every request comes from 127.0.0.1); the page cache is
the per-process default (no CACHE_URL; --cache-url to try Redis); and gunicorn's worker recycling
(max_requests 2000, deploy/gunicorn.conf.py) is off unless --recycle: at benchmark rates it would
restart a worker every few seconds, and the figures would measure Django's start-up and an empty
page cache instead of the pages. Everything listens on 127.0.0.1 only. Every process is stopped at
the end, also on Ctrl-C or a failure; the scratch directory is removed after a clean run.

Exit 0 after a clean run, 1 when a page answered anything but 200 (or connections failed), 2 when
the benchmark could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import re
import secrets
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .common import median, out, p95
from .loadtest_vouchers import (
    CannotRun,
    Server,
    fetch,
    free_port,
    is_postgres,
    pg_admin,
    run_until_interrupted,
    tail,
    with_database,
)

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PG_DATABASE = "kennislab_bench_http"
BARE_PATH = "/__bench__/"  # kennislab.bench.http_urls
BENCH_SETTINGS = "kennislab.bench.http_settings"
SEARCH_PATH = "/zoeken/?q=gezondheid+wijk"  # as in make bench-pages
CACHE_SECONDS = 600
CACHED_GOAL = 0.8
UNCACHED_GOAL = 0.05
HIT_SHARE = 0.5  # a page counts as served from the cache when at least half its answers were hits
REQUEST_TIMEOUT = 30  # seconds without any answer before a run is given up
STATIC_LINK = re.compile(r'(?:href|src)="(/static/[^"?#]+)"')


# --- inside the scratch database (a subprocess with the server's settings) --------------------


def setup_database() -> dict:
    """Migrate, load the demo and the seed dumps, and name the pages to measure."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.production")
    import django

    django.setup()
    from django.core.management import call_command

    from kennislab.campaigns.models import AgendaPage
    from kennislab.content.models import ArticlePage, KennislabIndexPage
    from kennislab.content.tests.seeds import seeds_dir

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    directory = seeds_dir()
    if directory is not None:
        seeds = sorted(map(str, directory.glob("*.txt")))
        call_command("import_dump", *seeds, "--no-progress", stdout=io.StringIO())

    def page_path(page, fallback: str) -> str:
        if page is None:
            return fallback
        return page.get_url_parts()[2]

    listing = KennislabIndexPage.objects.live().first()
    agenda = AgendaPage.objects.live().first()
    article = ArticlePage.objects.live().public().filter(source="").order_by("-date").first()
    if article is None:
        raise SystemExit("no article in the demo content")
    return {
        "items": ArticlePage.objects.live().public().count(),
        "seeds": directory is not None,
        "pages": [
            ["bare Django view", BARE_PATH],
            ["home", "/"],
            ["Kennislab listing", page_path(listing, "/kennislab/")],
            ["article", page_path(article, "")],
            ["search", SEARCH_PATH],
            ["agenda", page_path(agenda, "/agenda/")],
        ],
    }


def run_setup(env: dict, log: Path) -> dict:
    with log.open("ab") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "kennislab.bench.http", "_setup"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            check=False,
        )
    lines = done.stdout.decode(errors="replace").strip().splitlines()
    if done.returncode != 0 or not lines:
        raise CannotRun(f"setting up the database failed (exit {done.returncode}):\n{tail(log)}")
    return json.loads(lines[-1])


# --- HTTP responses (pure helpers) -------------------------------------------------------------


def request_bytes(host: str, port: int, path: str) -> bytes:
    """The request every connection sends: what wrk sends, a GET with only a Host header."""
    return f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode("latin-1")


@dataclass(frozen=True)
class Head:
    status: int
    size: int  # bytes up to and including the blank line
    length: int | None  # Content-Length; None when chunked or delimited by the connection's close
    chunked: bool
    close: bool  # the server closes the connection after this response
    hit: bool  # served by the anonymous page cache (X-Page-Cache: hit)


def parse_head(buffer: bytes | bytearray) -> Head | None:
    """The status line and headers at the start of buffer, or None while they are incomplete."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = bytes(buffer[:end]).split(b"\r\n")
    version, status = lines[0].split(b" ", 2)[:2]
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    status = int(status)
    chunked = b"chunked" in headers.get(b"transfer-encoding", b"")
    length = None
    if not chunked and b"content-length" in headers:
        length = int(headers[b"content-length"])
    elif not chunked and (status < 200 or status in (204, 304)):
        length = 0
    connection = headers.get(b"connection", b"")
    close = connection == b"close" or (version == b"HTTP/1.0" and connection != b"keep-alive")
    hit = headers.get(b"x-page-cache") == b"hit"
    return Head(status, end + 4, length, chunked, close or (length is None and not chunked), hit)


def chunked_end(buffer: bytes | bytearray, start: int) -> int | None:
    """Where a chunked body that begins at start ends, or None while it is incomplete."""
    position = start
    while True:
        line_end = buffer.find(b"\r\n", position)
        if line_end < 0:
            return None
        size = int(bytes(buffer[position:line_end]).split(b";")[0].strip(), 16)
        if size == 0:
            if buffer[line_end + 2 : line_end + 4] == b"\r\n":
                return line_end + 4
            trailers = buffer.find(b"\r\n\r\n", line_end + 2)
            return None if trailers < 0 else trailers + 4
        position = line_end + 2 + size + 2
        if position > len(buffer):
            return None


def response_end(buffer: bytes | bytearray, head: Head) -> int | None:
    """Where the response ends in buffer; None while incomplete or when only the close ends it."""
    if head.length is not None:
        end = head.size + head.length
        return end if len(buffer) >= end else None
    if head.chunked:
        return chunked_end(buffer, head.size)
    return None


# --- results ----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    requests: int = 0  # answers completed within the measured time
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # the Python generator: every answer
    p50: float | None = None  # wrk: its own percentiles (seconds)
    p95: float | None = None
    statuses: Counter = field(default_factory=Counter)
    hits: int = 0
    errors: int = 0  # connections refused, reset or timed out
    answers: int = 0  # every answer, also those completed after the time (drained)
    cpu: float | None = None  # CPU seconds of gunicorn's processes while this ran

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, which: str) -> float | None:
        if self.latencies:
            return median(self.latencies) if which == "p50" else p95(self.latencies)
        return getattr(self, which)

    @property
    def cpu_per_answer(self) -> float | None:
        return self.cpu / self.answers if self.cpu is not None and self.answers else None

    @property
    def failures(self) -> int:
        return self.errors + sum(n for status, n in self.statuses.items() if status != 200)


def merge(results: list[LoadResult]) -> LoadResult:
    """The rounds of one page together. With wrk's percentiles (no single timings) the rounds'
    percentiles are averaged, weighted by their requests."""
    merged = LoadResult()
    for result in results:
        merged.requests += result.requests
        merged.seconds += result.seconds
        merged.latencies += result.latencies
        merged.statuses += result.statuses
        merged.hits += result.hits
        merged.errors += result.errors
        merged.answers += result.answers
        if result.cpu is not None:
            merged.cpu = (merged.cpu or 0.0) + result.cpu
    if not merged.latencies and merged.requests:
        for which in ("p50", "p95"):
            known = [(r.requests, getattr(r, which)) for r in results if getattr(r, which)]
            if known:
                total = sum(n for n, _ in known)
                setattr(merged, which, sum(n * v for n, v in known) / total if total else None)
    return merged


def ratios(rounds: dict[str, list[LoadResult]], bare: str) -> dict[str, float | None]:
    """Per page: the median over the rounds of its requests per second divided by the bare
    view's in the same round (the rounds follow each other, so the machine's load drifts less
    within a round than over the whole run)."""
    result = {}
    for label, results in rounds.items():
        values = [r.rate / b.rate for r, b in zip(results, rounds[bare], strict=True) if b.rate]
        result[label] = median(values) if values else None
    return result


def cpu_ratio(result: LoadResult, bare: LoadResult) -> float | None:
    """The bare view's CPU per answer ÷ the page's: the ratio the requests per second would
    have on a machine with nothing else to do (when the server, not the client, is the limit)."""
    page, base = result.cpu_per_answer, bare.cpu_per_answer
    return base / page if page and base else None


def served_from_cache(result: LoadResult) -> bool:
    return result.requests > 0 and result.hits >= HIT_SHARE * result.requests


def verdicts(
    cached: dict[str, LoadResult], on: dict[str, float | None], off: dict[str, float | None]
) -> list:
    """Per page (the bare view first, left out): the ratio with the page cache on, None when
    the page was not served from the cache; the ratio with it off; whether each meets its goal
    (None: no goal applies)."""
    lines = []
    for label in list(cached)[1:]:
        cached_ratio = on[label] if served_from_cache(cached[label]) else None
        uncached_ratio = off[label]
        lines.append(
            (
                label,
                cached_ratio,
                uncached_ratio,
                None if cached_ratio is None else cached_ratio >= CACHED_GOAL,
                uncached_ratio is not None and uncached_ratio >= UNCACHED_GOAL,
            )
        )
    return lines


# --- the load generators ----------------------------------------------------------------------


class _Connection:
    __slots__ = ("buffer", "head", "socket", "started")

    def __init__(self, sock: socket.socket):
        self.socket = sock
        self.buffer = bytearray()
        self.head: Head | None = None
        self.started = 0.0


def python_load(port: int, path: str, connections: int, seconds: float) -> LoadResult:
    """Keep `connections` keep-alive connections busy for `seconds`, one request in flight each,
    from one thread (select/epoll on non-blocking sockets: the least CPU a Python client can
    take from the server it measures). Answers that complete after the time are drained: they
    count in `answers` (so the server's CPU per answer is exact), not in `requests`."""
    request = request_bytes(HOST, port, path)
    selector = selectors.DefaultSelector()
    result = LoadResult()
    open_connections: set[_Connection] = set()

    def send(connection: _Connection):
        connection.buffer.clear()
        connection.head = None
        connection.started = time.perf_counter()
        sent = connection.socket.send(request)
        if sent < len(request):  # never for a request this small, but be correct
            connection.socket.setblocking(True)
            connection.socket.sendall(request[sent:])
            connection.socket.setblocking(False)

    def connect():
        try:
            sock = socket.create_connection((HOST, port), timeout=REQUEST_TIMEOUT)
        except OSError:
            result.errors += 1
            return
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setblocking(False)
        connection = _Connection(sock)
        open_connections.add(connection)
        selector.register(sock, selectors.EVENT_READ, connection)
        try:
            send(connection)
        except OSError:
            result.errors += 1
            close(connection)

    def close(connection: _Connection):
        open_connections.discard(connection)
        with contextlib.suppress(KeyError, ValueError):
            selector.unregister(connection.socket)
        connection.socket.close()

    def record(connection: _Connection, finished: float):
        result.answers += 1
        if finished <= deadline:
            result.requests += 1
            result.latencies.append(finished - connection.started)
            result.statuses[connection.head.status] += 1
            result.hits += connection.head.hit

    start = time.perf_counter()
    deadline = start + seconds
    last_progress = start
    try:
        for _ in range(connections):
            connect()
        while open_connections:
            events = selector.select(timeout=0.5)
            now = time.perf_counter()
            if not events and now - last_progress > REQUEST_TIMEOUT:
                raise CannotRun(f"no answer from the server for {REQUEST_TIMEOUT} s ({path})")
            for key, _ in events:
                connection = key.data
                try:
                    data = connection.socket.recv(262144)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = None
                now = time.perf_counter()
                last_progress = now
                if not data:  # closed by the server (or an error)
                    head = connection.head
                    if head is not None and head.length is None and not head.chunked:
                        record(connection, now)  # a response delimited by the close
                    elif data is None or connection.head is not None or connection.buffer:
                        result.errors += 1
                    close(connection)
                    if now < deadline:
                        connect()
                    continue
                connection.buffer += data
                if connection.head is None:
                    connection.head = parse_head(connection.buffer)
                    if connection.head is None:
                        continue
                if response_end(connection.buffer, connection.head) is None:
                    continue
                record(connection, now)
                if now >= deadline or connection.head.close:
                    close(connection)
                    if now < deadline:
                        connect()
                else:
                    send(connection)
    finally:
        for connection in list(open_connections):
            close(connection)
        selector.close()
    result.seconds = seconds
    return result


WRK_SCRIPT = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; other = 0; hits = 0 end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
  local cache = headers["X-Page-Cache"] or headers["x-page-cache"]
  if cache == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local o, x, h = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); x = x + t:get("other"); h = h + t:get("hits")
  end
  local e = summary.errors
  io.write(string.format("KENNISLAB-BENCH %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    o, x, h, e.connect + e.read + e.write + e.timeout))
end
"""


def parse_wrk(output: str) -> LoadResult:
    """The line the script's done() writes: requests, duration (µs), p50 and p95 (µs), answers
    200, other answers, page-cache hits, socket errors."""
    for line in output.splitlines():
        if line.startswith("KENNISLAB-BENCH "):
            requests, duration, p50, p95_, ok, other, hits, errors = map(int, line.split()[1:])
            statuses = Counter({200: ok} if ok else {})
            if other:
                statuses["not 200"] = other
            return LoadResult(
                requests=requests,
                seconds=duration / 1e6,
                p50=p50 / 1e6,
                p95=p95_ / 1e6,
                statuses=statuses,
                hits=hits,
                errors=errors,
                answers=requests,  # wrk drops what is in flight at the end
            )
    raise CannotRun(f"wrk printed no result:\n{output[-2000:]}")


def wrk_load(
    wrk: str, script: Path, port: int, path: str, connections: int, seconds: float
) -> LoadResult:
    url = f"http://{HOST}:{port}{path}"
    command = [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s",
               f"--timeout={REQUEST_TIMEOUT}s", "-s", str(script), url]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603 — wrk from PATH, fixed arguments
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    try:
        output, _ = process.communicate(timeout=seconds + REQUEST_TIMEOUT + 10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return parse_wrk(output.decode(errors="replace"))


class LoadGenerator:
    def __init__(self, choice: str, connections: int, scratch: Path):
        self.connections = connections
        self.wrk = shutil.which("wrk") if choice in ("auto", "wrk") else None
        if choice == "wrk" and self.wrk is None:
            raise CannotRun("--generator wrk: wrk is not on PATH")
        self.script = scratch / "bench.lua"
        if self.wrk:
            self.script.write_text(WRK_SCRIPT)

    @property
    def name(self) -> str:
        return f"wrk ({self.wrk})" if self.wrk else "the Python generator (wrk is not on PATH)"

    def run(self, port: int, path: str, seconds: float) -> LoadResult:
        if self.wrk:
            return wrk_load(self.wrk, self.script, port, path, self.connections, seconds)
        return python_load(port, path, self.connections, seconds)


# --- the runs ---------------------------------------------------------------------------------


def server_env(base: dict, scratch: Path, database_url: str, cache_seconds: int, args) -> dict:
    gunicorn = f"--env DJANGO_SETTINGS_MODULE={BENCH_SETTINGS}"
    if not args.recycle:
        gunicorn += " --max-requests 0"
    env = {
        **{k: v for k, v in base.items() if k not in ("CACHE_URL", "GUNICORN_CMD_ARGS")},
        "DJANGO_SETTINGS_MODULE": "kennislab.settings.production",
        "GUNICORN_CMD_ARGS": gunicorn,
        "DATABASE_URL": database_url,
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "RATE_LIMITS_ENABLED": "false",  # every request comes from 127.0.0.1
        "HOST": HOST,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_URL": "consolemail://",
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "private"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "HTTPS": "false",
        "PYTHONUNBUFFERED": "1",
    }
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    return env


def server_cpu(group: int) -> float | None:
    """CPU seconds (user + system) used so far by the gunicorn processes (master and workers,
    all their threads) in the server's process group; None where /proc is missing. Unlike
    requests per second this hardly depends on what else the machine is doing. With SQLite the
    database's work is in it; PostgreSQL's own processes are not."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # fields[2] is the process group; [11] and [12] are utime and stime (proc(5))
        if name == "gunicorn" and int(fields[2]) == group:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def check_static(port: int, home: str) -> str:
    """A static file the home page links to must come from whitenoise (collectstatic ran)."""
    found = STATIC_LINK.findall(home)
    if not found:
        raise CannotRun("the home page links to no file under /static/")
    answer = fetch(port, "GET", found[0], timeout=REQUEST_TIMEOUT)
    if answer.status != 200:
        raise CannotRun(f"static file {found[0]} answered {answer.status}")
    size = answer.headers.get("Content-Length", "?")
    control = answer.headers.get("Cache-Control", "–")
    return f"{found[0]} 200, {size} bytes, Cache-Control {control}"


def prime(port: int, pages: list):
    """One request per page before anything is timed: the first view of a page creates its
    image renditions (a write, which empties the page cache's generation), and a page that does
    not answer 200 stops the run here."""
    for label, path in pages:
        answer = fetch(port, "GET", path, timeout=120)
        if answer.status != 200:
            raise CannotRun(f"{label} ({path}) answered {answer.status}")


def measure(server: Server, port: int, pages: list, generator: LoadGenerator, args) -> dict:
    """Rounds of every page one after the other; the warm-up only in the first round (the caches
    stay warm: the page cache for 600 s)."""
    rounds: dict[str, list[LoadResult]] = {label: [] for label, _ in pages}
    for number in range(args.rounds):
        for label, path in pages:
            if number == 0 and args.warmup > 0:
                generator.run(port, path, args.warmup)
            before = server_cpu(server.process.pid)
            result = generator.run(port, path, args.seconds)
            after = server_cpu(server.process.pid)
            if before is not None and after is not None:
                result.cpu = after - before
            rounds[label].append(result)
    return rounds


def run_server(env: dict, scratch: Path, mode: str, args) -> tuple[Server, int]:
    port = free_port()
    env = {**env, "PORT": str(port), "SITE_BASE_URL": f"http://{HOST}:{port}"}
    server = Server(env, port, args.workers, scratch / f"server-{mode}.log")
    return server, port


def ms(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value * 1000:.{digits}f}"


def times(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(pages, cached, uncached, on, off) -> list[str]:
    widths = (20, 9, 7, 8, 8, 8, 6, 3, 9, 7, 8, 8, 8)

    def line(cells):
        return "".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    heading = ["page", "req/s", "× bare", "p50 ms", "p95 ms", "CPU ms", "hits", ""]
    lines = [
        line(["", "page cache on", "", "", "", "", "", "", "page cache off"]),
        line(heading + heading[1:6]),
    ]
    for label, _ in pages:
        cells = [label]
        for result, ratio in ((cached[label], on[label]), (uncached[label], off[label])):
            cells += [
                f"{result.rate:.1f}",
                times(ratio, 2),
                ms(result.percentile("p50")),
                ms(result.percentile("p95")),
                ms(result.cpu_per_answer, 2),
            ]
            if result is cached[label]:
                share = f"{100 * result.hits / result.requests:.0f}%" if result.requests else "–"
                cells += [share, ""]
        lines.append(line(cells))
    return lines


def bench(args) -> int:
    url = os.environ.get("DATABASE_URL", "")
    engine = "PostgreSQL" if is_postgres(url) else "SQLite"
    scratch = Path(tempfile.mkdtemp(prefix="kennislab-bench-http-"))
    log = scratch / "setup.log"
    if engine == "PostgreSQL":
        database_url = with_database(url, PG_DATABASE)
    else:
        database_url = f"sqlite:///{scratch / 'bench.sqlite3'}"
    base = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    server, created, clean = None, False, False
    failures = []
    try:
        generator = LoadGenerator(args.generator, args.connections, scratch)
        if engine == "PostgreSQL":
            pg_admin(url, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)',
                     f'CREATE DATABASE "{PG_DATABASE}"')  # fmt: skip
            created = True
        started = time.perf_counter()
        # Search indexing of the demo and the seeds runs at once, so the server's task worker
        # starts with an empty queue.
        setup_env = {
            **server_env(base, scratch, database_url, 0, args),
            "TASKS_BACKEND": "immediate",
            "SITE_BASE_URL": f"http://{HOST}",
        }
        info = run_setup(setup_env, log)
        pages = [tuple(page) for page in info["pages"]]
        bare = pages[0][0]
        out(
            f"HTTP benchmark — {engine}, {info['items']} items "
            f"({'demo + seed dumps' if info['seeds'] else 'demo only: seed dumps not found'}); "
            f"make serve: gunicorn {args.workers} workers × 4 threads"
            f"{'' if args.recycle else ', worker recycling off'}; "
            f"{args.connections} connections from {generator.name}; {args.rounds} round(s) × "
            f"{args.seconds:g} s per page after {args.warmup:g} s warm-up in the first "
            f"(set up in {time.perf_counter() - started:.0f} s)"
        )
        rounds = {}
        for mode, cache_seconds in (("off", 0), ("on", CACHE_SECONDS)):
            env = server_env(base, scratch, database_url, cache_seconds, args)
            server, port = run_server(env, scratch, mode, args)
            began = time.perf_counter()
            server.wait_until_ready(BARE_PATH)
            home = fetch(port, "GET", "/", timeout=REQUEST_TIMEOUT)
            static = check_static(port, home.text)
            out(
                f"  page cache {mode} (PAGE_CACHE_SECONDS={cache_seconds}): server on port {port} "
                f"ready in {time.perf_counter() - began:.0f} s; load average "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; static {static}"
            )
            prime(port, pages)
            rounds[mode] = measure(server, port, pages, generator, args)
            server.stop()
            server = None
        cached = {label: merge(results) for label, results in rounds["on"].items()}
        uncached = {label: merge(results) for label, results in rounds["off"].items()}
        on, off = ratios(rounds["on"], bare), ratios(rounds["off"], bare)
        for mode, results in (("on", cached), ("off", uncached)):
            for label, result in results.items():
                if result.failures or not result.requests:
                    answers = dict(result.statuses) or "none"
                    failures.append(
                        f"{label}, page cache {mode}: answers {answers}, "
                        f"{result.errors} connection errors"
                    )
        without_database = " (PostgreSQL's own processes not counted)" if created else ""
        out()
        for line in table(pages, cached, uncached, on, off):
            out(line)
        out()
        out(
            f"Goals (issue 17): page cache on ≥ {CACHED_GOAL} × the bare view for every page "
            f"served from the cache; off ≥ {UNCACHED_GOAL} ×. × bare: median over the rounds of "
            f"req/s ÷ the bare view's req/s in the same round. CPU ms: gunicorn's CPU time per "
            f"answer{without_database}, and (CPU …) the ratio it gives, which depends less on the "
            f"machine's other load. Load average "
            f"{os.getloadavg()[0]:.1f}"
        )
        for label, cached_ratio, uncached_ratio, on_met, off_met in verdicts(cached, on, off):
            by_cpu = times(cpu_ratio(cached[label], cached[bare]), 2)
            if cached_ratio is None:
                with_cache = "not served from the page cache"
            else:
                with_cache = f"{cached_ratio:.2f} {'met' if on_met else 'NOT met'} (CPU {by_cpu})"
            by_cpu = times(cpu_ratio(uncached[label], uncached[bare]))
            without = f"{times(uncached_ratio)} {'met' if off_met else 'NOT met'} (CPU {by_cpu})"
            out(f"  {label:<18} on: {with_cache:<32} off: {without}")
        for failure in failures:
            out(f"FAIL ({engine}): {failure}")
        clean = not failures
        return 1 if failures else 0
    except KeyboardInterrupt:
        clean = True  # nothing to look into afterwards
        raise
    finally:
        if server is not None:
            server.stop()
        if created:
            try:
                pg_admin(url, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            except CannotRun as error:
                out(f"  could not drop {PG_DATABASE}: {error}")
        if clean and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            out(f"  server logs kept in {scratch}")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_setup"]:
        print(json.dumps(setup_database()), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3, help="measured per page and round")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--warmup", type=float, default=2, help="seconds per page, first round")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--cache-url", default="", help="e.g. redis://127.0.0.1:6379/9")
    parser.add_argument(
        "--recycle", action="store_true", help="keep gunicorn's max_requests (2,000 per worker)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch dir after success")
    args = parser.parse_args(argv)

    return run_until_interrupted(
        "bench-http",
        lambda: bench(args),
        interrupted="server stopped",
        errors=(OSError, http.client.HTTPException),
    )


if __name__ == "__main__":
    sys.exit(main())
