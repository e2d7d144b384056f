from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VouchersConfig(AppConfig):
    name = "kennislab.vouchers"
    label = "vouchers"
    verbose_name = "Kennisvouchers"

    def ready(self):
        from kennislab.search import documents

        from .search import register_providers

        register_providers(documents)
        register_inbox()


def register_inbox():
    """Provisionally granted applications wait for the definitive decision; the term runs from
    receipt, or from moving up from the waiting list (services.decision_term)."""
    from django.db.models.functions import Coalesce
    from django.urls import reverse

    from kennislab.core import inbox

    from .models import Application, Status

    inbox.register(inbox.InboxSource(
        key="vouchers", label=_("Voucheraanvragen"), permission="vouchers.decide_application",
        waiting=lambda: Application.objects.filter(status=Status.GRANTED).annotate(
            inbox_received=Coalesce("decided_at", "received_at")),
        title=lambda application: str(application),
        admin_url=lambda application: reverse("voucheraanvragen:inspect",
                                              args=[application.pk]),
        term="voucher", received="inbox_received",
    ))  # fmt: skip
