"""Public forms: a question to the network adviser, and interest in a learning community."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.content.models import Theme
from kennislab.core.forms import PublicForm

QUESTION_MAX = 3000
MOTIVATION_MAX = 2000

QUESTION_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn naam, e-mailadres, organisatie en telefoonnummer te gebruiken "
    "om mijn vraag te beantwoorden. Alleen de netwerkadviseurs zien mijn vraag; hij komt niet "
    "op de website. Zie de privacyverklaring."
)
INTEREST_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn gegevens te gebruiken om contact met mij op te nemen over deze "
    "leergemeenschap. Ze komen niet op de website. Zie de privacyverklaring."
)
NAME_ERRORS = {
    "required": _("Vul je naam in."),
    "max_length": _("Houd je naam korter dan 150 tekens."),
}
EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
}


class NameMixin:
    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul je naam in."))
        return name


class QuestionForm(NameMixin, PublicForm):
    name = forms.CharField(label=_("Naam"), max_length=150, error_messages=NAME_ERRORS)
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
        help_text=_("Hierheen sturen we de bevestiging en het antwoord."),
    )  # fmt: skip
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Telefoon"), max_length=40, required=False,
        help_text=_("Als je liever gebeld wordt."),
    )  # fmt: skip
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Kies een thema"),
        help_text=_("De netwerkadviseur van dit thema beantwoordt je vraag."),
        error_messages={"required": _("Kies het thema van je vraag."),
                        "invalid_choice": _("Kies een thema uit de lijst.")},
    )  # fmt: skip
    question = forms.CharField(
        label=_("Je vraag"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hoogstens 3000 tekens."),
        error_messages={"required": _("Schrijf je vraag."),
                        "max_length": _("Houd je vraag korter dan 3000 tekens.")},
    )  # fmt: skip
    consent = forms.BooleanField(
        label=QUESTION_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je vraag te kunnen beantwoorden.")},
    )

    def clean_question(self):
        question = self.cleaned_data["question"].strip()
        if not question:
            raise forms.ValidationError(_("Schrijf je vraag."))
        return question


class InterestForm(NameMixin, PublicForm):
    name = forms.CharField(label=_("Naam"), max_length=150, error_messages=NAME_ERRORS)
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
        help_text=_("Hierop nemen we contact met je op."),
    )  # fmt: skip
    organisation = forms.CharField(
        label=_("Organisatie"), max_length=200,
        error_messages={"required": _("Vul de naam van je organisatie in.")},
    )  # fmt: skip
    role = forms.CharField(label=_("Functie of rol"), max_length=150, required=False)
    motivation = forms.CharField(
        label=_("Waarom wil je meedoen?"), max_length=MOTIVATION_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Houd je motivatie korter dan 2000 tekens.")},
    )  # fmt: skip
    consent = forms.BooleanField(
        label=INTEREST_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanmelding te kunnen verwerken.")},
    )
