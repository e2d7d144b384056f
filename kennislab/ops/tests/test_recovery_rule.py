"""The rule that says whether a RUNNING task was left by a dead worker (kennislab/ops/recovery.py)."""

from datetime import UTC, datetime, timedelta

from kennislab.ops.recovery import left_behind

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CUTOFF = NOW - timedelta(minutes=30)


def test_older_than_the_cutoff_is_left_behind_whoever_ran_it():
    assert left_behind(["b"], CUTOFF - timedelta(seconds=1), cutoff=CUTOFF, own_worker="a")
    assert left_behind(["b"], CUTOFF - timedelta(seconds=1), cutoff=CUTOFF)


def test_a_recent_task_of_another_worker_is_not():
    assert not left_behind(["b"], NOW - timedelta(seconds=5), cutoff=CUTOFF, own_worker="a")
    assert not left_behind(["b"], CUTOFF, cutoff=CUTOFF, own_worker="a")  # exactly the cutoff


def test_a_recent_task_whose_last_claim_is_the_starting_worker_is():
    assert left_behind(["b", "a"], NOW, cutoff=CUTOFF, own_worker="a")
    assert not left_behind(["a", "b"], NOW, cutoff=CUTOFF, own_worker="a")


def test_without_a_name_only_age_counts():
    assert not left_behind(["a"], NOW, cutoff=CUTOFF)
    assert not left_behind([], NOW, cutoff=CUTOFF, own_worker="a")
    assert not left_behind(None, NOW, cutoff=CUTOFF, own_worker="a")


def test_no_start_time_is_not_judged_by_age():
    assert not left_behind(["b"], None, cutoff=CUTOFF, own_worker="a")
