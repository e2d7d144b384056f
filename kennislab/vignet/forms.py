"""The employer's application form, one step at a time (steps.py): the application's fields,
repeatable activity rows (a formset) and evidence uploads. Three levels of checking:

* "Opslaan en verder" asks every question of its step that submitting needs (the fields with
  ``required=True``; so the form says "(niet verplicht)" only where it is true);
* going back or stopping ("Vorige", "Opslaan en later verder", adding an activity row) checks
  only what is filled in — except who you are (organisation, contact, e-mail, consent), which
  every save needs;
* the check page checks the whole stored application again (`submission_problems`), because
  steps can be skipped through the step list.

`website` is a spam trap: hidden from people, filled in by bots.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from kennislab.campaigns.rules import PROVINCES
from kennislab.challenge import rules as challenge_rules
from kennislab.core import uploads
from kennislab.core.forms import AccessibleFormMixin, PublicForm

from . import criteria, steps

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_ACTIVITIES = 30
# The types evidence may have, read from its content (the name or the browser may lie).
ALLOWED_TYPES = (uploads.PDF, uploads.PNG, uploads.JPEG)
ACTIVITY_PREFIX = "activiteit"

CONSENT_TEXT = _(
    "Ik geef toestemming om de gegevens in dit formulier te bewaren en te gebruiken voor de "
    "beoordeling van deze aanvraag. Wordt het vignet toegekend, dan staan de naam en plaats van "
    "de organisatie in het openbare register. Zie de privacyverklaring."
)

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATE_INVALID = _("Vul een datum in als 15-01-2025.")
TOO_LONG = _("Te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d).")
NO_ACTIVITIES = _("Vul minstens één activiteit in (thema, wat, wanneer en hoeveel deelnemers).")

# Needed to submit, but not to save a draft half-way ("Vorige", "Opslaan en later verder").
NEEDED_TO_SUBMIT = {"target_group_size", *steps.BASELINE_FIELDS, "guidance_name",
                    "guidance_organisation"}  # fmt: skip
# Not needed to judge (the live verdict judges without them).
NOT_NEEDED_TO_JUDGE = {"organisation", "contact_name", "email", "consent"}


def text_field(label, max_length, help_text="", required=False, textarea=False,
               required_message=None):  # fmt: skip
    """A text field. Its `autocomplete` purpose (by field name) and, from 200 characters, the
    character counter come from core (AccessibleFormMixin, includes/form_field.html)."""
    widget = forms.Textarea(attrs={"rows": 4}) if textarea else forms.TextInput()
    messages = {"max_length": TOO_LONG}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(label=label, max_length=max_length, required=required,
                           help_text=help_text, widget=widget,
                           error_messages=messages)  # fmt: skip


def date_field(label, help_text="", required=False, required_message=None):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": DATE_INVALID,
            "required": required_message or _("Vul een datum in."),
        },
    )


def count_field(label, help_text="", required=False, required_message=None):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=1_000_000,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Vul een getal van 0 of meer in."),
            "max_value": _("Dat getal is te groot."),
            "required": required_message or _("Vul een aantal in."),
        },
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def checked_upload(upload):
    """The upload with its real type, or a ValidationError naming the file."""
    name = get_valid_filename(upload.name.rsplit("/", 1)[-1]) or "bestand"
    if upload.size > MAX_FILE_BYTES:
        raise forms.ValidationError(
            _("%(name)s is te groot: hoogstens 10 MB per bestand.") % {"name": name}
        )
    kind = uploads.detect(upload, ALLOWED_TYPES)
    if kind is None:
        raise forms.ValidationError(
            _("%(name)s is geen PDF, PNG of JPEG. Stuur bewijs als PDF of afbeelding.")
            % {"name": name}
        )
    upload.name = uploads.stored_name(name[:150], kind)  # a PDF named .html becomes .pdf
    upload.content_type = kind
    return upload


class ApplicationForm(PublicForm):
    """The application's fields; with `step`, only those of that step (steps.py), else all of
    them. `lenient`: what submitting needs may still be empty; `judging`: nothing is required
    (the live verdict)."""

    organisation = text_field(
        _("Naam van de organisatie"),
        200,
        required=True,
        required_message=_("Vul de naam van de organisatie in."),
    )
    place = text_field(
        _("Plaats"),
        100,
        help_text=_("Staat bij een toekenning in het openbare register."),
    )
    province = forms.ChoiceField(
        label=_("Provincie"),
        choices=[("", _("Kies een provincie")), *PROVINCES],
        required=False,
        help_text=_("Waar de organisatie gevestigd is. Voor de kaart van de beweging: hoeveel "
                    "organisaties per provincie het vignet hebben."),
        error_messages={"invalid_choice": _("Kies een provincie uit de lijst.")},
    )  # fmt: skip
    contact_name = text_field(
        _("Naam contactpersoon"),
        150,
        required=True,
        required_message=_("Vul de naam van de contactpersoon in."),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de link naar je aanvraag en het besluit."),
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        },
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=40, required=False)
    target_group_size = count_field(
        _("Aantal medewerkers in de doelgroep"),
        _("Voor wie het vitaliteitsprogramma bedoeld is; meestal alle medewerkers."),
        required=True,
        required_message=_("Vul het aantal medewerkers in de doelgroep in."),
    )
    baseline_date = date_field(
        _("Datum van de nulmeting"),
        required=True,
        required_message=_("Vul de datum van de nulmeting in."),
    )
    baseline_method = text_field(
        _("Hoe is de nulmeting gedaan?"),
        200,
        help_text=_("Bijvoorbeeld: vragenlijst over vitaliteit, gezondheidscheck."),
        required=True,
        required_message=_("Beschrijf hoe de nulmeting is gedaan."),
    )
    baseline_participants = count_field(
        _("Aantal deelnemers aan de nulmeting"),
        required=True,
        required_message=_("Vul het aantal deelnemers aan de nulmeting in."),
    )
    guidance_name = text_field(
        _("Naam van de begeleider"),
        150,
        required=True,
        required_message=_("Vul de naam van de deskundige begeleider in."),
    )
    guidance_organisation = text_field(
        _("Organisatie van de begeleider"),
        150,
        required=True,
        required_message=_("Vul de organisatie van de begeleider in."),
    )
    guidance_description = text_field(_("Wat hield de begeleiding in?"), 2000, textarea=True)
    evidence = MultipleFileField(
        label=_("Bewijsstukken toevoegen"),
        required=False,
        help_text=_(
            "Bijvoorbeeld de uitkomsten van de nulmeting of deelnemerslijsten. PDF, PNG of JPEG, "
            "hoogstens 10 MB per bestand en 10 bestanden in totaal."
        ),
        widget=MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    remove_evidence = forms.MultipleChoiceField(
        label=_("Bewijsstukken verwijderen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(  # the privacy statement is linked below it (privacy_url)
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanvraag te kunnen bewaren.")},
    )

    def __init__(self, *args, application=None, step=None, lenient=False, judging=False,
                 renewal=False, **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.application = application
        self.step = step
        self.lenient = lenient
        self.judging = judging
        self.renewal = renewal
        wanted = set(step.fields if step else steps.APPLICATION_FIELDS) | {"website"}
        if step is None or step.uploads:
            wanted |= {"evidence", "remove_evidence"}
        if application is None and (step is None or step is steps.FIRST):
            wanted.add("consent")  # given with the first save
        if renewal:
            wanted -= set(steps.BASELINE_FIELDS)  # a renewal needs no new baseline
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        existing = list(application.evidence.all()) if application and "evidence" in wanted else []
        self.existing_evidence = existing
        if "remove_evidence" in self.fields:
            self.fields["remove_evidence"].choices = [(str(item.pk), item.name)
                                                      for item in existing]  # fmt: skip

    def full_clean(self):
        """Check with the level asked for: the fields that may stay empty are not required
        while checking, and required again afterwards (for the labels)."""
        relaxed = [
            name
            for name, field in self.fields.items()
            if field.required
            and (
                (self.judging and name in NEEDED_TO_SUBMIT | NOT_NEEDED_TO_JUDGE)
                or (self.lenient and name in NEEDED_TO_SUBMIT)
            )
        ]
        for name in relaxed:
            self.fields[name].required = False
        try:
            super().full_clean()
        finally:
            for name in relaxed:
                self.fields[name].required = True

    def clean_organisation(self):
        name = " ".join(self.cleaned_data["organisation"].split())
        if 0 < len(name) < 2:  # empty is the field's own error (or allowed, in the preview)
            raise forms.ValidationError(_("Vul de naam van de organisatie in."))
        return name

    def clean_target_group_size(self):
        size = self.cleaned_data["target_group_size"]
        if size == 0:
            raise forms.ValidationError(_("De doelgroep telt minstens 1 medewerker."))
        return size

    def clean_evidence(self):
        return [checked_upload(upload) for upload in self.cleaned_data["evidence"]]

    def clean(self):
        cleaned = super().clean()
        size = cleaned.get("target_group_size")
        participants = cleaned.get("baseline_participants")
        if size and participants is not None and participants > size:
            self.add_error(
                "baseline_participants",
                _("Meer deelnemers (%(n)s) dan medewerkers in de doelgroep (%(size)s).")
                % {"n": participants, "size": size},
            )
        uploads = cleaned.get("evidence") or []
        kept = len(self.existing_evidence) - len(cleaned.get("remove_evidence") or [])
        if uploads and kept + len(uploads) > MAX_FILES:
            self.add_error(
                "evidence",
                _("Hoogstens %(max)s bewijsstukken per aanvraag. Verwijder er eerst een.")
                % {"max": MAX_FILES},
            )
        return cleaned

    def application_fields(self) -> dict:
        """The application's fields this form asked, cleaned (what a save writes)."""
        return {name: self.cleaned_data.get(name) for name in steps.APPLICATION_FIELDS
                if name in self.fields}  # fmt: skip

    def removed_evidence(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_evidence", [])]


class ActivityForm(AccessibleFormMixin, forms.Form):
    theme = forms.ChoiceField(
        label=_("Thema"),
        choices=[("", _("Kies een thema")), *criteria.THEMES.items()],
        error_messages={"required": _("Kies het thema van deze activiteit.")},
    )
    title = text_field(
        _("Wat was de activiteit?"),
        200,
        required=True,
        required_message=_("Beschrijf de activiteit in een paar woorden."),
    )
    start = date_field(_("Begindatum"), required=True)
    end = date_field(_("Einddatum"))
    participants = count_field(_("Aantal deelnemers"), required=True)
    target_group_size = count_field(
        _("Doelgroep van deze activiteit"),
        _("Alleen invullen als de activiteit voor een deel van de medewerkers was."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de begindatum."))
        if cleaned.get("target_group_size") == 0:
            self.add_error("target_group_size", _("De doelgroep telt minstens 1 medewerker."))
        return cleaned


class BaseActivityFormSet(forms.BaseFormSet):
    def __init__(self, *args, target_group_size=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_size = target_group_size

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Deze activiteit verwijderen")

    def clean(self):
        if any(self.errors):
            return
        for index, form in enumerate(self.forms):
            kept = index < self.initial_form_count() or form.has_changed()
            if not kept or self._should_delete_form(form):
                continue
            size = form.cleaned_data.get("target_group_size") or self.organisation_size
            participants = form.cleaned_data.get("participants")
            if size and participants is not None and participants > size:
                form.add_error(
                    "participants",
                    _("Meer deelnemers (%(n)s) dan de doelgroep (%(size)s).")
                    % {"n": participants, "size": size},
                )

    def rows(self) -> list[dict]:
        """The activities kept (filled in, not marked for removal), as plain dicts."""
        return [
            {name: form.cleaned_data.get(name) for name in ActivityForm.base_fields}
            for index, form in enumerate(self.forms)
            if (index < self.initial_form_count() or form.has_changed())
            and not self._should_delete_form(form)
        ]

    @property
    def error_summary(self) -> list[tuple[str, str]]:
        summary = []
        for number, form in enumerate(self.forms, start=1):
            for field_id, message in form.error_summary:
                summary.append((field_id, _("Activiteit %(n)s: %(message)s")
                                % {"n": number, "message": message}))  # fmt: skip
        return summary


ActivityFormSet = forms.formset_factory(
    ActivityForm,
    formset=BaseActivityFormSet,
    extra=1,  # one blank row below the activities so far
    can_delete=True,
    max_num=MAX_ACTIVITIES,
    validate_max=True,
    absolute_max=MAX_ACTIVITIES,
)


# --- the check page: the whole stored application, checked as if it were sent in at once ------


@dataclass(frozen=True)
class Problem:
    """What still stops the application from being submitted, and where to fix it."""

    step: steps.Step
    anchor: str  # the field's id on that step's page
    message: str


def _as_form_value(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def own_activities(application) -> list:
    """The activities the applicant filled in (the form's rows), not those of a team."""
    return [activity for activity in application.activity_list if activity.team_link_id is None]


def team_activities(application) -> list:
    """The activities of 30DagenGezonder teams whose captain confirmed (not editable)."""
    return [activity for activity in application.activity_list if activity.team_link_id]


def stored_data(application) -> dict:
    """The stored application as the browser would post it (all steps at once)."""
    data = {name: _as_form_value(getattr(application, name)) for name in steps.APPLICATION_FIELDS}
    rows = own_activities(application)
    data |= {
        f"{ACTIVITY_PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{ACTIVITY_PREFIX}-INITIAL_FORMS": str(len(rows)),
        f"{ACTIVITY_PREFIX}-MIN_NUM_FORMS": "0",
        f"{ACTIVITY_PREFIX}-MAX_NUM_FORMS": str(MAX_ACTIVITIES),
    }
    for index, activity in enumerate(rows):
        for name in ActivityForm.base_fields:
            data[f"{ACTIVITY_PREFIX}-{index}-{name}"] = _as_form_value(getattr(activity, name))
    return data


def submission_problems(application) -> list[Problem]:
    """Everything that stops the stored application from being submitted (empty: it can go
    in), in the order of the steps. The same forms and messages as the steps themselves."""
    data = stored_data(application)
    form = ApplicationForm(data, application=application, renewal=application.is_renewal)
    formset = ActivityFormSet(data, prefix=ACTIVITY_PREFIX,
                              target_group_size=application.target_group_size)  # fmt: skip
    rows_valid = formset.is_valid()  # runs the formset's own checks too (rows vs. target group)
    problems = [
        Problem(steps.of_field(name), form[name].auto_id, message)
        for name in form.fields
        for message in form.errors.get(name, [])
    ]
    problems += [
        Problem(steps.of_field(field_id.removeprefix("id_")), field_id, message)
        for field_id, message in formset.error_summary
    ]
    activities = steps.of_field(ACTIVITY_PREFIX)
    teams = team_activities(application)
    if rows_valid and not formset.rows() and not teams:
        problems.append(Problem(activities, "activiteiten", str(NO_ACTIVITIES)))
    size = application.target_group_size
    for activity in teams:
        if size and activity.participants > size:
            problems.append(Problem(activities, "teams", str(TEAM_TOO_BIG % {
                "team": activity.team_link.team_label, "n": activity.participants, "size": size,
            })))  # fmt: skip
    return sorted(problems, key=lambda problem: problem.step.number)


TEAM_TOO_BIG = _(
    "Het team ‘%(team)s’ telt %(n)s deelnemers, meer dan de doelgroep (%(size)s). Pas de "
    "doelgroep aan (stap 2) of haal het team van je aanvraag."
)


class TeamCodeForm(PublicForm):
    """Add a 30DagenGezonder team: its invitation code (services.request_team_link decides)."""

    team_code = forms.CharField(
        label=_("Teamcode"),
        max_length=20,
        help_text=_("De uitnodigingscode van het team: 8 letters en cijfers. Hij staat in de "
                    "uitnodiging en aan het eind van de teamlink."),
        error_messages={"required": _("Vul de teamcode in."), "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                      "autocapitalize": "characters"}),
    )  # fmt: skip

    def clean_team_code(self):
        code = challenge_rules.normalise_code(self.cleaned_data["team_code"])
        if len(code) != challenge_rules.CODE_LENGTH or any(
            letter not in challenge_rules.CODE_ALPHABET for letter in code
        ):
            raise forms.ValidationError(
                _("Een teamcode heeft 8 letters en cijfers, zoals KQ7MP2XA. Controleer de code.")
            )
        return code
