"""Staff sign-in in the admin: the second-factor pages, the account page's link to them, the
administrators' page Aanmeldbeveiliging and the audit actions' Dutch labels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import services, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("tweestapsverificatie/instellen/", views.setup, name="accounts_2fa_setup"),
        path("tweestapsverificatie/controleren/", views.verify, name="accounts_2fa_verify"),
        path(
            "tweestapsverificatie/herstelcodes/",
            views.recovery_codes,
            name="accounts_2fa_recovery_codes",
        ),
        path("tweestapsverificatie/", views.own_two_factor, name="accounts_2fa_own"),
        path("aanmeldbeveiliging/", views.security, name="accounts_security"),
        path("aanmeldbeveiliging/deblokkeren/", views.unlock, name="accounts_unlock"),
        path(
            "aanmeldbeveiliging/<int:user_id>/tweestapsverificatie-resetten/",
            views.reset_user_two_factor,
            name="accounts_reset_2fa",
        ),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_security_menu_item():
    return SuperuserMenuItem(
        _("Aanmeldbeveiliging"),
        reverse("accounts_security"),
        icon_name="lock",
        order=910,
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_own"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Je authenticator-app en herstelcodes; een nieuwe app instellen."),
    }


@hooks.register("register_log_actions")
def register_sign_in_log_actions(actions):
    for action, (label, message) in services.ACTION_LABELS.items():
        actions.register_action(action, label, message)
