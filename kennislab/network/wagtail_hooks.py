"""Back office of the network (Wagtail admin, menu "Netwerk"): pledges, progress updates and
practice stories, each a read-only list (filters, search, export) with an inspect view that holds
the decision form (core.admin_views.ActionInspectView). Pledges also have a small form for their
slug and linked pages, and a page for their deeds (what the organisation did elsewhere on the
platform: suggestions to confirm or reject, a search, the commitment each deed or update serves);
a story's attachment is downloaded through an admin-only URL."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
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

from . import deeds, rules, services, timeline
from .models import (
    LinkKind,
    LinkStatus,
    Pledge,
    PledgeStatus,
    PledgeUpdate,
    Story,
    StoryStatus,
    UpdateStatus,
)

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
            context["deeds_url"] = reverse("network_pledge_deeds", args=[self.object.pk])
        context["deeds"] = [(link, record) for link, record in deeds.described_links(self.object)
                            if link.status == LinkStatus.CONFIRMED]  # fmt: skip
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


# --- a pledge's deeds: suggestions, search, confirmed links, commitments (issue 18) --------------


class DeedDecisionForm(forms.Form):
    """One decision on the deeds page: confirm or reject a record (`kind` a LinkKind, `target`
    the record's number), or say which commitment an update or link serves (`kind` "update" or
    "link", `target` its number)."""

    action = forms.ChoiceField(choices=(("confirm", _("Bevestigen")), ("reject", _("Afwijzen")),
                                        ("commitment", _("Afspraak opslaan"))))  # fmt: skip
    kind = forms.ChoiceField(choices=(*LinkKind.choices, ("update", _("Voortgangsupdate")),
                                      ("link", _("Koppeling"))))  # fmt: skip
    target = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    commitment = forms.TypedChoiceField(required=False, coerce=int, empty_value=None,
                                        choices=())  # fmt: skip

    def __init__(self, *args, total: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].choices = [("", "–")] + [
            (str(n), str(n)) for n in range(1, total + 1)
        ]
        self.fields["commitment"].error_messages["invalid_choice"] = _(
            "Deze pledge heeft geen afspraak met dat nummer.")  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        action, kind = cleaned.get("action"), cleaned.get("kind")
        if action and kind and (action == "commitment") != (kind in ("update", "link")):
            raise forms.ValidationError(_("Dit besluit past niet bij dit record."))
        return cleaned


class DeedSearchForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=LinkKind.choices, required=False)
    q = forms.CharField(
        label=_("Organisatie, titel of kenmerk"), max_length=100, required=False,
        help_text=_("Zoek ook op een andere schrijfwijze van de naam."),
    )  # fmt: skip


def _deeds_query(data) -> str:
    """The search on the page (kept after a decision)."""
    kept = {name: data.get(name, "")[:100] for name in ("soort", "q") if data.get(name)}
    return f"?{urlencode(kept)}" if kept else ""


def _decide_deed(request, pledge, form):
    data = form.cleaned_data
    if data["action"] == "commitment":
        services.set_commitment(pledge.pk, data["kind"], data["target"], data["commitment"],
                                request.user)  # fmt: skip
        return _t("De afspraak is opgeslagen.")
    services.decide_link(pledge.pk, data["kind"], data["target"], data["action"], request.user,
                         commitment=data["commitment"])  # fmt: skip
    if data["action"] == "confirm":
        return _t("Gekoppeld: dit staat nu op de tijdlijn van de pledge (zodra het openbaar is).")
    return _t("Afgewezen: dit wordt niet meer voorgesteld en staat niet bij de pledge.")


def pledge_deeds(request, pk):
    """Editors with the moderation permission see what the pledge's organisation did on the
    platform: suggestions by name (confirm or reject each), a search to add a record by hand,
    the confirmed links (which show publicly) and which commitment each update or deed serves."""
    if not request.user.has_perm(MODERATE_PLEDGE):
        raise PermissionDenied
    pledge = get_object_or_404(Pledge, pk=pk)
    items = timeline.commitment_items(pledge.commitments)
    url = reverse("network_pledge_deeds", args=[pledge.pk])
    error, status = "", 200
    if request.method == "POST":
        form = DeedDecisionForm(request.POST, total=len(items))
        if form.is_valid():
            try:
                message = _decide_deed(request, pledge, form)
            except (services.Refused, rules.NotAllowed) as refused:
                error, status = str(getattr(refused, "message", refused)), 409
            else:
                messages.success(request, message)
                return redirect(url + _deeds_query(request.POST))
        else:
            error, status = " ".join(str(e) for errors in form.errors.values()
                                     for e in errors), 400  # fmt: skip
    query = request.POST if request.method == "POST" else request.GET
    search_form = DeedSearchForm(query or None)
    searched = search_form.is_bound and search_form.is_valid() and search_form.cleaned_data["q"]
    results = []
    if searched:
        results = deeds.search(search_form.cleaned_data["soort"] or LinkKind.VOUCHER,
                               search_form.cleaned_data["q"])  # fmt: skip
    links = deeds.described_links(pledge)
    decided = {(link.kind, link.target_id): link for link, _record in links}
    context = {
        "pledge": pledge,
        "commitments": items if len(items) > 1 else [],
        "suggestions": deeds.suggestions(pledge),
        "search_form": search_form,
        "searched": bool(searched),
        "results": [(record, decided.get((record.kind, record.target_id)))
                    for record in results],
        "confirmed": [(link, record) for link, record in links
                      if link.status == LinkStatus.CONFIRMED],
        "rejected": [(link, record) for link, record in links
                     if link.status == LinkStatus.REJECTED],
        "updates": pledge.updates.filter(status=UpdateStatus.APPROVED).order_by(
            "-happened_on", "-created_at"),
        "error": error,
        "kept": {name: query.get(name, "")[:100] for name in ("soort", "q")},
        "inspect_url": reverse("network_pledges:inspect", args=[pledge.pk]),
        "public_url": pledge.get_absolute_url() if pledge.status == PledgeStatus.APPROVED else "",
    }  # fmt: skip
    return TemplateResponse(request, "network/admin/pledge_deeds.html", context, status=status)


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
        path("netwerk/pledge/<int:pk>/daden/", pledge_deeds, name="network_pledge_deeds"),
        path("netwerk/praktijkverhaal/<int:pk>/bijlage/", story_attachment,
             name="network_story_attachment"),
    ]  # fmt: skip
