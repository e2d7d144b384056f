"""Forms of staff sign-in: the second factor, and the admin's password reset through the
outbox."""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from kennislab.core.mail import queue_email
from kennislab.core.ratelimit import allow

# Reset mails per address per hour: a stranger cannot fill a colleague's mailbox.
RESET_MAILS_PER_ADDRESS = 3


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("De 6 cijfers uit je authenticator-app, of een van je herstelcodes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Vul de code in.")},
    )


class SetupCodeForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("De 6 cijfers die je app nu laat zien.")
        self.fields["code"].widget.attrs["pattern"] = "[0-9 ]*"


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vul je wachtwoord in.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's "wachtwoord vergeten", with the mail written to the outbox (sent by the task
    worker, retried, visible in the admin) instead of sent during the request. The answer is
    the same whether or not the address belongs to an account (Django sends only to active
    accounts and says nothing about it); at most RESET_MAILS_PER_ADDRESS mails an hour go to
    one address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Je e-mailadres")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["email"].error_messages = {
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        }

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        allowed, _retry = allow(
            "password-reset-mail", to_email.lower(), RESET_MAILS_PER_ADDRESS, 3600
        )
        if not allowed:
            return
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_email(to_email, subject, email_template_name, context, topic="wachtwoord herstellen")
