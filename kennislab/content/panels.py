"""The plain-Dutch (B1) check in the page editor: a panel that shows the readability report of
the page's text (kennislab.core.readability), computed on the server when the editor opens the
page and after every save or failed save; with JavaScript it is checked again while the editor
types (content/js/readability-panel.js posts the edit form to the admin-only views in
wagtail_hooks.py, the same way Wagtail's preview does)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.blocks import StreamValue

from kennislab.core.readability import check

from .text import stream_text

# The page fields whose text is checked, after the title (whichever the page has).
TEXT_FIELDS = ("intro", "summary", "description", "body")


def page_text(page, title: str | None = None) -> str:
    """The readable text of a page: title, intro and the text blocks of its body (not calls to
    action, cards or downloads), one block per paragraph."""
    parts = [page.title if title is None else title]
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, StreamValue):
            parts.append(stream_text(value))
        elif isinstance(value, str):
            parts.append(value.strip())
    return "\n\n".join(part for part in parts if part)


def live_check_url(page, request) -> str:
    """Where the panel's script posts the form: the page's own, or a new page's (type and
    parent, from the create view's URL); '' when neither is known."""
    try:
        if page.pk:
            return reverse("kennislab_readability_edit", args=[page.pk])
        match = getattr(request, "resolver_match", None)
        kwargs = match.kwargs if match else {}
        keys = ("content_type_app_name", "content_type_model_name", "parent_page_id")
        if all(key in kwargs for key in keys):
            return reverse("kennislab_readability_add", args=[kwargs[key] for key in keys])
    except NoReverseMatch:
        pass
    return ""


class ReadabilityPanel(Panel):
    """Shows the B1 report of the page being edited. Declare it in a page's content_panels."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Leesbaarheid (taalniveau B1)"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "leesbaarheid"

    class BoundPanel(Panel.BoundPanel):
        template_name = "content/admin/readability_panel.html"

        class Media:
            js = ["content/js/readability-panel.js"]
            css = {"all": ["content/css/readability-panel.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = check(page_text(self.instance))
            context["check_url"] = live_check_url(self.instance, self.request)
            return context
