"""Newsletter subscribers in the privacy register. Unconfirmed sign-ups and unsubscribed
addresses are removed by the newsletter's own daily job (services.purge_expired)."""

from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, register

from .models import DELIVERY_DAYS, PENDING_DAYS, UNSUBSCRIBED_DAYS, Subscriber

register(
    Entry(
        key="newsletter.subscriber",
        label=_("Abonnees van de nieuwsbrief"),
        model=Subscriber,
        fields=("email", "name", "themes"),
        derived=(
            "email_key",
            "token_hash",
            "unsubscribe_seed",
            "unsubscribe_hash",
            "old_unsubscribe_hash",
        ),
        export_also=(
            "status",
            "created_at",
            "confirmed_at",
            "consent_text",
            "hard_bounces",
            "last_bounce_at",
        ),
        purpose=_("Je de nieuwsbrief sturen over de thema's die je kiest."),
        legal_basis="consent",
        erase="delete",
        retention_text=_(
            "Tot je je afmeldt. Een aanmelding die je niet bevestigt, verwijderen we na "
            "%(pending)s dagen; na afmelden houden we %(unsubscribed)s dagen alleen vast dat je "
            "je afmeldde, zonder naam of thema's. Dat je een nieuwsbrief kreeg, houden we "
            "%(deliveries)s dagen na het versturen vast."
        )
        % {"pending": PENDING_DAYS, "unsubscribed": UNSUBSCRIBED_DAYS, "deliveries": DELIVERY_DAYS},
    ),
)
