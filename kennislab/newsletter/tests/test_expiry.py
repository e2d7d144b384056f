"""The daily clean-up: unconfirmed sign-ups older than 7 days and unsubscribe entries older than
30 days are deleted; confirmed subscribers stay. `now` is frozen by passing it in."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.core.daily import JOBS
from kennislab.newsletter import services, tasks
from kennislab.newsletter.models import Status, Subscriber

from .helpers import subscribe

pytestmark = pytest.mark.django_db


def test_expired_pending_sign_ups_and_old_unsubscribes_are_deleted(themes):
    now = timezone.now()
    pending = subscribe("wacht@example.org", themes=[themes[0]], confirmed=False)
    confirmed = subscribe("blijft@example.org", themes=[themes[0]])
    gone = subscribe("weg@example.org")
    services.unsubscribe(gone)

    assert services.purge_expired(now + timedelta(days=6, hours=23)) == 0
    assert Subscriber.objects.count() == 3

    assert services.purge_expired(now + timedelta(days=7, minutes=1)) == 1  # the pending one
    assert not Subscriber.objects.filter(pk=pending.pk).exists()
    assert Subscriber.objects.filter(pk=confirmed.pk, status=Status.CONFIRMED).exists()
    assert Subscriber.objects.filter(pk=gone.pk).exists()

    assert services.purge_expired(now + timedelta(days=30, minutes=1)) == 1  # the unsubscribe
    assert list(Subscriber.objects.all()) == [Subscriber.objects.get(pk=confirmed.pk)]
    assert services.purge_expired(now + timedelta(days=400)) == 0  # confirmed stays; idempotent


def test_a_new_link_gives_a_pending_sign_up_7_more_days(client, themes):
    now = timezone.now()
    subscriber = subscribe("laat@example.org", confirmed=False)
    Subscriber.objects.update(token_expires_at=now + timedelta(days=1))
    client.post("/nieuwsbrief/aanmelden/", {"email": "laat@example.org", "consent": "on"})
    assert services.purge_expired(now + timedelta(days=6)) == 0
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_the_job_is_registered():
    assert JOBS["nieuwsbrief: verlopen aanmeldingen opruimen"] is tasks.purge_expired
