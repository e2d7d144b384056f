"""Links to Mijn Kennislab in the privacy register."""

from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, register

from .models import LINK_HOURS, OverviewLink

register(
    Entry(
        key="personal.overview_link",
        label=_("Links naar Mijn Kennislab"),
        model=OverviewLink,
        person="email_key",
        fields=("email_key",),
        labels={"email_key": _("e-mailadres")},
        derived=("token_hash",),
        export_also=("created_at", "expires_at"),
        purpose=_("Je een link sturen naar het overzicht van alles wat je bij ons hebt."),
        legal_basis="legitimate_interest",
        erase="delete",
        retention_text=_("%(hours)s uur; verlopen links ruimt de dagelijkse taak op.")
        % {"hours": LINK_HOURS},
    ),
)
