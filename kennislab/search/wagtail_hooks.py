"""Back office for search: synonyms (a snippet) and two reports with search statistics."""

from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

from django.db.models import Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet

from kennislab.core.admin_views import ProjectSnippetViewSet

from .models import SearchQueryStat, SynonymGroup


class SynonymViewSet(ProjectSnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synoniemen")
    menu_order = 250
    add_to_admin_menu = False
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)

statistics_policy = ModelPermissionPolicy(SearchQueryStat)


def results_url(row) -> str:
    """Each query opens what a visitor sees for it (staff searches are not counted)."""
    return f"{reverse('search')}?{urlencode({'q': row.query})}"


class PopularQueriesReport(ReportView):
    """Queries of the last 30 days, most searched first."""

    page_title = _("Zoekopdrachten")
    header_icon = "search"
    index_url_name = "kennislab_search_popular"
    index_results_url_name = "kennislab_search_popular_results"
    permission_policy = statistics_policy
    permission_required = "view"
    days = 30
    columns = [
        TitleColumn(
            "query",
            label=_("Zoekopdracht"),
            get_url=results_url,
            link_attrs={"target": "_blank", "rel": "noopener"},
        ),
        Column("searches", label=_("Aantal keer gezocht")),
        Column("without_results", label=_("Zonder resultaat")),
    ]
    list_export = ["query", "searches", "without_results"]
    export_headings = {
        "query": _("Zoekopdracht"),
        "searches": _("Aantal keer gezocht"),
        "without_results": _("Zonder resultaat"),
    }
    ordering = ("-searches", "query")

    def get_filename(self):
        return f"zoekopdrachten-{timezone.localdate():%Y-%m-%d}"

    def rows(self):
        since = timezone.localdate() - timedelta(days=self.days)
        return (
            SearchQueryStat.objects.filter(day__gt=since)
            .values("query")
            .annotate(searches=Sum("searches"), without_results=Sum("without_results"))
        )

    def get_queryset(self):
        return [SimpleNamespace(**row) for row in self.rows().order_by(*self.ordering)[:1000]]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["page_subtitle"] = _("afgelopen %(days)s dagen") % {"days": self.days}
        return context


class QueriesWithoutResultsReport(PopularQueriesReport):
    """Queries that found nothing: what visitors miss, or how they spell it."""

    page_title = _("Zoekopdrachten zonder resultaat")
    header_icon = "warning"
    index_url_name = "kennislab_search_empty"
    index_results_url_name = "kennislab_search_empty_results"
    ordering = ("-without_results", "query")

    def get_filename(self):
        return f"zoekopdrachten-zonder-resultaat-{timezone.localdate():%Y-%m-%d}"

    def rows(self):
        return super().rows().filter(without_results__gt=0)


@hooks.register("register_admin_urls")
def register_search_reports():
    return [
        path(
            "reports/zoekopdrachten/",
            PopularQueriesReport.as_view(),
            name="kennislab_search_popular",
        ),
        path(
            "reports/zoekopdrachten/results/",
            PopularQueriesReport.as_view(results_only=True),
            name="kennislab_search_popular_results",
        ),
        path(
            "reports/zoekopdrachten-zonder-resultaat/",
            QueriesWithoutResultsReport.as_view(),
            name="kennislab_search_empty",
        ),
        path(
            "reports/zoekopdrachten-zonder-resultaat/results/",
            QueriesWithoutResultsReport.as_view(results_only=True),
            name="kennislab_search_empty_results",
        ),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return statistics_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return StatisticsMenuItem(
        _("Zoekopdrachten"),
        reverse("kennislab_search_popular"),
        name="zoekopdrachten",
        icon_name="search",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_empty_queries_menu_item():
    return StatisticsMenuItem(
        _("Zoeken zonder resultaat"),
        reverse("kennislab_search_empty"),
        name="zoeken-zonder-resultaat",
        icon_name="warning",
        order=901,
    )
