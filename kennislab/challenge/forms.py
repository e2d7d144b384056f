"""Public forms of the challenge: signing up, the participant's goal, and ticking off days."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.campaigns.rules import PROVINCES
from kennislab.core.forms import AccessibleFormMixin, PublicForm

from . import rules
from .models import Participation, Theme

CONSENT_TEXT = _(
    "Ik geef toestemming om mijn naam, e-mailadres, thema en persoonlijke doel te bewaren voor "
    "deze 30-dagenuitdaging: voor de bevestiging, mijn persoonlijke pagina en de steunberichten "
    "tijdens de maand. Mijn doel is alleen voor mij zichtbaar; het netwerk toont alleen "
    "aantallen. Zie de privacyverklaring."
)
IMPACT_CONSENT_TEXT = _(
    "Ik wil twee weken na de uitdaging een korte vragenlijst ontvangen over hoe het dan gaat."
)
GOAL_MAX = 500


def consent_text(cleaned_data: dict) -> str:
    """What the participant agreed to, as stored with the sign-up."""
    text = str(CONSENT_TEXT)
    if cleaned_data.get("impact_consent"):
        text += "\n" + str(IMPACT_CONSENT_TEXT)
    return text


EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
}


def theme_field():
    return forms.ChoiceField(
        label=_("Thema van je uitdaging"),
        choices=Theme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een thema.")},
    )


def goal_field():
    return forms.CharField(
        label=_("Je persoonlijke doel"),
        max_length=GOAL_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kort en concreet, bijvoorbeeld ‘elke dag 20 minuten wandelen’. Alleen jij ziet dit. "
            "Hoogstens 500 tekens."
        ),
        error_messages={
            "required": _("Schrijf je persoonlijke doel op."),
            "max_length": _(
                "Houd je doel kort: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )


class SignUpForm(PublicForm):
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul je naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de link om je deelname te bevestigen."),
        error_messages=EMAIL_ERRORS,
    )
    theme = theme_field()
    goal = goal_field()
    participation = forms.ChoiceField(
        label=_("Hoe doe je mee?"),
        choices=Participation.choices,
        initial=Participation.ALONE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe je meedoet.")},
    )
    team_name = forms.CharField(
        label=_("Teamnaam"),
        max_length=100,
        required=False,
        help_text=_(
            "Alleen als je een team start. Iedereen met de uitnodigingslink ziet deze naam."
        ),
    )
    team_code = forms.CharField(
        label=_("Teamcode"),
        max_length=20,
        required=False,
        help_text=_("Alleen als je meedoet met een team: de code van 8 tekens uit de uitnodiging."),
    )
    province = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        choices=[("", _("Wil ik niet zeggen")), *PROVINCES],
        help_text=_("Waar woon je? Zo tellen we je mee op de kaart van het netwerk."),
        error_messages={"invalid_choice": _("Kies een van de provincies uit de lijst.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanmelding te kunnen verwerken.")},
    )
    impact_consent = forms.BooleanField(
        label=IMPACT_CONSENT_TEXT,
        required=False,
        help_text=_(
            "Niet verplicht. We sturen je dan één e-mail met een persoonlijke link, en na twee "
            "weken hoogstens één herinnering."
        ),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def clean_goal(self):
        goal = self.cleaned_data["goal"].strip()
        if not goal:
            raise forms.ValidationError(_("Schrijf je persoonlijke doel op."))
        return goal

    def clean_team_name(self):
        return " ".join(self.cleaned_data["team_name"].split())

    def clean_team_code(self):
        return rules.normalise_code(self.cleaned_data["team_code"])

    def clean(self):
        cleaned = super().clean()
        participation = cleaned.get("participation")
        if participation == Participation.START_TEAM and len(cleaned.get("team_name", "")) < 2:
            self.add_error("team_name", _("Geef je team een naam."))
        if participation == Participation.JOIN_TEAM and not cleaned.get("team_code"):
            self.add_error("team_code", _("Vul de teamcode uit de uitnodiging in."))
        return cleaned


class GoalForm(AccessibleFormMixin, forms.Form):
    theme = theme_field()
    goal = goal_field()

    def clean_goal(self):
        goal = self.cleaned_data["goal"].strip()
        if not goal:
            raise forms.ValidationError(_("Schrijf je persoonlijke doel op."))
        return goal


def parse_days(values: list[str]) -> set[int] | None:
    """The ticked-off days from the check boxes; None when one is not a day number at all."""
    days = set()
    for value in values:
        if not value.isdigit() or len(value) > 3:
            return None
        days.add(int(value))
    return days
