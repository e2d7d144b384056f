"""Survey results in the back office (menu "Vragenlijsten → Resultaten", and "Resultaten" in the
page listing's actions of a survey): per question the counts, percentages and a bar chart
(server-rendered SVG), the open answers, a province filter and CSV/XLSX exports; and the impact
follow-up per voucher scheme and challenge edition ("Vragenlijsten → Effect", impact_admin.py).

Who may see them: whoever may see the page's form submissions in Wagtail (edit permission on the
page, `wagtail.contrib.forms.utils.get_forms_for_user`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button
from wagtail.contrib.forms.utils import get_forms_for_user

from kennislab.campaigns.rules import PROVINCES
from kennislab.core.admin_views import LIST_EXPORTED

from . import exports, impact_admin, results
from .models import SurveyPage, SurveyResponse

BAR_WIDTH = 240


def surveys_for(user):
    return SurveyPage.objects.filter(pk__in=get_forms_for_user(user).values("pk")).order_by(
        "-opens_at"
    )


def plain_responses(page) -> list[results.Response]:
    return [
        results.Response(answers=data or {}, region=region,
                         day=timezone.localtime(moment).date())
        for data, region, moment in SurveyResponse.objects.filter(page=page)
        .order_by("submit_time", "pk").values_list("form_data", "region", "submit_time")
    ]  # fmt: skip


def index(request):
    surveys = list(surveys_for(request.user))
    if not surveys:
        raise PermissionDenied
    counts = {}
    for page_id in SurveyResponse.objects.filter(page__in=surveys).values_list("page", flat=True):
        counts[page_id] = counts.get(page_id, 0) + 1
    return TemplateResponse(request, "surveys/admin/index.html", {
        "surveys": [(survey, counts.get(survey.pk, 0)) for survey in surveys],
    })  # fmt: skip


def survey_results(request, pk):
    page = get_object_or_404(surveys_for(request.user), pk=pk)
    region = request.GET.get("regio", "")
    if region not in dict(PROVINCES) and region != results.NOT_SAID:
        region = ""
    questions = page.questions()
    everyone = plain_responses(page)
    chosen = results.by_region(everyone, region)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        name = f"vragenlijst-{page.slug}-{timezone.localdate():%Y-%m-%d}"
        if region:
            name += f"-{region}"
        make = exports.as_csv if export == "csv" else exports.as_xlsx
        for announce in hooks.get_hooks(LIST_EXPORTED):  # on record (privacy access log)
            announce(request, SurveyResponse, len(chosen), export)
        return make(questions, chosen, name)
    question_results = results.aggregate(questions, chosen)
    return TemplateResponse(request, "surveys/admin/results.html", {
        "page": page,
        "state": page.state(),
        "results": question_results,
        "regions": results.region_counts(everyone),
        "provinces": PROVINCES,
        "not_said": results.NOT_SAID,
        "region": region,
        "total": len(everyone),
        "shown": len(chosen),
        "bar_width": BAR_WIDTH,
        "query": f"regio={region}&" if region else "",
    })  # fmt: skip


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("vragenlijsten/", index, name="surveys_results_index"),
        path("vragenlijsten/<int:pk>/", survey_results, name="surveys_results"),
        *impact_admin.urls(),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return surveys_for(request.user).exists()


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        return impact_admin.sees_any(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    results_item = ResultsMenuItem(
        _("Resultaten"), reverse("surveys_results_index"), icon_name="table", name="resultaten"
    )
    impact_item = ImpactMenuItem(
        _("Effectmeting"), reverse("surveys_impact_index"),
        icon_name="pick", name="effect",
    )  # fmt: skip
    return SubmenuMenuItem(
        _("Vragenlijsten"), Menu(items=[results_item, impact_item]), icon_name="list-ul",
        order=270, name="vragenlijsten",
    )  # fmt: skip


@hooks.register("register_page_listing_more_buttons")
def results_button(page, user, next_url=None):
    if page.specific_class is SurveyPage and surveys_for(user).filter(pk=page.pk).exists():
        yield Button(
            _("Resultaten"), reverse("surveys_results", args=[page.pk]), priority=25,
            icon_name="table",
        )  # fmt: skip
