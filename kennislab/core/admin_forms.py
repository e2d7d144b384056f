"""The admin's sign-in form in Dutch throughout (Wagtail's own leaves the password label in
English): settings.WAGTAILADMIN_USER_LOGIN_FORM."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["password"].widget.attrs["placeholder"] = _("Vul je wachtwoord in")
        self.fields["remember"].label = _("Ingelogd blijven")
