"""The pure parts of make bench-http: response parsing, the Python load generator, the goals,
and the bare view that exists only in the benchmark's URLconf."""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kennislab.bench import http as bench

RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Page-Cache: hit\r\n"
    b"Content-Length: 5\r\n\r\nhello"
)


def test_parse_head_reads_status_length_and_cache_hit():
    head = bench.parse_head(RESPONSE)
    assert head == bench.Head(200, len(RESPONSE) - 5, 5, False, False, True)
    assert bench.response_end(RESPONSE, head) == len(RESPONSE)
    assert bench.response_end(RESPONSE[:-1], head) is None


def test_parse_head_waits_for_the_blank_line():
    assert bench.parse_head(RESPONSE[:30]) is None


def test_parse_head_close_and_miss():
    head = bench.parse_head(b"HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n")
    assert (head.status, head.close, head.hit, head.length) == (404, True, False, None)
    head = bench.parse_head(b"HTTP/1.0 304 Not Modified\r\nX-Page-Cache: miss\r\n\r\n")
    assert (head.length, head.close, head.hit) == (0, True, False)


def test_chunked_body_ends_after_the_last_chunk():
    body = b"5\r\nhello\r\n3;x=1\r\nabc\r\n0\r\n\r\n"
    raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    head = bench.parse_head(raw)
    assert head.chunked and head.length is None and not head.close
    assert bench.response_end(raw, head) == len(raw)
    assert bench.response_end(raw[:-2], head) is None
    assert bench.response_end(raw[:-10], head) is None
    with_trailer = raw[:-2] + b"Expires: never\r\n\r\n"
    assert bench.chunked_end(with_trailer, head.size) == len(with_trailer)


def test_parse_wrk_reads_the_scripts_line():
    result = bench.parse_wrk(
        "Running 5s test\nKENNISLAB-BENCH 1000 5000000 12000 30000 990 10 900 2\n"
    )
    assert result.rate == 200
    assert (result.percentile("p50"), result.percentile("p95")) == (0.012, 0.03)
    assert result.statuses == Counter({200: 990, "not 200": 10})
    assert (result.hits, result.errors, result.failures) == (900, 2, 12)
    with pytest.raises(bench.CannotRun):
        bench.parse_wrk("wrk: connection refused")


def test_goals_count_only_pages_served_from_the_cache():
    def result(requests, hits=0):
        return bench.LoadResult(requests=requests, seconds=1, hits=hits)

    cached = {"bare": result(1000), "home": result(850, 850), "search": result(20)}
    on = {"bare": 1.0, "home": 0.85, "search": 0.02}
    off = {"bare": 1.0, "home": 0.06, "search": 0.04}
    assert bench.verdicts(cached, on, off) == [
        ("home", 0.85, 0.06, True, True),
        ("search", None, 0.04, None, False),
    ]
    on["home"] = 0.79
    assert bench.verdicts(cached, on, off)[0] == ("home", 0.79, 0.06, False, True)


def test_cpu_ratio_is_the_bare_views_cpu_per_answer_over_the_pages():
    bare = bench.LoadResult(answers=1000, cpu=0.5)
    page = bench.LoadResult(answers=100, cpu=1.0)
    assert bench.cpu_ratio(page, bare) == 0.05
    assert bench.cpu_ratio(bench.LoadResult(answers=100), bare) is None


def test_ratios_are_the_median_of_each_rounds_own_ratio():
    def rounds(*rates):
        return [bench.LoadResult(requests=rate, seconds=1) for rate in rates]

    measured = {"bare": rounds(1000, 500, 800), "home": rounds(900, 100, 400), "x": rounds(0, 0, 0)}
    assert bench.ratios(measured, "bare") == {"bare": 1.0, "home": 0.5, "x": 0.0}


def test_merge_adds_rounds_and_weights_wrk_percentiles():
    one = bench.LoadResult(requests=100, seconds=1, p50=0.01, p95=0.02, hits=100, answers=100)
    two = bench.LoadResult(requests=300, seconds=1, p50=0.03, p95=0.04, errors=1, answers=300)
    assert bench.merge([one, two]).cpu is None  # not measured
    one.cpu, two.cpu = 0.5, 1.5
    merged = bench.merge([one, two])
    assert (merged.rate, merged.hits, merged.errors) == (200, 100, 1)
    assert merged.cpu_per_answer == 0.005
    assert merged.percentile("p50") == pytest.approx(0.025)
    assert merged.percentile("p95") == pytest.approx(0.035)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    close_every_answer = False

    def do_GET(self):
        body = b"not found" if self.path == "/missing/" else b"ok" * 500
        self.send_response(404 if self.path == "/missing/" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Page-Cache", "hit")
        if self.close_every_answer:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 64  # the default 5 would hold back some of the connections


@pytest.fixture(params=[False, True], ids=["keep-alive", "close"])
def server(request):
    handler = type("Handler", (_Handler,), {"close_every_answer": request.param})
    httpd = _Server((bench.HOST, 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_python_load_counts_answers_statuses_and_hits(server):
    result = bench.python_load(server, "/", connections=4, seconds=0.3)
    assert result.requests > 0
    assert result.statuses == Counter({200: result.requests})
    assert result.hits == result.requests == len(result.latencies)
    assert result.answers >= result.requests  # drained answers count there only
    assert result.errors == 0
    missing = bench.python_load(server, "/missing/", connections=2, seconds=0.2)
    assert missing.requests > 0 and set(missing.statuses) == {404}
    assert missing.failures == missing.requests


def test_python_load_counts_a_refused_connection_as_an_error():
    port = bench.free_port()  # nothing listens there
    result = bench.python_load(port, "/", connections=3, seconds=0.1)
    assert (result.requests, result.errors) == (0, 3)


@pytest.mark.django_db
def test_bare_view_exists_only_in_the_benchmarks_urlconf(client, settings):
    assert client.get(bench.BARE_PATH).status_code == 404  # the site's own URLconf
    settings.ROOT_URLCONF = "kennislab.bench.http_urls"
    response = client.get(bench.BARE_PATH)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content == b"ok"
