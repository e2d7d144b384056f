"""The one public form of Mijn Kennislab: an e-mail address (and the spam trap). No consent box:
nothing is stored about the visitor but the link that is mailed (the form says so)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.core.forms import PublicForm


class OverviewLinkForm(PublicForm):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Het adres waarmee je iets hebt aangevraagd, aangemeld of ingestuurd."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
    )
