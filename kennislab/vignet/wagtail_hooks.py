"""Back office for the vignet (Wagtail admin, menu "Vignet Vitaal Bedrijf").

* Vignetaanvragen: list with filters and search, export; per application its data, activities,
  evidence, the engine's verdict (now, and as it was at submission) beside the assessor's step
  form (workflow.STEPS), and the history. `view` shows them; `assess_application` allows steps.
* Vignetten: the awarded vignets (the register), with their verification page; revoke.
* A dashboard panel: how many applications wait for an assessor.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core.admin_views import ActionInspectView, RecordViewSet
from kennislab.core.forms import StepDecisionForm
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from . import services, workflow
from .models import Application, Evidence, Status, Vignet

register_permission_policy(Application, ReadOnlyPermissionPolicy(Application))
register_permission_policy(Vignet, ReadOnlyPermissionPolicy(Vignet))

WAITING_FOR_ASSESSOR = (Status.SUBMITTED, Status.IN_ASSESSMENT)


def can_assess(user) -> bool:
    return policy_registry.get_by_type(Application).user_has_permission(user, "assess")


class StepForm(StepDecisionForm):
    action = forms.ChoiceField(label=_("Stap"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Komt in het logboek en in de e-mail aan de aanvrager. Verplicht bij een aanvulling "
            "vragen en bij afwijzen."
        ),
    )
    note_missing = _("Schrijf een toelichting; de aanvrager leest die.")


class ApplicationIndexView(IndexView):
    default_ordering = "-updated_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("renewal_of")


class ApplicationInspectView(ActionInspectView):
    template_name = "vignet/admin/application_inspect.html"
    fields = [
        "reference",
        "status",
        "renewal_of",
        "organisation",
        "place",
        "contact_name",
        "email",
        "phone",
        "target_group_size",
        "baseline_date",
        "baseline_method",
        "baseline_participants",
        "guidance_name",
        "guidance_organisation",
        "guidance_description",
        "submitted_at",
        "assessor",
        "decision_note",
        "decided_at",
        "consent_text",
    ]

    form_context_name = "step_form"
    refusals = (workflow.NotAllowed,)

    def can_act(self) -> bool:
        return can_assess(self.request.user)

    def action_form(self, data=None):
        return StepForm(data, steps=workflow.available(self.object.status, "assessor"))

    def offered(self, form) -> bool:
        return bool(form.fields["action"].choices)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context["activities"] = application.activity_list
        context["evidence"] = list(application.evidence.all())
        context["verdict"] = services.verdict_of(application)
        context["verdict_at_submission"] = application.verdict
        context["events"] = application.events.select_related("actor")
        return context

    def act(self, form) -> str:
        application = services.take_step(
            self.object.pk,
            form.cleaned_data["action"],
            form.cleaned_data["note"].strip(),
            user=self.request.user,
        )
        return _t("%(reference)s is nu: %(status)s.") % {
            "reference": application.reference,
            "status": application.get_status_display().lower(),
        }


class ApplicationViewSet(RecordViewSet):
    model = Application
    icon = "form"
    menu_label = _("Vignetaanvragen")
    menu_order = 100
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    list_display = [
        Column("reference", label=_("Kenmerk")),
        "organisation",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda application: application.status in WAITING_FOR_ASSESSOR,
        ),
        Column("kind", label=_("Soort"),
               accessor=lambda a: _t("verlenging") if a.renewal_of_id else _t("nieuw")),
        DateColumn("submitted_at", label=_("Ingediend")),
        DateColumn("updated_at", label=_("Laatst bewaard")),
    ]  # fmt: skip
    list_filter = ["status", "assessor"]
    search_fields = ["reference", "organisation", "contact_name", "email", "place"]
    list_export = ["reference", "organisation", "place", "contact_name", "email",
                   "get_status_display", "submitted_at", "decided_at", "decision_note"]  # fmt: skip
    export_headings = {
        "reference": _("Kenmerk"),
        "organisation": _("Organisatie"),
        "place": _("Plaats"),
        "contact_name": _("Contactpersoon"),
        "email": _("E-mailadres"),
        "get_status_display": _("Status"),
        "submitted_at": _("Ingediend op"),
        "decided_at": _("Besluit op"),
        "decision_note": _("Toelichting bij het besluit"),
    }
    export_filename = "vignetaanvragen"
    permission_codenames = ("view_application", "assess_application")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van intrekken"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom het vignet wordt ingetrokken.")},
    )


class VignetInspectView(ActionInspectView):
    template_name = "vignet/admin/vignet_inspect.html"
    fields = ["organisation", "place", "contact_name", "email", "first_awarded_on", "awarded_on",
              "valid_from", "valid_until", "application", "reminders_sent", "revoked_at",
              "revoked_reason"]  # fmt: skip

    form_context_name = "revoke_form"

    def can_act(self) -> bool:
        return can_assess(self.request.user)

    refusals = (workflow.NotAllowed,)

    def action_form(self, data=None):
        return RevokeForm(data)

    def offered(self, form) -> bool:
        return not self.object.revoked_at

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verify_url"] = reverse("vignet:verify", args=[self.object.public_id])
        return context

    def act(self, form) -> str:
        if self.object.revoked_at:
            raise workflow.NotAllowed(_t("Dit vignet is al ingetrokken."))
        services.revoke(self.object.pk, form.cleaned_data["reason"], user=self.request.user)
        return _t("Het vignet is ingetrokken.")


class VignetViewSet(RecordViewSet):
    model = Vignet
    icon = "tick-inverse"
    menu_label = _("Vignetten")
    menu_order = 200
    inspect_view_class = VignetInspectView
    list_display = [
        "organisation",
        "place",
        Column("state", label=_("Stand"), accessor=lambda v: STATE_LABELS[v.state()]),
        DateColumn("valid_until", label=_("Geldig tot en met")),
    ]
    list_filter = ["valid_until"]
    search_fields = ["organisation", "place", "email"]
    list_export = ["organisation", "place", "contact_name", "email", "first_awarded_on",
                   "awarded_on", "valid_until", "revoked_at"]  # fmt: skip
    export_filename = "vignetten"
    permission_codenames = ("view_vignet",)


STATE_LABELS = {"valid": _("Geldig"), "expired": _("Verlopen"), "revoked": _("Ingetrokken")}


class VignetGroup(ModelViewSetGroup):
    menu_label = _("Vignet Vitaal Bedrijf")
    menu_icon = "tick-inverse"
    menu_order = 260
    items = (ApplicationViewSet("vignetaanvragen"), VignetViewSet("vignetten"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return VignetGroup()


def evidence_download(request, pk):
    """Evidence for staff who may see vignet applications (never through a public URL)."""
    if not policy_registry.get_by_type(Application).user_has_permission(request.user, "view"):
        raise PermissionDenied
    evidence = get_object_or_404(Evidence, pk=pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(_t("Het bestand is niet (meer) gevonden.")) from None
    return FileResponse(handle, as_attachment=True, filename=evidence.name,
                        content_type=evidence.content_type)  # fmt: skip


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("vignet/bewijs/<int:pk>/", evidence_download, name="vignet_evidence")]


class VignetDashboardPanel(Component):
    name = "vignet"
    template_name = "vignet/admin/dashboard_panel.html"
    order = 120

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        index = reverse("vignetaanvragen:index")
        return {
            "rows": [
                (label, self.counts.get(status, 0), f"{index}?status={status}")
                for status, label in Status.choices
                if status in (*WAITING_FOR_ASSESSOR, Status.MORE_INFO)
            ],
        }


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    if not policy_registry.get_by_type(Application).user_has_permission(request.user, "view"):
        return
    counts = dict(Application.objects.order_by().values_list("status").annotate(n=Count("id")))
    panels.append(VignetDashboardPanel(counts))
