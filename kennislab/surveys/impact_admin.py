"""The impact follow-up in the back office (menu "Vragenlijsten → Effect"): per voucher scheme and
per challenge edition who could be asked, was asked, reminded and answered; the scores as a chart
(server-rendered SVG), the figures per good example, the quotes respondents allowed (staff put
them on the good example's page, or take them off) and CSV/XLSX exports of the responses.

Who may see them: a scheme's report whoever may see voucher applications, an edition's whoever
may see the challenge's participants; quotes go on the site by whoever may decide on voucher
applications. Registered by wagtail_hooks.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.permissions import policy_registry

from kennislab.core.admin_views import LIST_EXPORTED

from . import exports, impact
from .impact_rules import MIN_SCORES
from .models import ImpactInvitation, ImpactKind

BAR_WIDTH = impact.BAR_WIDTH


def _may(model, user, action: str) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


def sees_vouchers(user) -> bool:
    from kennislab.vouchers.models import Application

    return _may(Application, user, "view")


def decides_vouchers(user) -> bool:
    from kennislab.vouchers.models import Application

    return _may(Application, user, "decide")


def sees_challenge(user) -> bool:
    from kennislab.challenge.models import Participant

    return _may(Participant, user, "view")


def sees_any(user) -> bool:
    return sees_vouchers(user) or sees_challenge(user)


def _counted(queryset, path: str):
    return queryset.annotate(
        invited=Count(f"{path}__impact_invitation", distinct=True),
        answered=Count(
            f"{path}__impact_invitation",
            filter=Q(**{f"{path}__impact_invitation__responded_at__isnull": False}),
            distinct=True,
        ),
    )


def index(request):
    from kennislab.challenge.models import ChallengePage
    from kennislab.vouchers.models import Scheme

    if not sees_any(request.user):
        raise PermissionDenied
    schemes = editions = []
    chosen = Q(impact_survey__isnull=False) | Q(invited__gt=0)
    if sees_vouchers(request.user):
        schemes = _counted(Scheme.objects.select_related("impact_survey"), "applications")
        schemes = list(schemes.filter(chosen).order_by("-opens_at"))
    if sees_challenge(request.user):
        editions = _counted(ChallengePage.objects.select_related("impact_survey"), "participants")
        editions = list(editions.filter(chosen).order_by("-starts_on"))
    return TemplateResponse(request, "surveys/admin/impact_index.html", {
        "schemes": schemes,
        "editions": editions,
        "sees_vouchers": sees_vouchers(request.user),
        "sees_challenge": sees_challenge(request.user),
    })  # fmt: skip


def _export(request, invitations, survey, kind, name):
    done = list(impact.answered(invitations).select_related("application__example"))
    questions = impact.questions_for_export(done, survey)
    for announce in hooks.get_hooks(LIST_EXPORTED):  # on record (privacy access log)
        announce(request, ImpactInvitation, len(done), request.GET["export"])
    filename = f"effect-{name}-{timezone.localdate():%Y-%m-%d}"
    table = impact.export_rows(done, questions, kind)
    if request.GET["export"] == "csv":
        return exports.csv_response(table, filename)
    return exports.xlsx_response(table, filename)


def _context(report, **extra):
    return {
        "report": report,
        "bar_width": BAR_WIDTH,
        "min_scores": MIN_SCORES,
        "largest": max((bar.count for bar in report.bars), default=0),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def scheme_report(request, pk):
    from kennislab.vouchers.models import Scheme

    if not sees_vouchers(request.user):
        raise PermissionDenied
    scheme = get_object_or_404(Scheme.objects.select_related("impact_survey"), pk=pk)
    invitations = ImpactInvitation.objects.filter(application__scheme=scheme)
    if request.method == "POST":
        return _decide_quote(request, invitations)
    if request.GET.get("export") in ("csv", "xlsx"):
        return _export(request, invitations, scheme.impact_survey, ImpactKind.VOUCHER, scheme.slug)
    report = impact.scheme_report(scheme)
    return TemplateResponse(request, "surveys/admin/impact_report.html", _context(
        report, scheme=scheme, can_decide=decides_vouchers(request.user),
        edit_url=reverse("voucherregelingen:edit", args=[scheme.pk]),
    ))  # fmt: skip


def _decide_quote(request, invitations):
    if not decides_vouchers(request.user):
        raise PermissionDenied
    chosen = request.POST.get("citaat", "")
    found = invitations.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    shown = request.POST.get("tonen") == "1"
    if found is None or not found.quote_consent:
        messages.error(request, _t("Dit citaat kennen we niet, of het mag niet op de site."))
    elif impact.show_quote(found.pk, shown):
        messages.success(
            request,
            _t("Het citaat staat op de pagina van het goede voorbeeld.")
            if shown
            else _t("Het citaat staat niet meer op de site."),
        )
    return HttpResponseRedirect(request.path, status=303)


def edition_report(request, pk):
    from kennislab.challenge.models import ChallengePage

    if not sees_challenge(request.user):
        raise PermissionDenied
    edition = get_object_or_404(ChallengePage.objects.select_related("impact_survey"), pk=pk)
    invitations = ImpactInvitation.objects.filter(participant__page=edition)
    if request.GET.get("export") in ("csv", "xlsx"):
        return _export(
            request, invitations, edition.impact_survey, ImpactKind.CHALLENGE, edition.slug
        )
    report = impact.edition_report(edition)
    return TemplateResponse(request, "surveys/admin/impact_report.html", _context(
        report, edition=edition, can_decide=False,
        edit_url=reverse("wagtailadmin_pages:edit", args=[edition.pk]),
    ))  # fmt: skip


def urls():
    return [
        path("effect/", index, name="surveys_impact_index"),
        path("effect/regeling/<int:pk>/", scheme_report, name="surveys_impact_scheme"),
        path("effect/editie/<int:pk>/", edition_report, name="surveys_impact_edition"),
    ]
