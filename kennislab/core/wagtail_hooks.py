"""Back office for what the core app keeps: the mail outbox (read only, under Settings), and
the moderation inbox (core/inbox.py) with its menu item and dashboard panel."""

from django import forms
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from . import inbox, mail
from .admin_display import Field, Section, WhenColumn
from .admin_views import ActionInspectView, InboxView, RecordViewSet
from .display import mask_private_links
from .models import OutgoingEmail
from .permissions import ReadOnlyPermissionPolicy

register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))


def masked_body(email) -> str:
    """The mail's text with private links shortened: staff see which link was sent, not a
    working link to someone else's application (or unsubscribe page)."""
    return mask_private_links(email.body)


def attachment_names(email) -> list[str]:
    return [name for name, *_rest in email.attachments or []]


RESENT = "kennislab.mail_resent"


class ResendForm(forms.Form):
    """No fields: the button is the decision."""


class OutgoingEmailInspectView(ActionInspectView):
    """A mail's details; a mail that failed every attempt can be sent again ("Opnieuw
    versturen", with the permission core.resend_outgoingemail; written to the log)."""

    action_title = _("Opnieuw versturen")
    action_intro = _(
        "Deze e-mail is na alle pogingen niet verstuurd. Opnieuw versturen zet hem terug in de "
        "wachtrij met een nieuwe reeks pogingen."
    )
    submit_label = _("Opnieuw versturen")

    def can_act(self) -> bool:
        return self.request.user.has_perm("core.resend_outgoingemail")

    def action_form(self, data=None):
        return ResendForm(data)

    def offered(self, form) -> bool:
        return self.object.status == OutgoingEmail.Status.FAILED

    def act(self, form) -> str:
        if not mail.resend(self.object):
            return gettext("Deze e-mail was niet mislukt; er is niets veranderd.")
        log(instance=self.object, action=RESENT, user=self.request.user)
        return gettext("De e-mail staat weer in de wachtrij en wordt zo verstuurd.")

    sections = [
        Section(_("Bericht"), [
            "to", "subject", Field("reply_to", label=_("Antwoorden gaan naar"),
                                   value=lambda e: (e.headers or {}).get("Reply-To"),
                                   hide_empty=True),
            Field("attachments", label=_("Bijlagen"), value=attachment_names, hide_empty=True),
            "topic",
        ]),
        Section(_("Verzending"), ["status", "attempts", "created_at", "sent_at",
                                  Field("last_error", kind="text", hide_empty=True)]),
        Section(_("Tekst"), [Field("body", label=_("Tekst (persoonlijke links ingekort)"),
                                   value=masked_body, kind="text")]),
    ]  # fmt: skip


class OutgoingEmailViewSet(RecordViewSet):
    """Every e-mail the site sent or still has to send; failed ones are retried by the worker
    and by `manage.py send_pending_mail`."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Uitgaande e-mail")
    add_to_settings_menu = True
    inspect_view_class = OutgoingEmailInspectView
    list_display = [
        "subject",
        "to",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda email: email.status == OutgoingEmail.Status.SENT,
        ),
        "attempts",
        WhenColumn("created_at", label=_("Aangemaakt"), sort_key="created_at"),
    ]
    list_filter = ["status"]
    search_fields = ["to", "subject", "topic"]
    permission_codenames = ("view_outgoingemail", "resend_outgoingemail")


@hooks.register("register_log_actions")
def register_mail_log_actions(actions):
    actions.register_action(RESENT, _("E-mail opnieuw versturen"), _("E-mail opnieuw verstuurd"))


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/css/admin.css"))


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutgoingEmailViewSet("uitgaande-email")


@hooks.register("register_admin_urls")
def register_inbox_url():
    return [path("inbox/", InboxView.as_view(), name="kennislab_inbox")]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(inbox.sources_for(request.user))


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Inbox"), reverse("kennislab_inbox"), icon_name="mail", order=150)


class InboxPanel(Component):
    name = "inbox"
    template_name = "core/admin/inbox_panel.html"
    order = 50

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        url = reverse("kennislab_inbox")
        return {
            "url": url,
            "rows": [(count, f"{url}?soort={count.source.key}") for count in self.counts],
            "total": sum(count.waiting for count in self.counts),
            "overdue": sum(count.overdue for count in self.counts),
        }


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    counts = inbox.counts_for(request.user)
    if counts:
        panels.append(InboxPanel(counts))


@hooks.register("construct_main_menu")
def without_the_english_help_menu(request, menu_items):
    """Wagtail's help menu links to an English guide on another site; the back office is Dutch
    and its own help is in the README and on each page."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
