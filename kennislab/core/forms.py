"""What every public form shares (NL Design System conventions): label, hint and error above the
field, the hint and the error tied to the field with aria-describedby, aria-invalid on fields
with an error, and an error summary that links to each field."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from . import display

# The purpose of fields that ask about the person filling in the form (WCAG 1.3.5), by the
# field names the project uses: browsers and assistive technology can fill them in.
AUTOCOMPLETE = {
    "name": "name",
    "contact_name": "name",
    "email": "email",
    "organisation": "organization",
    "organiser": "organization",
    "role": "organization-title",
    "phone": "tel",
    "place": "address-level2",
    "city": "address-level2",
    "postcode": "postal-code",
}
COUNTER_FROM = 200  # fields that may hold this many characters or more show a counter


def counted(field) -> bool:
    """Whether a field shows "Hoogstens N tekens" (and, with JavaScript, how many are left)."""
    limit = getattr(field, "max_length", None)
    return bool(limit) and limit >= COUNTER_FROM and not isinstance(
        field.widget, (forms.EmailInput, forms.URLInput))  # fmt: skip


LINE_BREAKS_AND_TABS = re.compile(r"[\s\x85\u2028\u2029]+")


def is_one_line(field) -> bool:
    """A text field typed on one line (name, organisation, place …), not a text area."""
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.PasswordInput)  # fmt: skip


def flattened(to_python):
    """`to_python` of a one-line field, followed by collapsing every run of white space
    (line breaks and tabs included) to one space: a line break typed or pasted into a name or an
    organisation can never reach a mail header (or a spreadsheet row) as a line break."""

    def to_one_line(value):
        value = to_python(value)
        return LINE_BREAKS_AND_TABS.sub(" ", value).strip() if isinstance(value, str) else value

    return to_one_line


class AccessibleFormMixin:
    """Mix into a Form. Adds CSS classes, ARIA attributes and `autocomplete` purposes (a phone
    number gets `type="tel"`), flattens every one-line text field to one line (`flattened`);
    `error_summary` lists (field id, message) for the summary at the
    top of the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "input input--textarea")
            elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
                widget.attrs.setdefault("class", "select")
            elif isinstance(widget, (forms.TextInput, forms.EmailInput, forms.NumberInput,
                                     forms.URLInput, forms.DateInput)):  # fmt: skip
                widget.attrs.setdefault("class", "input")
            if is_one_line(field):
                field.to_python = flattened(field.to_python)
            purpose = AUTOCOMPLETE.get(name)
            if purpose and isinstance(widget, forms.TextInput | forms.EmailInput):
                widget.attrs.setdefault("autocomplete", purpose)
                if purpose == "tel":
                    widget.input_type = "tel"
            described = self._described_by(name)
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def _described_by(self, name, error=False) -> list[str]:
        field, auto_id = self.fields[name], self[name].auto_id
        ids = [f"{auto_id}-fout"] if error else []
        if field.help_text:
            ids.append(f"{auto_id}-uitleg")
        if counted(field):
            ids.append(f"{auto_id}-teller")
        return ids

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            widget.attrs["aria-describedby"] = " ".join(self._described_by(name, error=True))
            widget.attrs["aria-invalid"] = "true"

    @property
    def error_summary(self) -> list[tuple[str, str]]:
        if not self.is_bound:
            return []
        summary = [("", message) for message in self.non_field_errors()]
        for name in self.fields:
            for message in self.errors.get(name, []):
                summary.append((self[name].auto_id, message))
        return summary


PHONE = re.compile(r"^[0-9+()\-\s]{6,40}$")


class PublicForm(AccessibleFormMixin, forms.Form):
    """A public form: accessible fields, the spam trap `website` (hidden from people, filled in
    by bots, and then nothing is stored) and a checked optional `phone` when the form has one."""

    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd.")
            )
        return cleaned


def note_help(base: str, required_for: list[str]) -> str:
    """The help text of a decision's note that matches the options offered: `base`, then which
    of the offered options need a note ("Verplicht bij: afwijzen.")."""
    if not required_for:
        return base
    names = display.join(str(label).lower() for label in required_for)
    return f"{base} " + str(_("Verplicht bij: %(options)s.") % {"options": names})


class StepDecisionForm(forms.Form):
    """The decision form of a step table (core/workflow.py) in the admin: one of the steps
    available now, and a note that is required where the step says so. Subclasses word the note
    for its reader (`note` field, `note_missing`)."""

    action = forms.ChoiceField(
        label=_("Besluit"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    note_missing = _("Schrijf een toelichting.")

    note_help_text = _("Komt in het logboek.")  # what happens with the note; subclasses word it

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps = list(steps)
        self.fields["action"].choices = [(step.action, step.label) for step in self.steps]
        self.fields["note"].help_text = note_help(
            str(self.note_help_text), [step.label for step in self.steps if step.note_required]
        )

    def clean(self):
        cleaned = super().clean()
        step = next((s for s in self.steps if s.action == cleaned.get("action")), None)
        if step and step.note_required and not cleaned.get("note", "").strip():
            self.add_error("note", self.note_missing)
        return cleaned
