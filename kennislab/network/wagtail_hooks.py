"""Back office of the network (Wagtail admin, menu "Netwerk"): pledges, progress updates and
practice stories, each a read-only list (filters, search, export) with an inspect view that holds
the decision form (core.admin_views.ActionInspectView). Pledges also have a small form for their
slug and linked pages; a story's attachment is downloaded through an admin-only URL."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from kennislab.campaigns.models import EventPage
from kennislab.content.models import ArticlePage
from kennislab.core import terms, uploads
from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import (
    ActionInspectView,
    RecordIndexView,
    RecordViewSet,
    decided_message,
)
from kennislab.core.forms import StepDecisionForm
from kennislab.core.permissions import ReadOnlyPermissionPolicy
from kennislab.core.terms import describe_term

from . import rules, services
from .models import Pledge, PledgeStatus, PledgeUpdate, Story, StoryStatus, UpdateStatus

register_permission_policy(Pledge, ReadOnlyPermissionPolicy(Pledge))
register_permission_policy(PledgeUpdate, ReadOnlyPermissionPolicy(PledgeUpdate))
register_permission_policy(Story, ReadOnlyPermissionPolicy(Story))

MODERATE_PLEDGE = "network.moderate_pledge"
MODERATE_STORY = "network.moderate_story"


class ModerationForm(StepDecisionForm):
    note = forms.CharField(
        label=_("Bericht aan de inzender"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    note_help_text = _("Gaat per e-mail naar de inzender en komt in het logboek.")
    note_missing = _("Schrijf de inzender waarom.")


class ModerationInspectView(ActionInspectView):
    template_name = "network/admin/inspect.html"
    form_context_name = "moderation_form"
    refusals = (rules.NotAllowed, services.Refused)
    action_title = _("Beoordelen")
    submit_label = _("Opslaan en de inzender mailen")
    kind = ""
    permission = ""
    mailed = _("De inzender")

    def can_act(self) -> bool:
        return self.request.user.is_active and self.request.user.has_perm(self.permission)

    def action_form(self, data=None):
        return ModerationForm(data, steps=rules.available_steps(self.kind, self.object.status))

    def offered(self, form) -> bool:
        return bool(form.steps)

    def decide(self, action, note):
        raise NotImplementedError

    def act(self, form) -> str:
        step = rules.step_by_action(self.kind)[form.cleaned_data["action"]]
        decided = self.decide(step.action, form.cleaned_data["note"])
        return decided_message(str(self.object), decided.get_status_display(), str(self.mailed))


def term_column(kind):
    def deadline(item):
        if item.status != "submitted":
            return None
        received = item.updated_at if kind == "pledge" else item.created_at
        return describe_term(terms.term_of(kind, received))

    return deadline


def names(manager) -> str:
    return ", ".join(str(item) for item in manager.all())


class PledgeInspectView(ModerationInspectView):
    kind = "pledge"
    permission = MODERATE_PLEDGE
    mailed = _("De ondertekenaar")
    sections = [
        Section(_("Pledge"), [
            "status",
            Field("deadline", label=_("Besluit uiterlijk"), value=term_column("pledge"),
                  kind="html", hide_empty=True),
            "organisation", "province", "domains", "themes", Field("partners", kind="text"),
            Field("commitments", kind="text"), "slug", "related_pages",
        ]),
        Section(_("Contact"), ["contact_name", Field("email", kind="email"), "phone"]),
        Section(_("Beoordeling"), [Field("editor_note", kind="text"), "assigned_to",
                                   "created_at", "updated_at", "approved_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def decide(self, action, note):
        return services.moderate_pledge(self.object.pk, action, note, self.request.user,
                                        expected_status=self.seen)  # fmt: skip

    def history(self):
        return self.object.events.select_related("actor", "update")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status == PledgeStatus.APPROVED:
            context["public_url"] = self.object.get_absolute_url()
        if self.can_act():
            context["links_url"] = reverse("network_pledge_links", args=[self.object.pk])
        return context


class UpdateInspectView(ModerationInspectView):
    kind = "update"
    permission = MODERATE_PLEDGE
    mailed = _("De ondertekenaar")
    sections = [
        Section(_("Voortgangsupdate"), [
            "pledge", "status",
            Field("deadline", label=_("Besluit uiterlijk"), value=term_column("update"),
                  kind="html", hide_empty=True),
            Field("text", kind="text"), "happened_on", "created_at",
        ]),
        Section(_("Beoordeling"), [Field("editor_note", kind="text"), "assigned_to"]),
    ]  # fmt: skip

    def get_queryset(self):
        return PledgeUpdate.objects.select_related("pledge", "assigned_to")

    def decide(self, action, note):
        return services.moderate_update(self.object.pk, action, note, self.request.user,
                                        expected_status=self.seen)  # fmt: skip

    def history(self):
        return self.object.pledge.events.filter(update=self.object).select_related(
            "actor", "update"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pledge_url"] = reverse("network_pledges:inspect", args=[self.object.pledge_id])
        return context


class StoryInspectView(ModerationInspectView):
    kind = "story"
    permission = MODERATE_STORY
    sections = [
        Section(_("Praktijkverhaal"), [
            "status",
            Field("deadline", label=_("Besluit uiterlijk"), value=term_column("story"),
                  kind="html", hide_empty=True),
            "title", Field("summary", kind="text"), Field("what_was_done", kind="text"),
            Field("what_worked", kind="text"), Field("lessons", kind="text"), "themes",
        ]),
        Section(_("Bijlage"), [
            Field("attachment_name", label=_("Bestand"), hide_empty=True),
            Field("attachment_size", label=_("Grootte"), kind="filesize", hide_empty=True),
        ]),
        Section(_("Inzender"), ["contact_name", Field("email", kind="email"), "organisation",
                                "name_public"]),
        Section(_("Beoordeling"), [Field("editor_note", kind="text"), "article", "assigned_to",
                                   "created_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def decide(self, action, note):
        return services.moderate_story(self.object.pk, action, note, self.request.user,
                                       expected_status=self.seen)  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        if story.attachment:
            context["attachment_url"] = reverse("network_story_attachment", args=[story.pk])
        if story.article_id:
            context["article_edit_url"] = reverse("wagtailadmin_pages:edit",
                                                  args=[story.article_id])  # fmt: skip
        return context


def _status_column(model_status):
    return StatusTagColumn("get_status_display", label=_("Status"),
                           primary=lambda item: item.status == model_status.SUBMITTED)  # fmt: skip


class PledgeViewSet(RecordViewSet):
    model = Pledge
    icon = "pick"
    menu_label = _("Pledges")
    menu_order = 10
    url_prefix = "netwerk/pledges"
    inspect_view_class = PledgeInspectView
    list_display = [
        "organisation",
        Column("province_name", label=_("Regio")),
        _status_column(PledgeStatus),
        Column("deadline", label=_("Besluit uiterlijk"), accessor=term_column("pledge")),
        WhenColumn("created_at", label=_("Getekend"), sort_key="created_at"),
    ]
    list_filter = ["status", "province", "themes", "domains"]
    search_fields = ["organisation", "contact_name", "email", "commitments"]
    ordering = ["status", "-created_at"]
    list_export = ["organisation", "slug", "contact_name", "email", "phone", "province_name",
                   "partners", "commitments", "get_status_display", "created_at",
                   "approved_at"]  # fmt: skip
    export_headings = {
        "organisation": _("Organisatie"), "slug": _("Korte naam"),
        "contact_name": _("Contactpersoon"), "email": _("E-mailadres"), "phone": _("Telefoon"),
        "province_name": _("Regio"), "partners": _("Partners"),
        "commitments": _("Concrete afspraken"), "get_status_display": _("Status"),
        "created_at": _("Getekend op"), "approved_at": _("Op de muur sinds"),
    }  # fmt: skip
    export_filename = "pledges"
    permission_codenames = ("view_pledge", "moderate_pledge")


class UpdateIndexView(RecordIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("pledge")


class PledgeUpdateViewSet(RecordViewSet):
    model = PledgeUpdate
    icon = "doc-full"
    menu_label = _("Voortgangsupdates")
    menu_order = 20
    url_prefix = "netwerk/updates"
    index_view_class = UpdateIndexView
    inspect_view_class = UpdateInspectView
    list_display = [Column("pledge", label=_("Pledge"), accessor="pledge.organisation"),
                    Column("text", label=_("Voortgang"), accessor=lambda u: u.text[:80]),
                    _status_column(UpdateStatus),
                    Column("deadline", label=_("Besluit uiterlijk"),
                           accessor=term_column("update")),
                    WhenColumn("created_at", label=_("Ingestuurd"),
                               sort_key="created_at")]  # fmt: skip
    list_filter = ["status"]
    search_fields = ["text"]
    ordering = ["status", "-created_at"]
    list_export = ["pledge.organisation", "text", "happened_on", "get_status_display",
                   "created_at"]  # fmt: skip
    export_headings = {"pledge.organisation": _("Pledge"), "text": _("Voortgang"),
                       "happened_on": _("Datum"), "get_status_display": _("Status"),
                       "created_at": _("Ingestuurd op")}  # fmt: skip
    export_filename = "voortgangsupdates"
    permission_codenames = ("view_pledgeupdate",)


class StoryViewSet(RecordViewSet):
    model = Story
    icon = "openquote"
    menu_label = _("Praktijkverhalen")
    menu_order = 30
    url_prefix = "netwerk/praktijkverhalen"
    inspect_view_class = StoryInspectView
    list_display = ["title", "organisation", _status_column(StoryStatus),
                    Column("deadline", label=_("Besluit uiterlijk"),
                           accessor=term_column("story")),
                    WhenColumn("created_at", label=_("Ingestuurd"),
                               sort_key="created_at")]  # fmt: skip
    list_filter = ["status", "themes"]
    search_fields = ["title", "organisation", "contact_name", "email"]
    ordering = ["status", "-created_at"]
    list_export = ["title", "organisation", "contact_name", "email",
                   "get_status_display", "created_at"]  # fmt: skip
    export_headings = {"title": _("Titel"), "organisation": _("Organisatie"),
                       "contact_name": _("Naam"), "email": _("E-mailadres"),
                       "summary": _("Samenvatting"), "get_status_display": _("Status"),
                       "created_at": _("Ingestuurd op")}  # fmt: skip
    export_filename = "praktijkverhalen"
    permission_codenames = ("view_story", "moderate_story")


class NetworkGroup(ModelViewSetGroup):
    menu_label = _("Pledges en verhalen")
    menu_icon = "group"
    menu_order = 275
    items = (
        PledgeViewSet("network_pledges"),
        PledgeUpdateViewSet("network_updates"),
        StoryViewSet("network_stories"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NetworkGroup()


# --- a pledge's slug and linked pages; a story's attachment ---------------------------------------


class PledgeLinksForm(forms.Form):
    slug = forms.SlugField(
        label=_("Korte naam in de URL"), max_length=80,
        error_messages={"required": _("Vul een korte naam in."),
                        "invalid": _("Alleen kleine letters, cijfers en streepjes.")},
    )  # fmt: skip
    keep = forms.ModelMultipleChoiceField(
        label=_("Gekoppelde pagina's"), required=False, queryset=Page.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vink een pagina uit om de koppeling weg te halen."),
    )  # fmt: skip
    add_page = forms.ModelChoiceField(
        label=_("Artikel of evenement koppelen"), required=False, queryset=Page.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage, EventPage]),
    )  # fmt: skip

    def __init__(self, *args, pledge, **kwargs):
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        self.fields["keep"].queryset = pledge.related_pages.all()
        self.fields["keep"].initial = list(pledge.related_pages.values_list("pk", flat=True))
        self.fields["slug"].initial = pledge.slug

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in rules.RESERVED_SLUGS:
            raise forms.ValidationError(_("Deze korte naam is gereserveerd; kies een andere."))
        if Pledge.objects.filter(slug=slug).exclude(pk=self.pledge.pk).exists():
            raise forms.ValidationError(_("Een andere pledge heeft deze korte naam al."))
        return slug

    def clean_add_page(self):
        page = self.cleaned_data.get("add_page")
        if page is not None and not issubclass(page.specific_class, (ArticlePage, EventPage)):
            raise forms.ValidationError(_("Kies een Kennislab-item of een evenement."))
        return page


def pledge_links(request, pk):
    """Editors with the moderation permission change a pledge's slug and its linked pages."""
    if not request.user.has_perm(MODERATE_PLEDGE):
        raise PermissionDenied
    pledge = get_object_or_404(Pledge, pk=pk)
    form = PledgeLinksForm(request.POST or None, pledge=pledge)
    if request.method == "POST" and form.is_valid():
        pages = list(form.cleaned_data["keep"])
        if form.cleaned_data["add_page"] is not None:
            pages.append(form.cleaned_data["add_page"])
        pledge.slug = form.cleaned_data["slug"]
        pledge.save(update_fields=["slug"])
        pledge.related_pages.set(pages)
        messages.success(request, _t("De koppelingen van ‘%(name)s’ zijn opgeslagen.")
                         % {"name": pledge.organisation})  # fmt: skip
        return redirect(reverse("network_pledges:inspect", args=[pledge.pk]))
    context = {"pledge": pledge, "form": form, "media": form.media,
               "inspect_url": reverse("network_pledges:inspect", args=[pledge.pk])}  # fmt: skip
    return TemplateResponse(request, "network/admin/pledge_links.html", context,
                            status=400 if form.is_bound else 200)  # fmt: skip


def story_attachment(request, pk):
    """A story's attachment for staff who may see stories (never through a public URL)."""
    if not request.user.has_perm("network.view_story"):
        raise PermissionDenied
    story = get_object_or_404(Story, pk=pk)
    if not story.attachment:
        raise Http404(_t("Dit verhaal heeft geen bijlage."))
    try:
        handle = story.attachment.open("rb")
    except FileNotFoundError:
        raise Http404(_t("Het bestand is niet (meer) gevonden.")) from None
    return uploads.download(handle, story.attachment_name, story.attachment_type)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("netwerk/pledge/<int:pk>/koppelingen/", pledge_links, name="network_pledge_links"),
        path("netwerk/praktijkverhaal/<int:pk>/bijlage/", story_attachment,
             name="network_story_attachment"),
    ]  # fmt: skip
