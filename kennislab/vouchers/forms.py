"""The application form. Field names are a contract (CONTRACTS.md): organisation, contact_name,
email, phone, organisation_type, motivation, own_contribution, consent; region, province and
impact_consent (the impact survey three months after a definitive grant) are optional extras.
`website` is a spam trap: hidden from people, filled in by bots."""

import hashlib

from django import forms
from django.template.loader import get_template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kennislab.campaigns.rules import PROVINCES
from kennislab.core.forms import PublicForm

from .models import OrganisationType

MOTIVATION_MAX = 5000
CONTRIBUTION_MAX = 2000

CONSENT_TEXT = _(
    "Ik geef toestemming om de gegevens in dit formulier te gebruiken voor de beoordeling en "
    "afhandeling van deze aanvraag, en om ze te delen met de financier en de expert van het "
    "gekozen voorbeeld. Zie de privacyverklaring."
)

IMPACT_CONSENT_TEXT = _(
    "Ik wil drie maanden na de definitieve toekenning een korte vragenlijst ontvangen over wat de "
    "voucher heeft opgeleverd."
)


def consent_text(cleaned_data: dict) -> str:
    """What the applicant agreed to, as stored with the application."""
    text = str(CONSENT_TEXT)
    if cleaned_data.get("impact_consent"):
        text += "\n" + str(IMPACT_CONSENT_TEXT)
    return text


class ApplicationForm(PublicForm):
    organisation = forms.CharField(
        label=_("Naam van je organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de naam van je organisatie in.")},
    )
    organisation_type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=OrganisationType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de soort organisatie."),
            "invalid_choice": _("Kies een van de soorten organisaties."),
        },
    )
    region = forms.CharField(
        label=_("Regio of gemeente"),
        max_length=100,
        required=False,
        help_text=_("Waar je de aanpak wilt invoeren. Niet verplicht."),
    )
    province = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        choices=[("", _("Wil ik niet zeggen")), *PROVINCES],
        help_text=_(
            "In welke provincie werkt je organisatie vooral? Zo tellen we je organisatie mee op de "
            "kaart van het netwerk."
        ),
        error_messages={"invalid_choice": _("Kies een van de provincies uit de lijst.")},
    )
    contact_name = forms.CharField(
        label=_("Naam contactpersoon"),
        max_length=150,
        error_messages={"required": _("Vul de naam van de contactpersoon in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de bevestiging en het besluit."),
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        },
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=40,
        required=False,
        help_text=_("Niet verplicht."),
    )
    motivation = forms.CharField(
        label=_("Motivatie"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MOTIVATION_MAX,
        help_text=_(
            "Waarom dit goede voorbeeld, en wat wil je met de hulp van de expert bereiken? "
            "Hoogstens %(max)s tekens."
        )
        % {"max": MOTIVATION_MAX},
        error_messages={
            "required": _("Schrijf je motivatie."),
            "max_length": _(
                "Je motivatie is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    own_contribution = forms.CharField(
        label=_("Eigen inzet"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=CONTRIBUTION_MAX,
        help_text=_(
            "Welke tijd en welk geld zet je organisatie zelf in? Bijvoorbeeld: 40 uur van een "
            "beleidsmedewerker en € 2.000 voor bijeenkomsten."
        ),
        error_messages={
            "required": _("Beschrijf de eigen inzet van je organisatie."),
            "max_length": _("Te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om de aanvraag te kunnen behandelen.")},
    )
    impact_consent = forms.BooleanField(
        label=IMPACT_CONSENT_TEXT,
        required=False,
        help_text=_(
            "Niet verplicht. We sturen je dan één e-mail met een persoonlijke link, en na twee "
            "weken hoogstens één herinnering."
        ),
    )

    def clean_organisation(self):
        name = " ".join(self.cleaned_data["organisation"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul de naam van je organisatie in."))
        return name

    @classmethod
    def blank_markup_version(cls) -> str:
        """A key for the cached markup of the blank form (apply.html): it changes with the
        language, the fields and the template, so a new release never shows old markup."""
        language = get_language() or ""
        if language not in _blank_versions:
            fields = [
                (name, str(field.label), str(field.help_text), field.required, field.widget.attrs,
                 [(value, str(label)) for value, label in getattr(field, "choices", [])])
                for name, field in cls.base_fields.items()
            ]  # fmt: skip
            template = get_template("vouchers/includes/application_fields.html")
            source = template.template.source
            digest = hashlib.sha256(f"{language}{fields!r}{source}".encode()).hexdigest()
            _blank_versions[language] = digest[:16]
        return _blank_versions[language]


_blank_versions: dict[str, str] = {}
