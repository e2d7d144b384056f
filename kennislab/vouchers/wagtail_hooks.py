"""Back office for knowledge vouchers (Wagtail admin, menu "Kennisvouchers").

* Voucherregelingen: add and edit schemes (model permissions).
* Voucheraanvragen: list with filters and search, export to CSV and XLSX, and per application
  the details, the history (audit log) and the decision form (grant / reject / withdraw with a
  note; each re-runs the allocation). Applications are never added, edited or deleted here:
  the `view` permission shows them, `decide_application` allows decisions.
* A dashboard panel per running scheme: budget allocated vs. remaining and vouchers per example.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import policy_registry, register_permission_policy

from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import ActionInspectView, RecordIndexView, RecordViewSet
from kennislab.core.forms import note_help
from kennislab.core.permissions import ReadOnlyPermissionPolicy
from kennislab.core.terms import describe_term

from . import rules, services
from .models import HOLDING, Application, Scheme

register_permission_policy(Application, ReadOnlyPermissionPolicy(Application))


# --- Schemes ---------------------------------------------------------------------------------


class SchemeViewSet(ModelViewSet):
    model = Scheme
    icon = "tag"
    menu_label = _("Voucherregelingen")
    menu_order = 100
    copy_view_enabled = False
    list_display = [
        "title",
        Column(
            "phase_label", label=_("Stand"), accessor=lambda scheme: PHASE_LABELS[scheme.phase()]
        ),
        WhenColumn("opens_at", label=_("Open vanaf")),
        WhenColumn("closes_at", label=_("Open tot")),
        "max_vouchers",
    ]
    search_fields = ["title", "funder"]
    search_backend_name = None
    panels = Scheme.panels


PHASE_LABELS = {"not_yet": _("Nog niet open"), "open": _("Open"), "closed": _("Gesloten")}


# --- Applications ----------------------------------------------------------------------------

EXPORT_FIELDS = {
    "reference": _("Kenmerk"),
    "received_at": _("Ontvangen op"),
    "scheme.title": _("Regeling"),
    "example.title": _("Goed voorbeeld"),
    "get_status_display": _("Status"),
    "position": _("Plaats op de wachtlijst"),
    "amount": _("Bedrag (€)"),
    "organisation": _("Organisatie"),
    "get_organisation_type_display": _("Soort organisatie"),
    "region": _("Regio of gemeente"),
    "get_province_display": _("Provincie"),
    "contact_name": _("Contactpersoon"),
    "email": _("E-mailadres"),
    "phone": _("Telefoonnummer"),
    "decided_at": _("Besluit op"),
}
# Exports carry the minimum (the AVG's data minimisation): no motivation, own contribution or
# decision note; those are read on the detail page, where the access is logged.


class ApplicationIndexView(RecordIndexView):
    default_ordering = "-received_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("scheme", "example", "assigned_to")

    def get_filename(self):
        return f"voucheraanvragen-{timezone.localdate():%Y-%m-%d}"


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    ACTION_LABELS = {
        "grant": _("Toekennen (voorlopig: de aanvraag komt van de wachtlijst)"),
        "confirm": _("Definitief toekennen"),
        "reject": _("Afwijzen"),
        "withdraw": _("Intrekken (namens de aanvrager)"),
    }
    NOTE_REQUIRED = ("reject", "withdraw")

    def __init__(self, *args, status: str, **kwargs):
        super().__init__(*args, **kwargs)
        actions = rules.actions_from(status)
        self.fields["action"].choices = [(action, self.ACTION_LABELS[action]) for action in actions]
        self.fields["note"].help_text = note_help(
            _t("Komt in het logboek en in de e-mail aan de aanvrager."),
            [self.ACTION_LABELS[action] for action in actions if action in self.NOTE_REQUIRED],
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in self.NOTE_REQUIRED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Schrijf waarom; de aanvrager leest dit in de e-mail."))
        return cleaned


def deadline_of(application) -> str | None:
    """The decision deadline as shown in the listing and on the detail page."""
    return describe_term(services.decision_term(application))


def status_with_position(application) -> str:
    position = application.position
    label = application.get_status_display()
    return f"{label} ({_t('plaats %(n)s') % {'n': position}})" if position else label


SUCCESS = {
    "grant": _("%(reference)s is voorlopig toegekend. De aanvrager krijgt een e-mail."),
    "confirm": _("%(reference)s is definitief toegekend. De aanvrager krijgt een e-mail."),
    "reject": _("%(reference)s is afgewezen. De aanvrager krijgt een e-mail met je toelichting."),
    "withdraw": _("%(reference)s is ingetrokken. De aanvrager krijgt een e-mail."),
}


class ApplicationInspectView(ActionInspectView):
    """Details, history and the decision form of one application."""

    sections = [
        Section(_("Aanvraag"), [
            "reference", "scheme", "example",
            Field("status", value=status_with_position),
            "received_at",
            Field("deadline", label=_("Definitief besluit uiterlijk"), value=deadline_of,
                  kind="html", hide_empty=True),
            Field("amount", label=_("Bedrag"), kind="money"),
            "assigned_to",
        ]),
        Section(_("Organisatie"), ["organisation", "organisation_type", "region", "province"]),
        Section(_("Contact"), ["contact_name", Field("email", kind="email"), "phone"]),
        Section(_("Motivatie"), [Field("motivation", kind="text"),
                                 Field("own_contribution", kind="text")]),
        Section(_("Besluit"), [Field("decision_note", kind="text"), "decided_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met")),
                                   "impact_consent"]),
    ]  # fmt: skip

    def get_queryset(self):
        return Application.objects.select_related("scheme", "example", "assigned_to")

    form_context_name = "decision_form"
    refusals = (rules.NotAllowed,)
    action_title = _("Besluit")
    action_intro = _(
        "Een besluit wordt vastgelegd in het logboek en de aanvrager krijgt een e-mail. Komt er "
        "een voucher vrij, dan schuift de eerste passende aanvraag van de wachtlijst "
        "automatisch door."
    )

    def can_act(self) -> bool:
        return policy_registry.get_by_type(Application).user_has_permission(
            self.request.user, "decide"
        )

    def action_form(self, data=None):
        return DecisionForm(data, status=self.object.status)

    def offered(self, form) -> bool:
        return bool(form.fields["action"].choices)

    def act(self, form) -> str:
        action = form.cleaned_data["action"]
        application, promoted = services.decide(
            self.object.pk,
            action,
            form.cleaned_data["note"].strip(),
            user=self.request.user,
            expected_status=self.seen,
        )
        for moved in promoted:
            messages.info(
                self.request,
                _t("%(reference)s (%(organisation)s) is van de wachtlijst doorgeschoven.")
                % {"reference": moved.reference, "organisation": moved.organisation},
            )
        return str(SUCCESS[action]) % {"reference": application.reference}


class ApplicationViewSet(RecordViewSet):
    model = Application
    icon = "form"
    menu_label = _("Voucheraanvragen")
    menu_order = 200
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    list_display = [
        "reference",
        "organisation",
        Column("example", label=_("Goed voorbeeld"), accessor="example.title"),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda application: application.status in HOLDING,
        ),
        Column("position", label=_("Wachtlijst")),
        WhenColumn("received_at", label=_("Ontvangen"), sort_key="received_at"),
        Column("deadline", label=_("Besluit uiterlijk"), accessor=deadline_of),
        Column("assigned_to", label=_("Behandelaar"), accessor="assigned_to"),
    ]
    list_filter = ["scheme", "example", "status", "organisation_type", "province", "assigned_to"]
    search_fields = ["reference", "organisation", "contact_name", "email"]
    list_export = list(EXPORT_FIELDS)
    export_headings = EXPORT_FIELDS
    export_filename = "voucheraanvragen"
    permission_codenames = ("view_application", "decide_application")


class VoucherGroup(ModelViewSetGroup):
    menu_label = _("Kennisvouchers")
    menu_icon = "tag"
    menu_order = 250
    items = (SchemeViewSet("voucherregelingen"), ApplicationViewSet("voucheraanvragen"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return VoucherGroup()


# --- Dashboard -------------------------------------------------------------------------------


class VoucherDashboardPanel(Component):
    """Per running scheme: budget allocated vs. remaining and vouchers per example (a chart)."""

    name = "kennisvouchers"
    template_name = "vouchers/admin/dashboard_panel.html"
    order = 110
    BAR_WIDTH = 240

    def __init__(self, schemes):
        self.schemes = schemes

    def get_context_data(self, parent_context):
        from .models import GoodExamplePage, VoucherSchemePage

        overviews = []
        for scheme in self.schemes:
            state = services.availability(scheme)
            scheme_page = VoucherSchemePage.objects.filter(scheme=scheme).first()
            titles = (
                dict(GoodExamplePage.objects.child_of(scheme_page).values_list("id", "title"))
                if scheme_page
                else {}
            )
            rows = []
            for example_id, example in sorted(
                state.examples.items(), key=lambda item: titles.get(item[0], "")
            ):
                rows.append(
                    {
                        "title": titles.get(example_id, f"#{example_id}"),
                        "allocated": example.allocated,
                        "maximum": example.maximum,
                        "waiting": example.waiting,
                        "width": self.BAR_WIDTH * example.allocated // max(example.maximum, 1),
                    }
                )
            budget_share = (
                float(state.budget_allocated / state.budget_total) if state.budget_total else 0
            )
            overviews.append(
                {
                    "scheme": scheme,
                    "state": state,
                    "phase": PHASE_LABELS[state.phase],
                    "rows": rows,
                    "bar_width": self.BAR_WIDTH,
                    "budget_percent": round(budget_share * 100),
                    "list_url": reverse("voucheraanvragen:index") + f"?scheme={scheme.pk}",
                }
            )
        return {"overviews": overviews}


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    policy = policy_registry.get_by_type(Application)
    if not policy.user_has_permission(request.user, "view"):
        return
    now = timezone.now()
    schemes = list(Scheme.objects.filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now)))
    if schemes:
        panels.append(VoucherDashboardPanel(schemes))
