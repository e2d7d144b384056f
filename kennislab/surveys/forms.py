"""The public survey form: Wagtail's FormBuilder with a scale field type, Dutch messages, the
project's accessible form conventions, the built-in province question and the spam trap."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, _split_by_newline_or_comma

from kennislab.campaigns.rules import PROVINCES
from kennislab.core.forms import PublicForm

OPEN_TEXT_LIMITS = {"singleline": 255, "multiline": 2000}
DEFAULT_SCALE = 5
REGION_FIELD = "region"
TRAP_FIELD = "website"
TOO_LONG = _(
    "Je antwoord is te lang: gebruik hoogstens %(limit_value)d tekens (het zijn er nu "
    "%(show_value)d)."
)
UNKNOWN_CHOICE = _("Kies een van de antwoorden die bij de vraag staan.")


def choices_of(field) -> list[tuple[str, str]]:
    """(stored value, label) per answer. Choice questions store the answer's text; a scale
    stores the point's number ("1".."n") and shows "1 – label"."""
    lines = [line for line in _split_by_newline_or_comma(field.choices or "") if line]
    if field.field_type == "scale":
        if not lines:
            return [(str(n), str(n)) for n in range(1, DEFAULT_SCALE + 1)]
        return [(str(n), f"{n} – {label}") for n, label in enumerate(lines, 1)]
    if field.field_type in ("radio", "checkboxes"):
        return [(line, line) for line in lines]
    return []


class SurveyFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["initial"] = None  # no preselected answers
        label = field.label
        if field.field_type in ("radio", "scale"):
            required = _("Kies een antwoord bij ‘%(label)s’.") % {"label": label}
        elif field.field_type == "checkboxes":
            required = _("Kies minstens één antwoord bij ‘%(label)s’.") % {"label": label}
        else:
            required = _("Vul een antwoord in bij ‘%(label)s’.") % {"label": label}
        options["error_messages"] = {
            "required": required,
            "invalid_choice": UNKNOWN_CHOICE,
            "max_length": TOO_LONG,
        }
        return options

    def _choice(self, field, options, multiple=False):
        options["choices"] = choices_of(field)
        if multiple:
            return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_radio_field(self, field, options):
        return self._choice(field, options)

    def create_scale_field(self, field, options):
        return self._choice(field, options)

    def create_checkboxes_field(self, field, options):
        return self._choice(field, options, multiple=True)

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=OPEN_TEXT_LIMITS["singleline"], **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(
            max_length=OPEN_TEXT_LIMITS["multiline"],
            widget=forms.Textarea(attrs={"rows": 5}),
            **options,
        )

    def get_form_class(self):
        return type("SurveyForm", (SurveyForm,), self.formfields)


class SurveyForm(PublicForm, BaseForm):
    """The questions (added by the builder), then the province, then the trap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_names = [
            name for name in self.fields if name not in (REGION_FIELD, TRAP_FIELD)
        ]
        trap = self.fields.pop(TRAP_FIELD)
        if self.page is not None and self.page.ask_region:
            self.fields[REGION_FIELD] = forms.ChoiceField(
                label=_("In welke provincie werk je?"),
                help_text=_("Zo kunnen we de uitkomsten per provincie bekijken."),
                required=False,
                choices=[("", _("Wil ik niet zeggen")), *PROVINCES],
                error_messages={"invalid_choice": UNKNOWN_CHOICE},
                widget=forms.Select(attrs={"class": "select"}),
            )
            self.fields[REGION_FIELD].widget.attrs["aria-describedby"] = (
                f"{self[REGION_FIELD].auto_id}-uitleg"
            )
        self.fields[TRAP_FIELD] = trap

    @property
    def questions(self):
        """(bound field, several answers possible) per question, for the template."""
        return [
            (self[name], isinstance(self.fields[name].widget, forms.CheckboxSelectMultiple))
            for name in self.question_names
        ]

    def answers(self) -> dict:
        """Only the answers: no province, no trap; empty open answers as ""."""
        data = {}
        for name in self.question_names:
            value = self.cleaned_data.get(name)
            data[name] = value.strip() if isinstance(value, str) else value
        return data
