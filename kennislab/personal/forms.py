"""The public forms of Mijn Kennislab: the request for a link, an e-mail address (and the spam
trap; no consent box: nothing is stored about the visitor but the link that is mailed, the form
says so); and the confirmation of erasing (a check box; the address comes from the link)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennislab.core.forms import AccessibleFormMixin, PublicForm


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


class EraseForm(AccessibleFormMixin, forms.Form):
    """The confirmation of "Verwijder mijn gegevens": one check box. The address is never part
    of the form: it comes from the overview link only."""

    confirm = forms.BooleanField(
        label=_("Ik begrijp dat dit niet ongedaan kan worden"),
        error_messages={
            "required": _(
                "Vink aan dat je begrijpt dat dit niet ongedaan kan worden. Pas dan verwijderen we "
                "je gegevens."
            )
        },
    )
