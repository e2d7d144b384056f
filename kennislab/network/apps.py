from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "kennislab.network"
    label = "network"
    verbose_name = "Netwerk: pledges en praktijkverhalen"

    def ready(self):
        from django.urls import reverse

        from kennislab.core import inbox

        from .models import Pledge, PledgeUpdate, Story

        _watch_linked_vouchers()

        inbox.register(inbox.InboxSource(
            key="pledges", term="pledge", label=_("Pledges"), permission="network.moderate_pledge",
            waiting=lambda: Pledge.objects.filter(status="submitted"),
            title=lambda pledge: pledge.organisation,
            admin_url=lambda pledge: reverse("network_pledges:inspect", args=[pledge.pk]),
        ))  # fmt: skip
        inbox.register(inbox.InboxSource(
            key="pledge-updates", term="update", label=_("Voortgangsupdates van pledges"),
            permission="network.moderate_pledge",
            waiting=lambda: PledgeUpdate.objects.filter(status="submitted"),
            title=lambda update: f"{update.pledge.organisation}: {update.text[:60]}",
            select_related=("pledge",),
            admin_url=lambda update: reverse("network_updates:inspect", args=[update.pk]),
        ))  # fmt: skip
        inbox.register(inbox.InboxSource(
            key="stories", term="story", label=_("Praktijkverhalen"),
            permission="network.moderate_story",
            waiting=lambda: Story.objects.filter(status="submitted"),
            title=lambda story: story.title,
            admin_url=lambda story: reverse("network_stories:inspect", args=[story.pk]),
        ))  # fmt: skip


def _watch_linked_vouchers():
    """Voucher applications are left out of the page cache's generation (core.pagecache:
    many a minute when a round opens), but a voucher linked to a pledge shows on the pledge's
    page and on the wall's progress: a change to such an application empties the cache."""
    from django.db.models.signals import post_save

    from kennislab.vouchers.models import Application

    post_save.connect(_voucher_saved, sender=Application, dispatch_uid="network-linked-voucher")


def _voucher_saved(sender, instance, **kwargs):
    from django.db import transaction

    from kennislab.core.pagecache import bump_generation

    from . import deeds, timeline

    if not kwargs.get("created") and deeds.linked_to(timeline.VOUCHER, instance.pk):
        transaction.on_commit(bump_generation)
