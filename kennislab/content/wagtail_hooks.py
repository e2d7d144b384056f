"""Back office of the content app: themes and contacts as snippets, and the admin-only views
behind the plain-Dutch (B1) panel of the page editor (panels.py)."""

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from kennislab.core.admin_views import ProjectSnippetViewSet
from kennislab.core.readability import check

from .models import Person, Theme
from .panels import page_text


class ThemeViewSet(ProjectSnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class PersonViewSet(ProjectSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Contactpersonen")
    list_display = ["name", "role", "organisation", "is_adviser"]
    list_filter = ["is_adviser", "themes"]
    search_fields = ["name", "role", "organisation"]


class NetworkGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Thema's en contacten")
    menu_name = "themes-and-contacts"


register_snippet(NetworkGroup)


# --- the plain-Dutch (B1) panel: checked again while the editor types ----------------------------


def report_data(report) -> dict:
    """The report as JSON for the panel's script, with the panel's HTML rendered here."""
    html = render_to_string(
        "core/includes/readability.html",
        {"report": report, "heading": False, "level": 3, "sub_level": 3},
    )
    return {
        "verdict": report.verdict,
        "summary": report.summary,
        "reasons": list(report.reasons),
        "words": report.words,
        "sentences": report.sentences,
        "average_sentence_length": round(report.average_sentence_length, 1),
        "long_word_share": round(report.long_word_share, 3),
        "flesch_douma": round(report.flesch_douma, 1),
        "hard_words": [
            {
                "word": hit.word,
                "found": hit.found,
                "alternative": hit.alternative,
                "count": hit.count,
            }
            for hit in report.hard_words
        ],
        "html": html,
    }


class ReadabilityCheckMixin:
    """POST the edit form (as the editor has it now, unsaved): the B1 report of its text.
    Built on Wagtail's preview views, so the form is read the same way and the same permission
    (edit the page, or add one under the parent) applies; nothing is stored."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        self.validate_form(form)  # fills form.instance with what is valid
        title = " ".join(request.POST.get("title", "").split())
        return JsonResponse(report_data(check(page_text(form.instance, title=title))))


class ReadabilityOnEditView(ReadabilityCheckMixin, PreviewOnEditView):
    pass


class ReadabilityOnCreateView(ReadabilityCheckMixin, PreviewOnCreateView):
    pass


@hooks.register("register_admin_urls")
def register_readability_urls():
    return [
        path(
            "leesbaarheid/pagina/<int:page_id>/",
            ReadabilityOnEditView.as_view(),
            name="kennislab_readability_edit",
        ),
        path(
            "leesbaarheid/nieuw/<slug:content_type_app_name>/<slug:content_type_model_name>/"
            "<int:parent_page_id>/",
            ReadabilityOnCreateView.as_view(),
            name="kennislab_readability_add",
        ),
    ]
