"""Sign-in attempts in the privacy register: django-axes keeps the user name typed, the client
address and the browser's user agent of failed sign-ins (never the password). They are staff
data, kept 90 days for lockouts and for spotting attacks, then deleted."""

from axes.models import AccessAttempt, AccessFailureLog
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, register

PURPOSE = _(
    "Het beheer beschermen: aanmelden blokkeren na te veel mislukte pogingen en aanvallen "
    "kunnen opsporen."
)

register(
    Entry(
        key="accounts.sign_in_attempts",
        label=_("Mislukte aanmeldpogingen (tellers)"),
        model=AccessAttempt,
        person=None,
        fields=("username", "ip_address", "user_agent", "get_data", "post_data"),
        export_also=("attempt_time", "failures_since_start"),
        purpose=PURPOSE,
        legal_basis="legitimate_interest",
        from_public=False,
        erase="delete",
        retention=(
            Rule(
                key="sign_in_attempts",
                description=_("90 dagen na de laatste poging"),
                days=90,
                due=lambda cutoff, now: AccessAttempt.objects.filter(attempt_time__lt=cutoff),
                action="delete",
            ),
        ),
    ),
    Entry(
        key="accounts.sign_in_failures",
        label=_("Mislukte aanmeldingen"),
        model=AccessFailureLog,
        person=None,
        fields=("username", "ip_address", "user_agent"),
        export_also=("attempt_time", "locked_out"),
        purpose=PURPOSE,
        legal_basis="legitimate_interest",
        from_public=False,
        erase="delete",
        retention=(
            Rule(
                key="sign_in_failures",
                description=_("90 dagen"),
                days=90,
                due=lambda cutoff, now: AccessFailureLog.objects.filter(attempt_time__lt=cutoff),
                action="delete",
            ),
        ),
    ),
)
