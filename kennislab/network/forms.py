"""Public forms of the network: signing (and changing) a pledge, a progress update, and sharing a
practice story with an optional attachment (checked by its first bytes, at most 10 MB)."""

from __future__ import annotations

from django import forms
from django.utils.text import Truncator, get_valid_filename
from django.utils.translation import gettext_lazy as _

from kennislab.content.models import Domain, Theme
from kennislab.core import uploads
from kennislab.core.forms import PublicForm

from . import rules

MAX_FILE_BYTES = 10 * 1024 * 1024
DOCX = uploads.DOCX
# The types an attachment may have, read from its content (the name or the browser may lie).
ALLOWED_TYPES = (uploads.PDF, uploads.PNG, uploads.JPEG, uploads.DOCX)

PLEDGE_CONSENT_TEXT = _(
    "Ik geef toestemming om de gegevens in dit formulier te bewaren en te gebruiken voor deze "
    "pledge. Na goedkeuring staan de organisatie, regio, domeinen, thema's, partners, afspraken "
    "en voortgangsupdates op de openbare pledgemuur; naam, e-mailadres en telefoon niet. Zie de "
    "privacyverklaring."
)
STORY_CONSENT_TEXT = _(
    "Ik geef toestemming om mijn verhaal en mijn gegevens te bewaren en te gebruiken om er een "
    "artikel op Kennislab van te maken. Mijn e-mailadres wordt niet gepubliceerd. Zie de "
    "privacyverklaring."
)

EMAIL_ERRORS = {
    "required": _("Vul je e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
    "max_length": _("Dit e-mailadres is te lang."),
}


def text_field(label, max_length, required=True, required_message="", help_text="", rows=5):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required_message,
            "max_length": _("Houd deze tekst korter dan %(limit_value)s tekens.")
            % {"limit_value": max_length},
        },
    )


def char_field(label, max_length, required_message="", required=True, help_text=""):
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text,
        error_messages={"required": required_message,
                        "max_length": _("Dit is te lang: hoogstens %(limit_value)s tekens.")
                        % {"limit_value": max_length}},
    )  # fmt: skip


def themes_field(help_text=""):
    return forms.ModelMultipleChoiceField(
        label=_("Thema's"), queryset=Theme.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=help_text,
        error_messages={"invalid_choice": _("Kies thema's uit de lijst."),
                        "invalid_pk_value": _("Kies thema's uit de lijst.")},
    )  # fmt: skip


class PledgeForm(PublicForm):
    organisation = char_field(_("Organisatie"), 200, _("Vul de naam van je organisatie in."))
    contact_name = char_field(_("Contactpersoon"), 150, _("Vul de naam van de contactpersoon in."))
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
        help_text=_("Hierheen sturen we de link om voortgang te delen; niet openbaar."),
    )  # fmt: skip
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    province = forms.ChoiceField(
        label=_("Regio"), choices=[("", _("Kies een provincie")), *rules.PROVINCES],
        error_messages={"required": _("Kies de provincie van je organisatie."),
                        "invalid_choice": _("Kies een provincie uit de lijst.")},
    )  # fmt: skip
    domains = forms.ModelMultipleChoiceField(
        label=_("Domeinen"), queryset=Domain.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies domeinen uit de lijst."),
                        "invalid_pk_value": _("Kies domeinen uit de lijst.")},
    )  # fmt: skip
    themes = themes_field()
    partners = text_field(
        _("Partners"), 2000, required=False, rows=3,
        help_text=_("Met wie werk je samen? Staat op de pledgemuur."),
    )  # fmt: skip
    commitments = text_field(
        _("Concrete afspraken"), 5000,
        required_message=_("Beschrijf wat je organisatie concreet gaat doen."),
        help_text=_("Wat gaat je organisatie doen, met wie en wanneer? Staat op de pledgemuur."),
        rows=8,
    )  # fmt: skip
    consent = forms.BooleanField(
        label=PLEDGE_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je pledge te kunnen verwerken.")},
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # through the private link: the address the links go to stays
            del self.fields["consent"]
            del self.fields["email"]


class UpdateForm(PublicForm):
    text = text_field(_("Wat is er gebeurd?"), 3000,
                      required_message=_("Beschrijf de voortgang."), rows=6)  # fmt: skip
    happened_on = forms.DateField(
        label=_("Datum"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": _("Vul een geldige datum in, zoals 2027-02-03.")},
    )  # fmt: skip

    def __init__(self, *args, commitments=(), **kwargs):
        """`commitments`: the pledge's commitments (timeline.commitment_items); with more than
        one, the signer may say which one the update serves (it counts for the progress)."""
        super().__init__(*args, **kwargs)
        if len(commitments) > 1:
            choices = [(str(n), f"{n}. {Truncator(item).chars(120)}")
                       for n, item in enumerate(commitments, start=1)]  # fmt: skip
            self.fields["commitment"] = forms.TypedChoiceField(
                label=_("Bij welke afspraak hoort dit?"), required=False, coerce=int,
                empty_value=None, widget=forms.RadioSelect,
                choices=[*choices, ("", _("Geen bepaalde afspraak"))],
                help_text=_("De redactie kan dit nog aanpassen."),
                error_messages={"invalid_choice": _("Kies een afspraak uit de lijst.")},
            )  # fmt: skip


def checked_upload(upload):
    """The upload with its real type and the matching extension (a PDF named rapport.html
    becomes rapport.pdf), or a ValidationError naming the file."""
    name = get_valid_filename(upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]) or "bestand"
    if upload.size > MAX_FILE_BYTES:
        raise forms.ValidationError(_("%(name)s is te groot: hoogstens 10 MB.") % {"name": name})
    kind = uploads.detect(upload, ALLOWED_TYPES)
    if kind is None:
        raise forms.ValidationError(
            _("%(name)s is geen PDF, Word-document (.docx), PNG of JPEG.") % {"name": name}
        )
    upload.name = uploads.stored_name(name[-150:], kind)
    upload.content_type = kind
    return upload


class StoryForm(PublicForm):
    title = char_field(_("Titel"), 200, _("Geef je verhaal een titel."))
    summary = text_field(_("Samenvatting"), 1000, rows=3,
                         required_message=_("Vat je verhaal kort samen."),
                         help_text=_("Twee of drie zinnen: waar gaat het over?"))  # fmt: skip
    what_was_done = text_field(_("Wat is er gedaan?"), 5000,
                               required_message=_("Beschrijf wat er is gedaan."))  # fmt: skip
    what_worked = text_field(_("Wat werkte?"), 5000,
                             required_message=_("Beschrijf wat werkte."))  # fmt: skip
    lessons = text_field(_("Wat zijn de lessen?"), 5000,
                         required_message=_("Beschrijf de lessen voor anderen."))  # fmt: skip
    themes = themes_field()
    attachment = forms.FileField(
        label=_("Bijlage"), required=False,
        help_text=_("Een PDF, Word-document (.docx), PNG of JPEG van hoogstens 10 MB."),
        error_messages={"invalid": _("Dit bestand kon niet worden gelezen."),
                        "empty": _("Dit bestand is leeg."),
                        "max_length": _("De bestandsnaam is te lang.")},
    )  # fmt: skip
    contact_name = char_field(_("Naam"), 150, _("Vul je naam in."))
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
        help_text=_("Voor vragen van de redactie; wordt niet gepubliceerd."),
    )  # fmt: skip
    organisation = char_field(_("Organisatie"), 200, _("Vul de naam van je organisatie in."))
    name_public = forms.BooleanField(
        label=_("Mijn naam en organisatie mogen als contact bij het artikel staan."),
        required=False,
    )
    consent = forms.BooleanField(
        label=STORY_CONSENT_TEXT,
        error_messages={"required": _("Geef toestemming om je verhaal te kunnen verwerken.")},
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        return checked_upload(upload) if upload else None


class NewLinkForm(PublicForm):
    email = forms.EmailField(
        label=_("E-mailadres waarmee je de pledge tekende"), max_length=254,
        error_messages={"required": _("Vul je e-mailadres in."),
                        "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")},
    )  # fmt: skip
