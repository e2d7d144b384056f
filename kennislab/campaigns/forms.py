"""Public forms of events: registration (with the dietary and accessibility questions the event
asks), and the one-field sign-up to watch a webinar back. The conventions every public form
follows come from core: `autocomplete` purposes (WCAG 1.3.5, core.forms.AUTOCOMPLETE),
"(niet verplicht)" once per optional field, the privacy statement linked under the consent,
and a character counter under long fields (includes/form_field.html and core/js/forms.js;
without JavaScript the limit stays in the hint and in the browser's own `maxlength`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.core.dates import dutch_date
from kennislab.core.forms import PublicForm

from . import rules
from .models import Kind

CONSENT_TEXT = _(
    "Ik geef toestemming om mijn naam, e-mailadres en organisatie te gebruiken voor deze "
    "aanmelding: de bevestiging, praktische berichten over het evenement en de deelnemerslijst "
    "van de organisator."
)
NEEDS_CONSENT_TEXT = _(
    "Vul ik dieetwensen of wensen voor toegankelijkheid in, dan zijn die alleen voor de "
    "organisatie van dit evenement; ze worden gewist als ik me afmeld of als mijn aanmelding "
    "wordt verwijderd."
)
RECORDING_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn e-mailadres te bewaren, zodat het netwerk weet wie de opname "
    "bekeek. We sturen je er geen nieuwsbrief mee."
)

EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
}


def consent_text(event) -> str:
    """The consent as the participant read it (and as it is stored with the registration)."""
    if event is not None and (event.ask_dietary or event.ask_accessibility):
        return f"{CONSENT_TEXT} {NEEDS_CONSENT_TEXT}"
    return str(CONSENT_TEXT)


class RegistrationForm(PublicForm):
    """Name, e-mail, organisation and consent; dietary and accessibility needs only when the
    event asks for them (`event.ask_dietary`, `event.ask_accessibility`)."""

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
    dietary = forms.CharField(
        label=_("Dieetwensen"), max_length=500, required=False,
        help_text=_("Bijvoorbeeld vegetarisch, halal, glutenvrij of een allergie."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik hoogstens 500 tekens voor je dieetwensen.")},
    )  # fmt: skip
    access_needs = forms.CharField(
        label=_("Wensen voor toegankelijkheid"), max_length=500, required=False,
        help_text=_("Bijvoorbeeld een rolstoelplaats, een ringleiding, een tolk of een rustige "
                    "plek."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik hoogstens 500 tekens voor je wensen.")},
    )  # fmt: skip
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanmelding te kunnen verwerken.")},
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event is None or not event.ask_dietary:
            del self.fields["dietary"]
        if event is None or not event.ask_accessibility:
            del self.fields["access_needs"]
        self.consent_text = consent_text(event)
        self.fields["consent"].label = self.consent_text
        self["consent"].label = self.consent_text  # bound already by AccessibleFormMixin

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def clean_dietary(self):
        return self.cleaned_data["dietary"].strip()

    def clean_access_needs(self):
        return self.cleaned_data["access_needs"].strip()


class RecordingForm(PublicForm):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS)
    consent = forms.BooleanField(
        label=RECORDING_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om de opname te kunnen bekijken.")},
    )


# --- relay campaigns: an organiser registers an activity ----------------------------------------

ACTIVITY_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn naam, e-mailadres en telefoonnummer te gebruiken om deze "
    "activiteit te verwerken en mij erover te mailen. Op de website staan alleen de organisatie "
    "en de gegevens van de activiteit, niet mijn naam of e-mailadres."
)
NOT_REQUIRED = _("Niet verplicht: je kunt dit later aanvullen via de link in je e-mail.")


class ActivityForm(PublicForm):
    """Register (with consent) or complete (through the private link, `editing=True`) an
    activity. Only organisation, contact, e-mail, title and province are required."""

    organiser = forms.CharField(
        label=_("Organisatie"), max_length=200,
        error_messages={"required": _("Vul de naam van je organisatie in.")},
    )  # fmt: skip
    contact_name = forms.CharField(
        label=_("Contactpersoon"), max_length=150,
        error_messages={"required": _("Vul de naam van de contactpersoon in.")},
    )  # fmt: skip
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254,
        help_text=_("Hierheen sturen we de link om de activiteit aan te vullen of te wijzigen."),
        error_messages=EMAIL_ERRORS,
    )  # fmt: skip
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    title = forms.CharField(
        label=_("Titel van de activiteit"), max_length=200,
        error_messages={"required": _("Geef de activiteit een titel.")},
    )  # fmt: skip
    province = forms.ChoiceField(
        label=_("Provincie"),
        help_text=_("De week van je activiteit volgt uit de provincie."),
        error_messages={"required": _("Kies de provincie van je activiteit."),
                        "invalid_choice": _("Kies een provincie uit de lijst.")},
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Soort activiteit"), required=False,
        choices=[("", _("Nog niet bekend")), *Kind.choices],
        error_messages={"invalid_choice": _("Kies een soort uit de lijst.")},
    )  # fmt: skip
    date = forms.DateField(
        label=_("Datum"), required=False, help_text=NOT_REQUIRED,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in, zoals 2027-02-03.")},
    )  # fmt: skip
    starts_at = forms.TimeField(
        label=_("Begintijd"), required=False,
        widget=forms.TimeInput(attrs={"type": "time", "class": "input"}, format="%H:%M"),
        error_messages={"invalid": _("Vul een geldige tijd in, zoals 14:00.")},
    )  # fmt: skip
    ends_at = forms.TimeField(
        label=_("Eindtijd"), required=False,
        widget=forms.TimeInput(attrs={"type": "time", "class": "input"}, format="%H:%M"),
        error_messages={"invalid": _("Vul een geldige tijd in, zoals 15:30.")},
    )  # fmt: skip
    online = forms.BooleanField(label=_("De activiteit is online"), required=False)
    location = forms.CharField(
        label=_("Plaats"), max_length=200, required=False,
        help_text=_("Adres of zaal, als de activiteit op locatie is."),
    )  # fmt: skip
    link = forms.URLField(
        label=_("Link"), max_length=200, required=False, assume_scheme="https",
        help_text=_("De link om online mee te doen of om je aan te melden."),
        error_messages={"invalid": _("Vul een geldige link in, zoals https://www.voorbeeld.nl.")},
    )  # fmt: skip
    audience = forms.CharField(label=_("Voor wie"), max_length=300,
                               required=False)  # fmt: skip
    description = forms.CharField(
        label=_("Beschrijving"), max_length=3000, required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": _("Houd de beschrijving korter dan 3000 tekens.")},
    )  # fmt: skip
    consent = forms.BooleanField(
        label=ACTIVITY_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanmelding te kunnen verwerken.")},
    )

    def __init__(self, *args, campaign, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.weeks = campaign.weeks()
        choices = [("", _("Kies een provincie"))]
        for week in self.weeks:
            label = _("Regio %(name)s, %(start)s t/m %(end)s") % {
                "name": week.name, "start": dutch_date(week.starts_on),
                "end": dutch_date(week.ends_on),
            }  # fmt: skip
            choices.append((label, [(p, rules.PROVINCE_NAMES.get(p, p)) for p in week.provinces]))
        self.fields["province"].choices = choices
        if editing:
            del self.fields["consent"]

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        cleaned = super().clean()
        week = rules.week_for(cleaned.get("province", ""), self.weeks)
        problem = rules.date_problem(cleaned.get("date"), week)
        if problem:
            self.add_error("date", problem)
        start, end = cleaned.get("starts_at"), cleaned.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("De eindtijd moet na de begintijd liggen."))
        if end and not start:
            self.add_error("starts_at", _("Vul ook de begintijd in."))
        return cleaned
