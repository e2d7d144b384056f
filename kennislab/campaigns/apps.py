from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "kennislab.campaigns"
    label = "campaigns"
    verbose_name = "Campagnes en evenementen"

    def ready(self):
        from kennislab.search import documents

        from . import tasks  # noqa: F401  (registers the daily job)
        from .search import register_providers

        register_providers(documents)
        register_inbox()


def register_inbox():
    from django.urls import reverse

    from kennislab.core import inbox

    from .models import Activity, ActivityStatus

    inbox.register(
        inbox.InboxSource(
            key="activiteiten",
            term="activity",
            label=_("Activiteiten"),
            permission="campaigns.moderate_activity",
            waiting=lambda: Activity.objects.filter(status=ActivityStatus.SUBMITTED),
            title=lambda activity: f"{activity.title} ({activity.organiser})",
            admin_url=lambda activity: reverse("activiteiten:inspect", args=[activity.pk]),
        )
    )
