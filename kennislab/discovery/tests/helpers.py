"""Pages and activities for the discovery tests."""

import uuid
from datetime import timedelta

from django.utils import timezone

from kennislab.campaigns.models import Activity
from kennislab.campaigns.tests.relay_factories import complete
from kennislab.content.site import ensure_home


def publish(page, parent=None):
    """Add `page` under `parent` (the home page by default), publish it, return it fresh."""
    (parent or ensure_home()).add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def activity(campaign, *, status, days_ahead: int = 12, **fields):
    """A complete activity of `campaign` on a day `days_ahead` from today, with `status`
    (made directly: registration for the test campaigns' 2021 weeks is closed)."""
    values = complete(date=timezone.localdate() + timedelta(days=days_ahead))
    values.update(fields)
    return Activity.objects.create(
        campaign=campaign,
        status=status,
        complete=True,
        token_hash=uuid.uuid4().hex,
        token_expires_at=timezone.now() + timedelta(days=30),
        **values,
    )
