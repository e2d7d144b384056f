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
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import (
    ActionInspectView,
    RecordIndexView,
    RecordInspectView,
    RecordViewSet,
    decided_message,
)
from kennislab.core.dates import dutch_date
from kennislab.core.forms import StepDecisionForm
from kennislab.core.permissions import ReadOnlyPermissionPolicy
from kennislab.core.terms import describe_term

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
    form_context_name = "cancel_form"
    refusals = (services.Refused,)
    action_title = _("Afmelden namens de deelnemer")
    action_intro = _("Staat de deelnemer op de gastenlijst, dan krijgt de eerste op de wachtlijst "
                     "de plaats (en een e-mail).")  # fmt: skip
    submit_label = _("Afmelden")
    sections = [
        Section(_("Aanmelding"), [
            "event", Field("status", value=lambda r: status_with_position(r)),
            "created_at",
        ]),
        Section(_("Deelnemer"), ["name", Field("email", kind="email"), "organisation"]),
        Section(_("Wat de deelnemer nodig heeft"), [
            Field("dietary", value=lambda r: needs_answer(r, "dietary")),
            Field("access_needs", value=lambda r: needs_answer(r, "access_needs")),
        ]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def get_queryset(self):
        return Registration.objects.select_related("event")

    def can_act(self) -> bool:
        return policy_registry.get_by_type(Registration).user_has_permission(
            self.request.user, "manage"
        )

    def action_form(self, data=None):
        return CancelForm(data)

    def offered(self, form) -> bool:
        return self.object.status != Status.CANCELLED and not self.object.event.is_past

    def act(self, form) -> str:
        services.cancel_by_staff(self.object.pk, form.cleaned_data["note"], self.request.user,
                                 expected_status=self.seen)  # fmt: skip
        return _t("%(name)s is afgemeld voor ‘%(event)s’ en krijgt een bevestiging per e-mail.") % {
            "name": self.object.name, "event": self.object.event.title}  # fmt: skip


ASKED = {"dietary": "ask_dietary", "access_needs": "ask_accessibility"}


def needs_answer(registration, field: str) -> str:
    """The answer, or why there is none: not asked for this event, left empty, or wiped when
    the registration was cancelled."""
    answer = getattr(registration, field)
    if answer:
        return answer
    if not getattr(registration.event, ASKED[field]):
        return _t("Niet gevraagd bij dit evenement")
    if registration.status == Status.CANCELLED:
        return _t("Gewist bij het afmelden")
    return _t("Niets ingevuld")


def status_with_position(registration) -> str:
    position = registration.position
    label = registration.get_status_display()
    return f"{label} ({_t('plaats %(n)s') % {'n': position}})" if position else label


class RegistrationIndexView(RecordIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(RecordViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Aanmeldingen")
    menu_order = 100
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    list_display = [
        "name",
        Column("event", label=_("Evenement"), accessor="event.title"),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda registration: registration.status == Status.REGISTERED,
        ),
        Column("position", label=_("Wachtlijst")),
        WhenColumn("created_at", label=_("Aangemeld"), sort_key="created_at"),
    ]  # fmt: skip
    list_filter = ["event", "status"]
    search_fields = ["name", "email", "organisation"]
    list_export = ["event.title", "name", "email", "organisation", "dietary", "access_needs",
                   "get_status_display", "position", "created_at"]  # fmt: skip
    export_headings = {
        "event.title": _("Evenement"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "organisation": _("Organisatie"),
        "dietary": _("Dieetwensen"),
        "access_needs": _("Wensen voor toegankelijkheid"),
        "get_status_display": _("Status"),
        "position": _("Plaats op de wachtlijst"),
        "created_at": _("Aangemeld op"),
    }
    export_filename = "aanmeldingen"
    permission_codenames = ("view_registration", "manage_registration")


class RecordingAccessInspectView(RecordInspectView):
    sections = [
        Section(_("Terugkijken"), ["event", "created_at"]),
        Section(_("Kijker"), [Field("email", kind="email")]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]


class RecordingAccessViewSet(RecordViewSet):
    model = RecordingAccess
    icon = "media"
    menu_label = _("Terugkijkers")
    menu_order = 200
    inspect_view_class = RecordingAccessInspectView
    list_display = [
        "email",
        Column("event", label=_("Evenement"), accessor="event.title"),
        WhenColumn("created_at", label=_("Aangemeld"), sort_key="created_at"),
    ]
    list_filter = ["event"]
    search_fields = ["email"]
    list_export = ["event.title", "email", "created_at"]
    export_headings = {"event.title": _("Evenement"), "email": _("E-mailadres"),
                       "created_at": _("Aangemeld op")}  # fmt: skip
    export_filename = "terugkijkers"
    permission_codenames = ("view_recordingaccess",)


class ModerationForm(StepDecisionForm):
    note = forms.CharField(
        label=_("Bericht aan de organisator"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    note_help_text = _("Gaat per e-mail naar de organisator en komt in het logboek.")
    note_missing = _("Schrijf de organisator waarom.")


def activity_deadline(activity):
    return describe_term(activities.decision_term(activity))


class ActivityInspectView(ActionInspectView):
    form_context_name = "moderation_form"
    refusals = (rules.NotAllowed, services.Refused)
    action_title = _("Beoordelen")
    submit_label = _("Opslaan en de organisator mailen")
    sections = [
        Section(_("Activiteit"), [
            "campaign", "status",
            Field("deadline", label=_("Besluit uiterlijk"), value=activity_deadline, kind="html",
                  hide_empty=True),
            "title", "kind", "province",
            Field("week", label=_("Week van de regio"), value=lambda a: week_text(a.week())),
            "date", "starts_at", "ends_at", "online", "location", Field("link", kind="url"),
            "audience", Field("description", kind="text"),
        ]),
        Section(_("Organisator"), ["organiser", "contact_name", Field("email", kind="email"),
                                   "phone"]),
        Section(_("Beoordeling"), [
            "complete", "changed_after_approval", Field("editor_note", kind="text"),
            "assigned_to", "created_at", "updated_at", "reminders_sent",
        ]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def get_queryset(self):
        return Activity.objects.select_related("campaign", "assigned_to")

    def can_act(self) -> bool:
        return policy_registry.get_by_type(Activity).user_has_permission(
            self.request.user, "moderate"
        )

    def action_form(self, data=None):
        return ModerationForm(data, steps=rules.available_steps(self.object.status, "editor"))

    def offered(self, form) -> bool:
        return bool(form.steps)

    def notices(self) -> list[str]:
        missing = self.object.missing()
        return [_t("Nog niet compleet: %(missing)s.") % {"missing": ", ".join(missing)}] if (
            missing) else []  # fmt: skip

    def act(self, form) -> str:
        step = rules.STEP_BY_ACTION[form.cleaned_data["action"]]
        activity = activities.moderate(self.object.pk, step.action, form.cleaned_data["note"],
                                       self.request.user, expected_status=self.seen)  # fmt: skip
        return decided_message(activity.title, activity.get_status_display(),
                               _t("De organisator"))  # fmt: skip


def week_text(week) -> str | None:
    if week is None:
        return None
    return _t("Regio %(name)s: %(start)s tot en met %(end)s") % {
        "name": week.name,
        "start": dutch_date(week.starts_on),
        "end": dutch_date(week.ends_on),
    }


class ActivityIndexView(RecordIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("campaign", "assigned_to")


class ActivityViewSet(RecordViewSet):
    model = Activity
    icon = "tasks"
    menu_label = _("Estafette-activiteiten")
    menu_order = 300
    index_view_class = ActivityIndexView
    inspect_view_class = ActivityInspectView
    list_display = [
        "title",
        Column("campaign", label=_("Campagne"), accessor="campaign.title"),
        Column("province_name", label=_("Provincie")),
        WhenColumn("date", label=_("Datum"), sort_key="date"),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda activity: activity.status == ActivityStatus.SUBMITTED,
        ),
        Column("deadline", label=_("Besluit uiterlijk"), accessor=activity_deadline),
        Column("complete", label=_("Compleet")),
        Column("changed_after_approval", label=_("Gewijzigd na publicatie")),
        Column("assigned_to", label=_("Toegewezen aan")),
    ]  # fmt: skip
    list_filter = ["campaign", "status", "complete", "changed_after_approval", "province", "kind",
                   "assigned_to"]  # fmt: skip
    search_fields = ["title", "organiser", "contact_name", "email"]
    ordering = ["status", "date", "pk"]
    list_export = ["campaign.title", "title", "organiser", "contact_name", "email", "phone",
                   "province_name", "get_kind_display", "date", "starts_at", "ends_at",
                   "online", "location", "link", "get_status_display", "complete"]  # fmt: skip
    export_headings = {
        "campaign.title": _("Campagne"), "title": _("Titel"), "organiser": _("Organisatie"),
        "contact_name": _("Contactpersoon"), "email": _("E-mailadres"), "phone": _("Telefoon"),
        "province_name": _("Provincie"), "get_kind_display": _("Soort"), "date": _("Datum"),
        "starts_at": _("Begintijd"), "ends_at": _("Eindtijd"), "online": _("Online"),
        "location": _("Plaats"), "link": _("Link"), "get_status_display": _("Status"),
        "complete": _("Compleet"),
    }  # fmt: skip
    export_filename = "activiteiten"
    permission_codenames = ("view_activity", "moderate_activity")


class EventGroup(ModelViewSetGroup):
    menu_label = _("Agenda en estafette")
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
