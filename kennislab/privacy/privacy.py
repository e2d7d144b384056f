"""The privacy app's own records in the register: the access log and erasure requests."""

from django.utils.translation import gettext_lazy as _

from .models import AccessEvent, ErasureRequest
from .register import Entry, Rule, register

register(
    Entry(
        key="privacy.access_log",
        label=_("Inzagelogboek"),
        model=AccessEvent,
        person=None,
        fields=("user_label", "reason"),
        purpose=_("Kunnen nagaan welke medewerker welke persoonsgegevens heeft bekeken."),
        legal_basis="legal_obligation",
        from_public=False,
        retention=(
            Rule(
                key="access_log",
                description=_("2 jaar"),
                days=730,
                due=lambda cutoff, now: AccessEvent.objects.filter(at__lt=cutoff),
                action="delete",
            ),
        ),
    ),
    Entry(
        key="privacy.erasure_request",
        label=_("Verzoeken om gegevens te wissen"),
        model=ErasureRequest,
        fields=("email", "reasons"),
        export_also=("created_at", "status", "handled_at"),
        purpose=_("Je verzoek om je gegevens te wissen afhandelen."),
        legal_basis="legal_obligation",
        erase="delete",
        retention=(
            Rule(
                key="erasure_requests",
                description=_("1 jaar na het afhandelen"),
                days=365,
                due=lambda cutoff, now: ErasureRequest.objects.filter(
                    status=ErasureRequest.Status.HANDLED, handled_at__lt=cutoff
                ),
                action="delete",
            ),
        ),
    ),
)
