"""The demo: three confirmed subscribers with themes, one pending, one unsubscribed; loading it
twice changes nothing, and the pending one is in no list."""

import pytest

from kennislab.core.models import OutgoingEmail
from kennislab.newsletter import demo, services
from kennislab.newsletter.models import Status, Subscriber

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(Subscriber.objects.values_list("status", "email", "name")), (
        Subscriber.themes.through.objects.count()
    )


def test_load_demo_twice_is_idempotent(themes):
    assert not demo.database_has_content()
    report = demo.load_demo()
    assert len(report.created) == 5 and demo.database_has_content()
    first = snapshot()
    statuses = [status for status, _email, _name in first[0]]
    assert statuses.count(Status.CONFIRMED) == 3
    assert statuses.count(Status.PENDING) == 1 and statuses.count(Status.UNSUBSCRIBED) == 1
    assert all(email.endswith("@example.org") for _s, email, _n in first[0] if email)
    assert Subscriber.objects.get(status=Status.UNSUBSCRIBED).email == ""
    assert first[1] == 3  # 2 + 1 themes
    assert services.recipients().count() == 3
    assert not OutgoingEmail.objects.exists()  # the demo mails nobody
    assert demo.load_demo().created == []
    assert snapshot() == first
