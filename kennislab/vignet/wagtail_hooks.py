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
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core import uploads
from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import ActionInspectView, RecordIndexView, RecordViewSet
from kennislab.core.forms import StepDecisionForm
from kennislab.core.permissions import ReadOnlyPermissionPolicy
from kennislab.core.terms import describe_term

from . import challenge_link, services, workflow
from .models import Application, Evidence, Status, Vignet

register_permission_policy(Application, ReadOnlyPermissionPolicy(Application))
register_permission_policy(Vignet, ReadOnlyPermissionPolicy(Vignet))

WAITING_FOR_ASSESSOR = (Status.SUBMITTED, Status.IN_ASSESSMENT)


def can_assess(user) -> bool:
    return policy_registry.get_by_type(Application).user_has_permission(user, "assess")


class StepForm(StepDecisionForm):
    action = forms.ChoiceField(label=_("Stap"), widget=forms.RadioSelect,
                               error_messages={"required": _("Kies een stap.")})  # fmt: skip
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note_help_text = _("Komt in het logboek en in de e-mail aan de aanvrager.")
    note_missing = _("Schrijf een toelichting; de aanvrager leest die.")


CRITERION_LABELS = {
    "baseline": _("Nulmeting"),
    "themes": _("Activiteiten op twee thema's"),
    "guidance": _("Deskundige begeleiding"),
    "renewal": _("Verlenging"),
}


def verdict_rows(verdict) -> list[dict] | None:
    """A verdict (the engine's Verdict, or the stored JSON of one) as rows for the template:
    per criterion its Dutch name, met or not, and the explanation."""
    if verdict is None:
        return None
    data = verdict if isinstance(verdict, dict) else verdict.as_dict()
    return {
        "eligible": data["eligible"],
        "criteria": [
            {"label": CRITERION_LABELS.get(item["code"], item["code"]), "met": item["met"],
             "explanation": item["explanation"]}
            for item in data["criteria"]
        ],
    }  # fmt: skip


class ApplicationIndexView(RecordIndexView):
    default_ordering = "-updated_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("renewal_of", "assessor")


def kind_of(application) -> str:
    return _t("verlenging") if application.renewal_of_id else _t("nieuwe aanvraag")


def deadline_of(application):
    return describe_term(services.decision_term(application))


class ApplicationInspectView(ActionInspectView):
    template_name = "vignet/admin/application_inspect.html"
    sections = [
        Section(_("Aanvraag"), [
            "reference", "status", Field("kind", label=_("Soort"), value=kind_of),
            Field("renewal_of", hide_empty=True), "submitted_at",
            Field("deadline", label=_("Besluit uiterlijk"), value=deadline_of, kind="html",
                  hide_empty=True),
            "assessor", "created_at", "updated_at",
        ]),
        Section(_("Organisatie"), ["organisation", "place", "province", "target_group_size"]),
        Section(_("Contact"), ["contact_name", Field("email", kind="email"), "phone"]),
        Section(_("Nulmeting"), ["baseline_date", "baseline_method", "baseline_participants"]),
        Section(_("Deskundige begeleiding"), ["guidance_name", "guidance_organisation",
                                              Field("guidance_description", kind="text")]),
        Section(_("Besluit"), [Field("decision_note", kind="text"), "decided_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    form_context_name = "step_form"
    refusals = (workflow.NotAllowed,)
    action_title = _("Besluit van de beoordelaar")
    action_intro = _(
        "Elke stap komt in het logboek; de aanvrager krijgt bij een aanvulling, een toekenning "
        "en een afwijzing een e-mail. Toekennen maakt het vignet geldig voor twee jaar vanaf "
        "vandaag."
    )
    submit_label = _("Stap vastleggen")

    def get_queryset(self):
        return Application.objects.select_related("renewal_of", "assessor")

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
        context["team_links"] = [
            {"link": link, "shared": challenge_link.describe(link.participants),
             "expired": link.is_expired}
            for link in services.team_links(application)
        ]  # fmt: skip
        context["min_days"] = challenge_link.MIN_DAYS
        context["evidence"] = list(application.evidence.all())
        context["verdict"] = verdict_rows(services.verdict_of(application))
        context["verdict_at_submission"] = verdict_rows(application.verdict)
        return context

    def act(self, form) -> str:
        action = form.cleaned_data["action"]
        application = services.take_step(
            self.object.pk,
            action,
            form.cleaned_data["note"].strip(),
            user=self.request.user,
            expected_status=self.seen,
        )
        return str(STEP_DONE[action]) % {"reference": application.reference}


STEP_DONE = {
    "start": _("Je beoordeelt %(reference)s nu; de aanvraag staat op jouw naam."),
    "request_info": _("Voor %(reference)s is een aanvulling gevraagd. De aanvrager krijgt een "
                      "e-mail met een nieuwe link."),
    "award": _("%(reference)s is toegekend: het vignet is twee jaar geldig. De aanvrager krijgt "
               "een e-mail."),
    "reject": _("%(reference)s is afgewezen. De aanvrager krijgt een e-mail met je toelichting."),
}  # fmt: skip


class ApplicationViewSet(RecordViewSet):
    model = Application
    icon = "form"
    menu_label = _("Aanvragen")
    menu_order = 100
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    list_display = [
        Column("reference", label=_("Kenmerk"), accessor=lambda a: a.reference or _t("concept")),
        "organisation",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda application: application.status in WAITING_FOR_ASSESSOR,
        ),
        Column("kind", label=_("Soort"), accessor=kind_of),
        WhenColumn("submitted_at", label=_("Ingediend"), sort_key="submitted_at"),
        Column("deadline", label=_("Besluit uiterlijk"), accessor=deadline_of),
        Column("assessor", label=_("Beoordelaar"), accessor="assessor"),
        WhenColumn("updated_at", label=_("Laatst bewaard"), sort_key="updated_at"),
    ]  # fmt: skip
    list_filter = ["status", "province", "assessor"]
    search_fields = ["reference", "organisation", "contact_name", "email", "place"]
    list_export = ["reference", "organisation", "place", "get_province_display", "contact_name",
                   "email", "get_status_display", "submitted_at", "decided_at"]  # fmt: skip
    export_headings = {
        "reference": _("Kenmerk"),
        "organisation": _("Organisatie"),
        "place": _("Plaats"),
        "get_province_display": _("Provincie"),
        "contact_name": _("Contactpersoon"),
        "email": _("E-mailadres"),
        "get_status_display": _("Status"),
        "submitted_at": _("Ingediend op"),
        "decided_at": _("Besluit op"),
    }
    export_filename = "vignetaanvragen"
    permission_codenames = ("view_application", "assess_application")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van intrekken"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt in het logboek; het register en de controlepagina tonen ‘ingetrokken’."),
        error_messages={"required": _("Schrijf waarom het vignet wordt ingetrokken.")},
    )


def state_of(vignet) -> str:
    return STATE_LABELS[vignet.state()]


class VignetInspectView(ActionInspectView):
    template_name = "vignet/admin/vignet_inspect.html"
    sections = [
        Section(_("Vignet"), [
            "organisation", "place", "province", Field("state", label=_("Stand"), value=state_of),
            "first_awarded_on", "awarded_on", "valid_from", "valid_until",
            "application", "reminders_sent",
        ]),
        Section(_("Contact"), ["contact_name", Field("email", kind="email")]),
        Section(_("Intrekking"), ["revoked_at", Field("revoked_reason", kind="text")]),
    ]  # fmt: skip

    form_context_name = "revoke_form"
    refusals = (workflow.NotAllowed,)
    action_title = _("Vignet intrekken")
    action_intro = _(
        "Een ingetrokken vignet verdwijnt uit het register; de controlepagina en het vignet zelf "
        "tonen ‘ingetrokken’."
    )
    submit_label = _("Vignet intrekken")
    action_danger = True

    def get_queryset(self):
        return Vignet.objects.select_related("application")

    def history(self):
        return None

    def can_act(self) -> bool:
        return can_assess(self.request.user)

    def seen_state(self) -> str:
        return "revoked" if self.object.revoked_at else "active"

    def seen_state_label(self) -> str:
        return str(_("ingetrokken") if self.object.revoked_at else _("niet ingetrokken"))

    def action_form(self, data=None):
        return RevokeForm(data)

    def offered(self, form) -> bool:
        return not self.object.revoked_at

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verify_url"] = reverse("vignet:verify", args=[self.object.public_id])
        context["application_url"] = reverse("vignetaanvragen:inspect",
                                             args=[self.object.application_id])  # fmt: skip
        return context

    def act(self, form) -> str:
        services.revoke(self.object.pk, form.cleaned_data["reason"], user=self.request.user)
        return _t("Het vignet van %(organisation)s is ingetrokken en staat niet meer in het "
                  "register.") % {"organisation": self.object.organisation}  # fmt: skip


class VignetViewSet(RecordViewSet):
    model = Vignet
    icon = "tick-inverse"
    menu_label = _("Vignetten")
    menu_order = 200
    inspect_view_class = VignetInspectView
    list_display = [
        "organisation",
        "place",
        Column("state", label=_("Stand"), accessor=state_of),
        WhenColumn("valid_until", label=_("Geldig tot en met"), sort_key="valid_until"),
    ]
    list_filter = ["valid_until", "province"]
    search_fields = ["organisation", "place", "email"]
    list_export = ["organisation", "place", "get_province_display", "contact_name", "email",
                   "first_awarded_on", "awarded_on", "valid_until", "revoked_at"]  # fmt: skip
    export_headings = {"get_province_display": _("Provincie")}
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
    return uploads.download(handle, evidence.name, evidence.content_type)


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
