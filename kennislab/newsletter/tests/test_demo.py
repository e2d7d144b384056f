"""The demo: confirmed subscribers across the themes, one pending, one unsubscribed, and the
newsletter pages with two issues that went out and a draft; loading it twice changes nothing,
the pending one is in no list, and nobody is mailed."""

import pytest

from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.newsletter import demo, services
from kennislab.newsletter.models import NewsletterIssuePage, Sending, Status, Subscriber

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(Subscriber.objects.values_list("status", "email", "name")), (
        Subscriber.themes.through.objects.count()
    )


def test_load_demo_twice_is_idempotent(themes):
    assert not demo.database_has_content()
    report = demo.load_demo()
    assert len(report.created) == 13 and demo.database_has_content()
    first = snapshot()
    statuses = [status for status, _email, _name in first[0]]
    assert statuses.count(Status.CONFIRMED) == 3 + len(demo.ACROSS_THEMES)
    assert statuses.count(Status.PENDING) == 1 and statuses.count(Status.UNSUBSCRIBED) == 1
    assert all(email.endswith("@example.org") for _s, email, _n in first[0] if email)
    assert Subscriber.objects.get(status=Status.UNSUBSCRIBED).email == ""
    theme_count = Theme.objects.count()
    assert first[1] == 2 + 1 + sum(
        len([p for p in positions if p < theme_count]) for _e, _n, positions in demo.ACROSS_THEMES
    )
    assert services.recipients().count() == 7
    issues = NewsletterIssuePage.objects.order_by("path")
    assert [issue.live for issue in issues] == [True, True, False]
    assert [s.issue_id for s in Sending.objects.filter(status="sent").order_by("issue__path")] == [
        issue.pk for issue in issues[:2]
    ]
    assert not OutgoingEmail.objects.exists()  # the demo mails nobody
    assert demo.load_demo().created == []
    assert snapshot() == first
