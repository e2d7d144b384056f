"""Public forms of the newsletter: signing up, the preferences, and asking for a new link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.content.models import Theme
from kennislab.core.forms import AccessibleFormMixin, PublicForm

CONSENT_TEXT = _(
    "Ik geef toestemming om mijn e-mailadres, naam en gekozen thema's te bewaren om mij de "
    "nieuwsbrief te sturen. Afmelden kan altijd, met de link onder elke nieuwsbrief. Zie de "
    "privacyverklaring."
)
EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
}
THEME_ERRORS = {
    "invalid_choice": _("Kies alleen thema's uit de lijst."),
    "invalid_pk_value": _("Kies alleen thema's uit de lijst."),
    "invalid_list": _("Kies alleen thema's uit de lijst."),
}


def email_field(help_text):
    return forms.EmailField(
        label=_("E-mailadres"), max_length=254, help_text=help_text, error_messages=EMAIL_ERRORS
    )


def name_field():
    return forms.CharField(label=_("Naam"), max_length=150, required=False)


def themes_field():
    return forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies niets, dan krijg je nieuws over alle thema's."),
        error_messages=THEME_ERRORS,
    )


def clean_name(value: str) -> str:
    return " ".join(value.split())


class SignUpForm(PublicForm):
    email = email_field(_("Hierheen sturen we de link om je aanmelding te bevestigen."))
    name = name_field()
    themes = themes_field()
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming, anders kunnen we je niet aanmelden.")},
    )

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])


class PreferencesForm(AccessibleFormMixin, forms.Form):
    name = name_field()
    themes = themes_field()

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])


class LinkRequestForm(PublicForm):
    email = email_field(_("Het e-mailadres waarmee je bent aangemeld."))
