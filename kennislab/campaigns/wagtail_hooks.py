"""Back office for events (Wagtail admin, menu "Evenementen"): registrations per event with
filters, search, export (the participant list) and per registration its history; staff with
`manage_registration` can cancel on someone's behalf (the waiting list moves up)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core.admin_views import ActionInspectView, RecordViewSet
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from . import services
from .models import RecordingAccess, Registration, Status

register_permission_policy(Registration, ReadOnlyPermissionPolicy(Registration))
register_permission_policy(RecordingAccess, ReadOnlyPermissionPolicy(RecordingAccess))


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Waarom afmelden?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt in het logboek. De deelnemer krijgt een bevestiging per e-mail."),
        error_messages={"required": _("Schrijf waarom je deze deelnemer afmeldt.")},
    )


class RegistrationInspectView(ActionInspectView):
    template_name = "campaigns/admin/registration_inspect.html"
    form_context_name = "cancel_form"
    refusals = (services.Refused,)
    fields = ["event", "status", "sequence", "name", "email", "organisation", "created_at",
              "consent_text"]  # fmt: skip

    def can_act(self) -> bool:
        return policy_registry.get_by_type(Registration).user_has_permission(
            self.request.user, "manage"
        )

    def action_form(self, data=None):
        return CancelForm(data)

    def offered(self, form) -> bool:
        return self.object.status != Status.CANCELLED and not self.object.event.is_past

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor")
        return context

    def act(self, form) -> str:
        services.cancel_by_staff(self.object.pk, form.cleaned_data["note"], self.request.user)
        return _t("%(name)s is afgemeld.") % {"name": self.object.name}


class RegistrationViewSet(RecordViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Aanmeldingen")
    menu_order = 100
    inspect_view_class = RegistrationInspectView
    list_display = [
        "name",
        Column("event", label=_("Evenement"), accessor="event.title"),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda registration: registration.status == Status.REGISTERED,
        ),
        Column("position", label=_("Wachtlijst")),
        DateColumn("created_at", label=_("Aangemeld")),
    ]  # fmt: skip
    list_filter = ["event", "status"]
    search_fields = ["name", "email", "organisation"]
    list_export = ["event.title", "name", "email", "organisation", "get_status_display",
                   "position", "created_at"]  # fmt: skip
    export_headings = {
        "event.title": _("Evenement"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "organisation": _("Organisatie"),
        "get_status_display": _("Status"),
        "position": _("Plaats op de wachtlijst"),
        "created_at": _("Aangemeld op"),
    }
    export_filename = "aanmeldingen"
    permission_codenames = ("view_registration", "manage_registration")


class RecordingAccessViewSet(RecordViewSet):
    model = RecordingAccess
    icon = "media"
    menu_label = _("Terugkijkers")
    menu_order = 200
    inspect_view_enabled = False
    list_display = [Column("event", label=_("Evenement"), accessor="event.title"), "email",
                    DateColumn("created_at", label=_("Op"))]  # fmt: skip
    list_filter = ["event"]
    search_fields = ["email"]
    list_export = ["event.title", "email", "created_at"]
    export_filename = "terugkijkers"
    permission_codenames = ("view_recordingaccess",)


class EventGroup(ModelViewSetGroup):
    menu_label = _("Evenementen")
    menu_icon = "date"
    menu_order = 270
    items = (RegistrationViewSet("aanmeldingen"), RecordingAccessViewSet("terugkijkers"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return EventGroup()
