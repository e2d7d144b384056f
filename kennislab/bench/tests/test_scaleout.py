"""The pure parts of make scaleout (kennislab/bench/scaleout.py): the verdicts over what the
scenario saw, and the table it prints."""

import secrets
import subprocess
import sys
import time

from kennislab.bench.scaleout import (
    OutboxMail,
    Poll,
    Row,
    SinkMessage,
    Submission,
    Target,
    appearance,
    burst_verdict,
    disappearance,
    format_table,
    has_link,
    kill_verdict,
    mail_verdict,
    multipart,
    new_visitor,
    pids_with_argument,
    server_of,
)

# --- search after publishing: found within the window, never lost again ------------------------


def series(server, *found, step=0.5):
    return [Poll(server, step * (n + 1), value) for n, value in enumerate(found)]


def test_found_at_once_and_kept_holds():
    polls = series("A", False, True, True, True) + series("B", True, True, True, True)
    a, b = appearance(polls, "A"), appearance(polls, "B")
    assert (a.first_found, a.lost, a.polls) == (1.0, 0, 4)
    assert (b.first_found, b.lost) == (0.5, 0)
    assert a.held(5) and b.held(5)


def test_found_then_lost_fails_even_when_found_again():
    """The bug of issue 20: found within a second, gone for a while, back later."""
    result = appearance(series("A", True, True, False, False, True), "A")
    assert result.first_found == 0.5
    assert result.lost == 2
    assert not result.held(5)


def test_found_too_late_or_never_fails():
    late = appearance(series("A", *([False] * 11), True, step=0.5), "A")
    assert late.first_found == 6.0 and late.lost == 0
    assert not late.held(5) and late.held(6)
    never = appearance(series("A", False, False), "A")
    assert never.first_found is None and not never.held(5)


def test_a_poll_without_an_answer_fails_the_row():
    result = appearance(series("A", True, None, True), "A")
    assert result.errors == 1 and result.lost == 0
    assert not result.held(5)


def test_polls_out_of_order_are_judged_by_time_and_per_server():
    polls = [Poll("A", 2.0, True), Poll("B", 0.5, False), Poll("A", 1.0, False)]
    assert appearance(polls, "A").first_found == 2.0
    assert appearance(polls, "A").lost == 0  # the miss came before the find
    assert appearance(polls, "B").first_found is None


# --- after unpublishing: gone within the window, never back ------------------------------------


def test_gone_at_once_and_staying_gone_holds():
    result = disappearance(series("A listing", False, False, False), "A listing")
    assert result.gone_at == 0.5 and result.came_back == 0
    assert result.held(5)


def test_gone_only_from_the_last_time_it_was_seen():
    result = disappearance(series("A search", True, True, False, False), "A search")
    assert result.gone_at == 1.5 and result.came_back == 0
    assert result.held(5) and not result.held(1)


def test_coming_back_after_being_gone_fails():
    result = disappearance(series("B search", False, True, False), "B search")
    assert result.came_back == 1
    assert result.gone_at == 1.5
    assert not result.held(5)


def test_never_gone_fails():
    result = disappearance(series("B search", True, True), "B search")
    assert result.gone_at is None and not result.held(5)


# --- one bucket across the servers -------------------------------------------------------------


def test_burst_holds_when_exactly_the_next_call_is_refused():
    held, figures = burst_verdict([200] * 60 + [429], 60, 200)
    assert held
    assert figures == "calls 1–60: {200: 60}; call 61: 429"


def test_burst_fails_with_two_buckets_or_an_early_refusal():
    assert not burst_verdict([200] * 61, 60, 200)[0]  # each server counted for itself
    assert not burst_verdict([303] * 19 + [429, 429], 20, 303)[0]  # refused too early
    assert not burst_verdict([303] * 20, 20, 303)[0]  # too few answers
    assert not burst_verdict([303] * 20 + [None], 20, 303)[0]


# --- every mail exactly once -------------------------------------------------------------------


def outbox(*rows):
    return [OutboxMail(to, subject, topic, status) for to, subject, topic, status in rows]


DAILY = "uitdaging-7-dag-"
MAILS = outbox(
    ("een@x.example", "Dag 1", "uitdaging-7-dag-1", "sent"),
    ("twee@x.example", "Dag 1", "uitdaging-7-dag-1", "sent"),
    ("aanvrager@x.example", "Je aanvraag  KV-2026-1", "KV-2026-1", "sent"),
)


def sink(*rows):
    return [SinkMessage(mid, (to,), subject) for mid, to, subject in rows]


def test_every_mail_once_holds():
    arrived = sink(("<1@h>", "een@x.example", "Dag 1"), ("<2@h>", "TWEE@x.example", "Dag 1"),
                   ("<3@h>", "aanvrager@x.example", "Je aanvraag KV-2026-1"))  # fmt: skip
    held, figures, problems = mail_verdict(MAILS, arrived, DAILY, 2)
    assert held, problems
    assert figures.startswith("3 outbox mails (2 from the daily jobs), 3 messages at the sink")


def test_a_mail_sent_twice_fails_though_its_message_ids_differ():
    arrived = sink(("<1@h>", "een@x.example", "Dag 1"), ("<2@h>", "twee@x.example", "Dag 1"),
                   ("<3@h>", "aanvrager@x.example", "Je aanvraag KV-2026-1"),
                   ("<4@h>", "een@x.example", "Dag 1"))  # fmt: skip
    held, _, problems = mail_verdict(MAILS, arrived, DAILY, 2)
    assert not held
    assert problems == ["arrived more than once: 1, e.g. ('een@x.example', 'Dag 1')"]


def test_a_missing_a_strange_and_a_repeated_message_fail():
    arrived = sink(("<1@h>", "een@x.example", "Dag 1"), ("<1@h>", "twee@x.example", "Dag 1"),
                   ("<3@h>", "vreemd@x.example", "Hallo"))  # fmt: skip
    held, _, problems = mail_verdict(MAILS, arrived, DAILY, 2)
    assert not held
    assert any(p.startswith("did not arrive: 1") for p in problems)
    assert any("not in the outbox" in p for p in problems)
    assert any("Message-IDs seen twice" in p for p in problems)


def test_the_daily_job_queuing_a_participant_twice_fails():
    mails = [*MAILS, OutboxMail("een@x.example", "Dag 1", "uitdaging-7-dag-1", "sent")]
    arrived = sink(*[(f"<{n}@h>", m.to, m.subject) for n, m in enumerate(mails)])
    held, _, problems = mail_verdict(mails, arrived, DAILY, 2)
    assert not held
    assert "the daily job queued 1 participants' mail twice" in problems


def test_unsent_mail_and_a_daily_job_that_sent_nothing_fail():
    mails = outbox(("een@x.example", "Hoi", "", "queued"))
    held, _, problems = mail_verdict(mails, [], DAILY, 0)
    assert not held
    assert "not sent: {'queued': 1}" in problems
    assert "no daily-job mail was due: the row proves nothing" in problems


# --- a server killed under load ----------------------------------------------------------------


def test_kill_holds_when_the_survivor_answers_and_nothing_acknowledged_is_lost():
    subs = [Submission("A", "a1@x", 1.0, 303), Submission("B", "b1@x", 1.5, 303),
            Submission("A", "a2@x", 2.1, None, "ConnectionResetError"),
            Submission("B", "b2@x", 2.2, 303), Submission("A", "a3@x", 3.5, None, "refused")]  # fmt: skip
    held, figures, problems = kill_verdict(subs, 2.0, {"a1@x", "b1@x", "b2@x"}, "B")
    assert held, problems
    assert "3 acknowledged, 0 lost" in figures


def test_kill_fails_when_an_acknowledged_sign_up_is_missing():
    subs = [Submission("A", "a1@x", 1.0, 303), Submission("B", "b1@x", 2.5, 303)]
    held, _, problems = kill_verdict(subs, 2.0, {"b1@x"}, "B")
    assert not held and problems == ["1 acknowledged sign-ups not in the database"]


def test_kill_fails_when_the_survivor_errs_or_the_victim_lives_on():
    subs = [Submission("B", "b1@x", 2.5, 500), Submission("A", "a1@x", 4.0, 303)]
    held, _, problems = kill_verdict(subs, 2.0, {"a1@x", "b1@x"}, "B")
    assert not held
    assert problems[0] == "1 answers from B not 303 (first: 500)"
    assert "the killed server still answered a second after the kill" in problems


# --- the table and small helpers ---------------------------------------------------------------


def test_table_one_line_per_row_with_wrapped_figures():
    lines = format_table(
        [Row("short", True, "1 2 3"), Row("other", False, "word " * 30)], name_width=10, width=60
    )
    assert lines[0] == "row       result  figures"
    assert lines[2] == "short     held    1 2 3"
    assert lines[3].startswith("other     FAILED  word word")
    assert all(len(line) <= 60 for line in lines[3:])
    assert lines[4].startswith(" " * 18 + "word")


def test_has_link_finds_the_page_by_its_slug_only():
    html = '<a href="/kennislab/proef-abc/">x</a> <a href="/kennislab/proef-abcd/">y</a>'
    assert has_link(html, "proef-abc")
    assert not has_link('<a href="/kennislab/proef-abcde/">', "proef-abc")
    assert has_link('<a href="http://127.0.0.2:8000/kennislab/proef-abc/">', "proef-abc")


def test_multipart_body_has_fields_and_the_file_bytes():
    body, kind = multipart({"action": "later"}, {"evidence": ("a.pdf", b"%PDF-1.4\x00", "x/y")})
    boundary = kind.split("boundary=")[1]
    assert body.startswith(f"--{boundary}\r\n".encode())
    assert b'name="action"\r\n\r\nlater\r\n' in body
    assert b'filename="a.pdf"\r\nContent-Type: x/y\r\n\r\n%PDF-1.4\x00\r\n' in body
    assert body.endswith(f"--{boundary}--\r\n".encode())


def test_every_visitor_gets_an_address_of_their_own():
    addresses = [new_visitor() for _ in range(600)]
    assert len(set(addresses)) == 600
    assert all(address.startswith("10.") for address in addresses)


def test_a_workers_name_says_which_server_it_belongs_to():
    targets = [Target("A", "127.0.0.2", 8001), Target("B", "127.0.0.3", 8002)]
    assert server_of("machine/127.0.0.2:8001", targets) == "A"
    assert server_of("machine.example/127.0.0.3:8002", targets) == "B"
    assert server_of("machine/127.0.0.3:8001", targets) == "machine/127.0.0.3:8001"
    assert server_of("", targets) == "?"


def test_a_servers_task_worker_is_found_by_its_name():
    """bin/serve's worker runs in a session of its own: make scaleout finds it by its name."""
    name = f"scaleout/test-{secrets.token_hex(4)}"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", name])  # noqa: S603
    try:
        for _ in range(100):  # until it has started (before its exec it is a copy of pytest)
            if pids_with_argument(name):
                break
            time.sleep(0.05)
        assert pids_with_argument(name) == [sleeper.pid]
        assert pids_with_argument(name[:-1]) == []  # whole words only
    finally:
        sleeper.kill()
        sleeper.wait()
    assert pids_with_argument(name) == []
