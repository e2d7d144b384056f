"""Test helpers shared by the apps."""

import threading
import time
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def data_for_module(django_db_blocker):
    """Create expensive test data once for a test module, inside a transaction that is rolled
    back when the module is done (like Django's TestCase.setUpTestData). Each test still runs in
    its own nested transaction, so what a test changes is undone after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def run_in_threads(jobs):
    """Run every job in its own thread (its own database connection), all released at once by a
    barrier; returns what each returned or raised, in order. For concurrency tests, which need
    `django_db(transaction=True)` and, on SQLite, a database file (settings/test.py)."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=30)
            results[index] = job()
        except Exception as error:  # collected for the test to assert on
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results


class Later:
    """The cache's clock, moved forward (locmem asks time.time() whether an entry expired); the
    `later` fixture (conftest.py) installs it."""

    def __init__(self):
        self.seconds = 0

    def time(self):
        return time.time() + self.seconds
