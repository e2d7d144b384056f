"""Public forms of events: registration, and the one-field sign-up to watch a webinar back."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.core.forms import PublicForm

CONSENT_TEXT = _(
    "Ik geef toestemming om mijn naam, e-mailadres en organisatie te gebruiken voor deze "
    "aanmelding: de bevestiging, praktische berichten over het evenement en de deelnemerslijst "
    "van de organisator. Zie de privacyverklaring."
)
RECORDING_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn e-mailadres te bewaren, zodat het netwerk weet wie de opname "
    "bekeek. We sturen je er geen nieuwsbrief mee."
)

EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
}


class RegistrationForm(PublicForm):
    name = forms.CharField(
        label=_("Naam"),
        max_length=150,
        error_messages={"required": _("Vul je naam in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de bevestiging met de agenda-afspraak."),
        error_messages=EMAIL_ERRORS,
    )
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanmelding te kunnen verwerken.")},
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul je naam in."))
        return name


class RecordingForm(PublicForm):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS)
    consent = forms.BooleanField(
        label=RECORDING_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om de opname te kunnen bekijken.")},
    )
