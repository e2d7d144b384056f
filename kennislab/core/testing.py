"""Test helpers shared by the apps."""

from contextlib import contextmanager

from django.db import transaction


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
