"""Public views of the network: the pledge form, the pledge wall with its filters, a pledge's
page, the signer's private page (change the pledge when asked, share progress), and the form to
share a practice story. Private pages are never cached (core.views.private)."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from kennislab.content.models import Domain, Theme
from kennislab.core import terms, uploads
from kennislab.core.ratelimit import rate_limited
from kennislab.core.siteurl import absolute
from kennislab.core.views import chosen_filters, private

from . import deeds, rules, services, timeline
from .forms import (
    PLEDGE_CONSENT_TEXT,
    STORY_CONSENT_TEXT,
    NewLinkForm,
    PledgeForm,
    StoryForm,
    UpdateForm,
)
from .models import Pledge, PledgeStatus


def _status(request, conflict=False) -> int:
    if request.method == "GET":
        return 200
    return 409 if conflict else 400


# --- pledges -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@rate_limited("pledge-new-link", limit=10, window=3600, methods=["POST"])
def request_link(request):
    """A signer whose link expired or got lost asks for a new one; the answer is the same whether
    or not the address signed a pledge."""
    form = NewLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.send_new_links(form.cleaned_data["email"])
        return HttpResponseRedirect(reverse("network:pledge-link-sent"), status=303)
    return render(request, "network/request_link.html", {"form": form}, status=_status(request))


@require_GET
def link_sent(request):
    return render(request, "network/request_link.html", {"sent": True})


@require_http_methods(["GET", "POST"])
@rate_limited("pledge-sign", limit=20, window=3600, methods=["POST"])
def sign_pledge(request):
    form = PledgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _pledge, token = services.sign(form.cleaned_data, str(PLEDGE_CONSENT_TEXT))
        url = reverse("network:pledge-private", args=[token]) + "?nieuw=1"
        return private(HttpResponseRedirect(url, status=303))
    return render(request, "network/pledge_form.html", {"form": form}, status=_status(request))


def wall_context(request) -> dict:
    themes = list(Theme.objects.all())
    domains = list(Domain.objects.all())
    chosen_themes = chosen_filters(request, "thema", {theme.slug for theme in themes})
    chosen_domains = chosen_filters(request, "domein", {domain.code for domain in domains})
    chosen_regions = chosen_filters(request, "regio", rules.PROVINCE_NAMES)
    found = Pledge.objects.filter(status=PledgeStatus.APPROVED)
    if chosen_themes:
        found = found.filter(themes__slug__in=chosen_themes)
    if chosen_domains:
        found = found.filter(domains__code__in=chosen_domains)
    if chosen_regions:
        found = found.filter(province__in=chosen_regions)
    pledges = list(
        Pledge.objects.filter(pk__in=found.values("pk"))
        .order_by("-approved_at", "pk")
        .prefetch_related("themes", "domains")
    )
    entries = deeds.timelines(pledges)
    for pledge in pledges:  # for the card's progress bar (timeline.progress)
        pledge.progress = deeds.progress_of(pledge, entries[pledge.pk])
    return {
        "pledges": pledges,
        "filters": [
            ("thema", _("Thema"), [(t.slug, t.name) for t in themes], chosen_themes),
            ("domein", _("Domein"), [(d.code, d.name) for d in domains], chosen_domains),
            ("regio", _("Regio"), list(rules.PROVINCES), chosen_regions),
        ],
        "filtered": bool(chosen_themes or chosen_domains or chosen_regions),
    }


@require_GET
def pledge_wall(request):
    return render(request, "network/pledge_wall.html", wall_context(request))


@require_GET
def pledge_detail(request, slug):
    pledge = Pledge.objects.filter(slug=slug, status=PledgeStatus.APPROVED).first()
    if pledge is None:
        return render(request, "network/pledge_unknown.html", status=404)
    pages = Page.objects.live().public().filter(pk__in=pledge.related_pages.values("pk")).specific()
    entries = deeds.timelines([pledge])[pledge.pk]
    intro, commitments = timeline.split_commitments(pledge.commitments)
    context = {
        "pledge": pledge,
        "commitments": commitments,
        "commitments_intro": intro,
        "entries": entries,
        "progress": deeds.progress_of(pledge, entries),
        "related_pages": pages,
        "themes": pledge.themes.all(),
        "domains": pledge.domains.all(),
        # the breadcrumbs the page shows, as JSON-LD in its <head> (core/templatetags)
        "page_meta": {"breadcrumbs": [
            (_("Startpagina"), absolute("/")),
            (_("Pledgemuur"), absolute(reverse("network:pledge-wall"))),
            (pledge.organisation, absolute(request.path)),
        ]},
    }  # fmt: skip
    return render(request, "network/pledge_detail.html", context)


def _pledge_initial(pledge) -> dict:
    initial = {field: getattr(pledge, field) for field in services.PLEDGE_FIELDS}
    initial["themes"] = list(pledge.themes.all())
    initial["domains"] = list(pledge.domains.all())
    return initial


@require_http_methods(["GET", "POST"])
@rate_limited("pledge-private", limit=60, window=3600, methods=["POST"])
def pledge_private(request, token):
    """The signer's private page: the pledge's status; change it when the editors asked; share
    progress once it is on the wall."""
    pledge = services.by_token(token)
    if pledge is None:
        return private(render(request, "network/link_unknown.html", status=404))
    editable = pledge.status in rules.PLEDGE_EDITABLE
    can_update = pledge.status in rules.UPDATES_ALLOWED
    form = PledgeForm(editing=True, initial=_pledge_initial(pledge)) if editable else None
    items = timeline.commitment_items(pledge.commitments)
    update_form = UpdateForm(commitments=items) if can_update else None
    message, status = None, 200
    if request.method == "POST":
        status = 400
        if request.POST.get("soort") == "voortgang":
            update_form = UpdateForm(request.POST, commitments=items)
            if not can_update:
                message, status = _("Voortgang delen kan zodra je pledge op de pledgemuur "
                                    "staat."), 409  # fmt: skip
                update_form = None
            elif update_form.is_valid():
                try:
                    services.post_update(pledge.pk, update_form.cleaned_data["text"],
                                         update_form.cleaned_data["happened_on"],
                                         update_form.cleaned_data.get("commitment"))  # fmt: skip
                except services.Refused as refused:
                    message, status = refused.message, 409
                else:
                    return private(HttpResponseRedirect(request.path + "?gedeeld=1", status=303))
        else:
            form = PledgeForm(request.POST, editing=True)
            if not editable:
                message, status = _("Deze pledge kan nu niet worden gewijzigd."), 409
                form = None
            elif form.is_valid():
                try:
                    services.change(pledge.pk, form.cleaned_data)
                except services.Refused as refused:
                    message, status = refused.message, 409
                else:
                    return private(HttpResponseRedirect(request.path + "?opgeslagen=1", status=303))
    elif request.GET.get("opgeslagen"):
        message = _("Je wijzigingen zijn opgeslagen en gaan opnieuw naar de redactie.")
    elif request.GET.get("gedeeld"):
        message = _("Dank je wel. Je update staat bij je pledge zodra de redactie hem heeft "
                    "bekeken.")  # fmt: skip
    context = {
        "pledge": pledge,
        "form": form,
        "update_form": update_form,
        "message": message,
        "message_is_error": status != 200,
        "new": request.GET.get("nieuw") == "1",
        "updates": pledge.updates.order_by("-created_at"),
        "term": services.pledge_term(pledge),
    }
    return private(render(request, "network/pledge_private.html", context, status=status))


# --- practice stories --------------------------------------------------------------------------


CHECK_READABILITY = "leesbaarheid"  # the button "Controleer leesbaarheid": check, send nothing
STORY_TEXT_FIELDS = ("title", "summary", "what_was_done", "what_worked", "lessons")


def _story_as_typed(data) -> StoryForm:
    """The story form filled in with what was posted, not validated (so without error
    messages): checking the readability is not sending. The spam trap and the file are not
    kept (a browser cannot be given a file back)."""
    initial = {
        name: str(data.get(name, ""))[:5000]
        for name in (*STORY_TEXT_FIELDS, "contact_name", "email", "organisation")
    }
    initial["themes"] = data.getlist("themes")
    initial["name_public"] = bool(data.get("name_public"))
    initial["consent"] = bool(data.get("consent"))
    return StoryForm(initial=initial)  # fmt: skip


@require_http_methods(["GET", "POST"])
@rate_limited("story-submit", limit=10, window=3600, methods=["POST"])
def share_story(request):
    if request.method == "POST" and request.POST.get("actie") == CHECK_READABILITY:
        form = _story_as_typed(request.POST)
        context = {"form": form, "readability_checked": True,
                   "attachment_dropped": bool(request.FILES.get("attachment")),
                   "check_readability": CHECK_READABILITY}  # fmt: skip
        return render(request, "network/story_form.html", context)
    if request.method == "POST":
        form = StoryForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.submit_story(form.cleaned_data, form.cleaned_data["attachment"],
                                      str(STORY_CONSENT_TEXT))  # fmt: skip
            except uploads.UploadNotStored as problem:
                # A full disk: the form again with the message, nothing was stored.
                form.add_error("attachment", problem.message)
                return render(request, "network/story_form.html", {"form": form}, status=503)
            return private(HttpResponseRedirect(reverse("network:story-thanks"), status=303))
    else:
        form = StoryForm()
    context = {"form": form, "check_readability": CHECK_READABILITY,
               "readability_checked": request.method == "POST"}  # fmt: skip
    response = render(request, "network/story_form.html", context, status=_status(request))
    return response


@require_GET
def story_thanks(request):
    return render(request, "network/story_thanks.html", {"term_days": terms.term_days("story")})
