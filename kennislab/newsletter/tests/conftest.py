from unittest import mock

import pytest

from kennislab.content.models import Theme


@pytest.fixture
def themes(db):
    """Three themes of their own (the migrations may add the network's themes too)."""
    return [
        Theme.objects.create(name=f"Testthema {letter}", slug=f"testthema-{letter}", sort_order=90)
        for letter in "abc"
    ]


@pytest.fixture
def commit_at_once():
    """What waits for the commit (the sending task, the mail) runs at once: a test is one
    transaction."""
    with mock.patch("django.db.transaction.on_commit", new=lambda func, *a, **kw: func()):
        yield
