"""Back office for what the core app keeps: the mail outbox (read only, under Settings), and
the moderation inbox (core/inbox.py) with its menu item and dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import inbox
from .admin_views import InboxView
from .models import OutgoingEmail
from .permissions import ReadOnlyPermissionPolicy

register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    """Every e-mail the site sent or still has to send; failed ones are retried by the worker
    and by `manage.py send_pending_mail`."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Uitgaande e-mail")
    add_to_settings_menu = True
    add_to_reference_index = False  # a log, not content
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "subject",
        "to",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda email: email.status == OutgoingEmail.Status.SENT,
        ),
        "attempts",
        DateColumn("created_at", label=_("Aangemaakt")),
    ]
    list_filter = ["status"]
    search_fields = ["to", "subject", "topic"]
    search_backend_name = None
    inspect_view_fields = [
        "created_at", "to", "subject", "body", "status", "attempts", "last_error", "sent_at",
        "topic",
    ]  # fmt: skip
    exclude_form_fields = []  # never used: the permission policy allows no add or edit


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
            "rows": [
                (source, waiting, mine, f"{url}?soort={source.key}")
                for source, waiting, mine in self.counts
            ],
            "total": sum(waiting for _source, waiting, _mine in self.counts),
        }


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    counts = inbox.counts_for(request.user)
    if counts:
        panels.append(InboxPanel(counts))
