"""rules.py: the status of a new registration, who moves up from the waiting list, and the
registration phase at every boundary. Pure functions: no database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kennislab.campaigns import rules
from kennislab.campaigns.rules import REGISTERED, WAITING

START = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)
DEADLINE = START - timedelta(days=1)
TICK = timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("capacity", "registered", "expected"),
    [
        (3, 0, REGISTERED),
        (3, 2, REGISTERED),  # the last place
        (3, 3, WAITING),  # exactly full
        (3, 7, WAITING),  # over capacity (an editor lowered it): still waiting
        (1, 0, REGISTERED),
        (1, 1, WAITING),
        (0, 0, WAITING),  # no places at all: everyone waits
        (None, 0, REGISTERED),  # no capacity: no limit
        (None, 10_000, REGISTERED),
    ],
)
def test_on_arrival(capacity, registered, expected):
    assert rules.on_arrival(capacity, registered) == expected


@pytest.mark.parametrize(
    ("capacity", "registered", "waiting", "expected"),
    [
        (3, 2, [11, 12, 13], [11]),  # one place free: the first in line
        (3, 1, [11, 12, 13], [11, 12]),  # two free: the first two, in order
        (3, 0, [11, 12], [11, 12]),  # more room than people waiting
        (3, 3, [11, 12], []),  # full
        (3, 5, [11, 12], []),  # over capacity (lowered): nobody, and no negative slicing
        (3, 2, [], []),  # nobody waiting
        (None, 100, [11, 12, 13], [11, 12, 13]),  # no limit: everyone
        (0, 0, [11], []),
    ],
)
def test_move_up(capacity, registered, waiting, expected):
    assert rules.move_up(capacity, registered, waiting) == expected


def test_move_up_keeps_arrival_order_and_does_not_change_the_input():
    waiting = (30, 10, 20)  # the order given is the arrival order; it is not sorted
    assert rules.move_up(5, 3, waiting) == [30, 10]
    assert waiting == (30, 10, 20)
    assert isinstance(rules.move_up(None, 0, waiting), list)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (DEADLINE - timedelta(days=30), "open"),
        (DEADLINE - TICK, "open"),
        (DEADLINE, "closed"),  # exactly at the deadline: closed
        (DEADLINE + TICK, "closed"),
        (START - TICK, "closed"),
        (START, "past"),  # exactly at the start: started
        (START + TICK, "past"),
        (START + timedelta(days=365), "past"),
    ],
)
def test_phase_with_a_deadline(now, expected):
    assert rules.phase(START, DEADLINE, now) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (START - timedelta(days=30), "open"),
        (START - TICK, "open"),  # without a deadline registering is possible until the start
        (START, "past"),
        (START + TICK, "past"),
    ],
)
def test_phase_without_a_deadline(now, expected):
    assert rules.phase(START, None, now) == expected


def test_phase_with_the_deadline_at_the_start():
    assert rules.phase(START, START, START - TICK) == "open"
    assert rules.phase(START, START, START) == "past"  # started wins over closed


def test_phase_compares_moments_not_clock_times():
    amsterdam = START.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert rules.phase(amsterdam, None, START - TICK) == "open"
    assert rules.phase(amsterdam, None, START) == "past"
