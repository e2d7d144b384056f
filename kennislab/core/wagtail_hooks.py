"""Back office for what the core app keeps: the mail outbox (read only, under Settings)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

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
