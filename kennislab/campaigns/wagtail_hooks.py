"""Back office for events and campaigns (Wagtail admin, menu "Evenementen"): registrations per
event with filters, search, export (the participant list) and per registration its history;
staff with `manage_registration` can cancel on someone's behalf (the waiting list moves up).
Activities of relay campaigns: a moderation list (waiting first, incomplete and changed after
publication marked) where staff with `moderate_activity` approve, ask for changes or reject."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core.admin_views import ActionInspectView, RecordViewSet
from kennislab.core.forms import StepDecisionForm
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from . import activities, rules, services
from .models import Activity, ActivityStatus, RecordingAccess, Registration, Status

register_permission_policy(Registration, ReadOnlyPermissionPolicy(Registration))
register_permission_policy(Activity, ReadOnlyPermissionPolicy(Activity))
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


class ModerationForm(StepDecisionForm):
    note = forms.CharField(
        label=_("Bericht aan de organisator"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nodig bij aanpassing vragen en afwijzen; gaat per e-mail naar de "
                    "organisator en komt in het logboek."),
    )  # fmt: skip
    note_missing = _("Schrijf de organisator waarom.")


class ActivityInspectView(ActionInspectView):
    template_name = "campaigns/admin/activity_inspect.html"
    form_context_name = "moderation_form"
    refusals = (rules.NotAllowed, services.Refused)
    fields = ["campaign", "status", "title", "organiser", "contact_name", "email", "phone",
              "province", "kind", "date", "starts_at", "ends_at", "online", "location", "link",
              "audience", "description", "complete", "changed_after_approval", "editor_note",
              "created_at", "updated_at", "reminders_sent", "assigned_to",
              "consent_text"]  # fmt: skip

    def can_act(self) -> bool:
        return policy_registry.get_by_type(Activity).user_has_permission(
            self.request.user, "moderate"
        )

    def action_form(self, data=None):
        return ModerationForm(data, steps=rules.available_steps(self.object.status, "editor"))

    def offered(self, form) -> bool:
        return bool(form.steps)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor")
        context["missing"] = self.object.missing()
        context["week"] = self.object.week()
        return context

    def act(self, form) -> str:
        step = rules.STEP_BY_ACTION[form.cleaned_data["action"]]
        activities.moderate(self.object.pk, step.action, form.cleaned_data["note"],
                            self.request.user)  # fmt: skip
        return _t("‘%(title)s’: %(step)s.") % {"title": self.object.title,
                                               "step": step.label.lower()}  # fmt: skip


class ActivityViewSet(RecordViewSet):
    model = Activity
    icon = "tasks"
    menu_label = _("Activiteiten")
    menu_order = 50
    inspect_view_class = ActivityInspectView
    list_display = [
        "title",
        Column("campaign", label=_("Campagne"), accessor="campaign.title"),
        Column("province_name", label=_("Provincie")),
        DateColumn("date", label=_("Datum")),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda activity: activity.status == ActivityStatus.SUBMITTED,
        ),
        Column("complete", label=_("Compleet"),
               accessor=lambda activity: _t("ja") if activity.complete else _t("nee")),
        Column("changed_after_approval", label=_("Gewijzigd na publicatie"),
               accessor=lambda activity: _t("ja") if activity.changed_after_approval else ""),
        Column("assigned_to", label=_("Toegewezen aan")),
    ]  # fmt: skip
    list_filter = ["campaign", "status", "complete", "changed_after_approval", "province", "kind",
                   "assigned_to"]  # fmt: skip
    search_fields = ["title", "organiser", "contact_name", "email"]
    ordering = ["status", "date", "pk"]
    list_export = ["campaign.title", "title", "organiser", "contact_name", "email", "phone",
                   "province_name", "get_kind_display", "date", "starts_at", "ends_at",
                   "online", "location", "link", "get_status_display", "complete"]  # fmt: skip
    export_filename = "activiteiten"
    permission_codenames = ("view_activity", "moderate_activity")


class EventGroup(ModelViewSetGroup):
    menu_label = _("Evenementen")
    menu_icon = "date"
    menu_order = 270
    items = (
        RegistrationViewSet("aanmeldingen"),
        RecordingAccessViewSet("terugkijkers"),
        ActivityViewSet("activiteiten"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return EventGroup()
