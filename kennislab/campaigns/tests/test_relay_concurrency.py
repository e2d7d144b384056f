"""Reminders are claimed with a conditional update: daily runs that overlap (the worker and a
cron entry, or two app servers) never send one reminder twice, on SQLite and on PostgreSQL."""

from datetime import date

import pytest

from kennislab.campaigns import activities
from kennislab.campaigns.models import Activity
from kennislab.core.models import OutgoingEmail
from kennislab.core.testing import run_in_threads

from .relay_factories import add_activity, build_campaign, required

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ACTIVITIES = 5
RUNS = 6


def test_overlapping_reminder_runs_send_each_reminder_once(clock):
    campaign = build_campaign()
    for number in range(ACTIVITIES):
        add_activity(campaign, required(title=f"Onvolledig {number}"))  # incomplete, in Oost
    registered = OutgoingEmail.objects.count()
    today = date(2021, 1, 25)  # a week before Oost's week: a reminder is due for each

    results = run_in_threads([lambda: activities.send_reminders(today)] * RUNS)

    assert not [result for result in results if isinstance(result, Exception)], results
    assert sum(results) == ACTIVITIES  # together the runs sent each reminder once
    assert sorted(Activity.objects.values_list("reminders_sent", flat=True)) == [1] * ACTIVITIES
    reminders = OutgoingEmail.objects.count() - registered
    assert reminders == ACTIVITIES
    assert activities.send_reminders(today) == 0  # and a later run the same day sends nothing
