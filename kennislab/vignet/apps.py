from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VignetConfig(AppConfig):
    name = "kennislab.vignet"
    label = "vignet"
    verbose_name = "Vignet Vitaal Bedrijf"

    def ready(self):
        from kennislab.search import documents

        from . import tasks  # noqa: F401  (registers the daily job)
        from .search import register_providers

        register_providers(documents)
        register_inbox()


def register_inbox():
    """Submitted applications and those in assessment wait for the assessor; the term runs from
    submission; the assessor is the one the item is assigned to."""
    from django.urls import reverse

    from kennislab.core import inbox

    from .models import Application, Status

    inbox.register(inbox.InboxSource(
        key="vignet", label=_("Vignetaanvragen"), permission="vignet.assess_application",
        waiting=lambda: Application.objects.filter(
            status__in=[Status.SUBMITTED, Status.IN_ASSESSMENT]),
        title=lambda application: str(application),
        admin_url=lambda application: reverse("vignetaanvragen:inspect", args=[application.pk]),
        term="vignet", received="submitted_at", assignee="assessor",
    ))  # fmt: skip
