"""The forms of the staff page Persoonsgegevens (views.py): an address to look up, a reason to
erase, and an address to check in the access log. Addresses travel in POST bodies only, never in
a URL (URLs end up in server logs)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services


class AddressForm(forms.Form):
    email = forms.CharField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Vul een e-mailadres in.")},
    )

    def clean_email(self) -> str:
        try:
            return services.normalise(self.cleaned_data["email"])
        except services.InvalidAddress as error:
            raise forms.ValidationError(str(error)) from None


class EraseForm(AddressForm):
    """On the same page as the lookup form: ids of its own ("wissen_reason")."""

    reason = forms.CharField(
        label=_("Reden"),
        max_length=2000,
        help_text=_(
            "Bijvoorbeeld: verzoek van de persoon per e-mail van 3 december. De reden komt in het "
            "inzagelogboek."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Geef een reden op: die komt in het inzagelogboek.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "wissen_%s")
        super().__init__(*args, **kwargs)
