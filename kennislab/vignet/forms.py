"""The employer's application form: the application's fields, repeatable activity rows (a
formset) and evidence uploads. Two levels of checking:

* saving a draft needs only who you are (organisation, contact, e-mail, consent) — everything
  else may still be empty, but what is filled in must be right;
* submitting needs everything an assessor needs (target group, baseline unless it is a renewal,
  guidance, at least one activity).

`website` is a spam trap: hidden from people, filled in by bots.
"""

from __future__ import annotations

from django import forms
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from kennislab.core.forms import AccessibleFormMixin, PublicForm

from . import criteria

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_ACTIVITIES = 30
FILE_SIGNATURES = {  # what a file starts with → its type (the name or browser may lie)
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}

CONSENT_TEXT = _(
    "Ik geef toestemming om de gegevens in dit formulier te bewaren en te gebruiken voor de "
    "beoordeling van deze aanvraag. Wordt het vignet toegekend, dan staan de naam en plaats van "
    "de organisatie in het openbare register. Zie de privacyverklaring."
)

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATE_INVALID = _("Vul een datum in als 15-01-2025.")


def date_field(label, help_text="", required=False):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_INVALID, "required": _("Vul een datum in.")},
    )


def count_field(label, help_text="", required=False):
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
            "required": _("Vul een aantal in."),
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
    head = upload.read(16)
    upload.seek(0)
    kind = next((kind for magic, kind in FILE_SIGNATURES.items() if head.startswith(magic)), None)
    if kind is None:
        raise forms.ValidationError(
            _("%(name)s is geen PDF, PNG of JPEG. Stuur bewijs als PDF of afbeelding.")
            % {"name": name}
        )
    upload.name = name[:150]
    upload.content_type = kind
    return upload


class ApplicationForm(PublicForm):
    organisation = forms.CharField(
        label=_("Naam van de organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de organisatie in.")},
    )
    place = forms.CharField(
        label=_("Plaats"),
        max_length=100,
        required=False,
        help_text=_("Staat bij een toekenning in het openbare register."),
    )
    contact_name = forms.CharField(
        label=_("Naam contactpersoon"),
        max_length=150,
        error_messages={"required": _("Vul de naam van de contactpersoon in.")},
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
    )
    baseline_date = date_field(_("Datum van de nulmeting"))
    baseline_method = forms.CharField(
        label=_("Hoe is de nulmeting gedaan?"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: vragenlijst over vitaliteit, gezondheidscheck."),
    )
    baseline_participants = count_field(_("Aantal deelnemers aan de nulmeting"))
    guidance_name = forms.CharField(label=_("Naam van de begeleider"), max_length=150,
                                    required=False)  # fmt: skip
    guidance_organisation = forms.CharField(
        label=_("Organisatie van de begeleider"), max_length=150, required=False
    )
    guidance_description = forms.CharField(
        label=_("Wat hield de begeleiding in?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
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
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je aanvraag te kunnen bewaren.")},
    )

    def __init__(self, *args, application=None, submitting=False, renewal=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.submitting = submitting
        self.renewal = renewal
        existing = list(application.evidence.all()) if application else []
        self.existing_evidence = existing
        self.fields["remove_evidence"].choices = [(str(item.pk), item.name) for item in existing]
        if application is not None:
            del self.fields["consent"]  # given when the draft was first saved

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
        uploads = [checked_upload(upload) for upload in self.cleaned_data["evidence"]]
        if len(self.existing_evidence) + len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                _("Hoogstens %(max)s bewijsstukken per aanvraag. Verwijder er eerst een.")
                % {"max": MAX_FILES}
            )
        return uploads

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
        if self.submitting:
            self._require_for_submission(cleaned)
        return cleaned

    def _require_for_submission(self, cleaned):
        required = {
            "target_group_size": _("Vul het aantal medewerkers in de doelgroep in."),
            "guidance_name": _("Vul de naam van de deskundige begeleider in."),
            "guidance_organisation": _("Vul de organisatie van de begeleider in."),
        }
        if not self.renewal:
            required |= {
                "baseline_date": _("Vul de datum van de nulmeting in."),
                "baseline_method": _("Beschrijf hoe de nulmeting is gedaan."),
                "baseline_participants": _("Vul het aantal deelnemers aan de nulmeting in."),
            }
        for name, message in required.items():
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, message)

    def application_fields(self) -> dict:
        names = ["organisation", "place", "contact_name", "email", "phone", "target_group_size",
                 "baseline_date", "baseline_method", "baseline_participants", "guidance_name",
                 "guidance_organisation", "guidance_description"]  # fmt: skip
        return {name: self.cleaned_data.get(name) for name in names}

    def removed_evidence(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_evidence", [])]


class ActivityForm(AccessibleFormMixin, forms.Form):
    theme = forms.ChoiceField(
        label=_("Thema"),
        choices=[("", _("Kies een thema")), *criteria.THEMES.items()],
        error_messages={"required": _("Kies het thema van deze activiteit.")},
    )
    title = forms.CharField(
        label=_("Wat was de activiteit?"),
        max_length=200,
        error_messages={"required": _("Beschrijf de activiteit in een paar woorden.")},
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
