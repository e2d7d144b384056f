"""Public views of Mijn Kennislab: ask for the link (the same answer for every address), the
overview the link opens, "Openen" for one item, and the person's own data: download it, or erase
it (a confirmation first). The overview and what it leads to are one person's own pages
(core.views.private: never cached, never indexed). The address always comes from the link."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import services
from .forms import EraseForm, OverviewLinkForm
from .models import LINK_HOURS


@require_http_methods(["GET", "POST"])
@rate_limited("personal-link", limit=10, window=3600, methods=["POST"])
def request_link(request):
    form = OverviewLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_link(form.cleaned_data["email"])
        return HttpResponseRedirect(reverse("personal:link-sent"), status=303)
    status = 400 if form.is_bound else 200
    context = {"form": form, "hours": LINK_HOURS}
    return render(request, "personal/request_link.html", context, status=status)


@require_GET
def link_sent(request):
    """The same page whether or not the address has anything at Kennislab."""
    return render(request, "personal/link_sent.html", {"hours": LINK_HOURS})


def _link_unknown(request):
    return private(render(request, "personal/link_unknown.html", status=404))


@require_GET
def overview(request, token):
    link = services.by_token(token)
    if link is None:
        return _link_unknown(request)
    context = {
        "link": link,
        "token": token,
        "sections": services.overview(link),
        "hours": LINK_HOURS,
    }
    return private(render(request, "personal/overview.html", context))


@require_http_methods(["GET", "POST"])
@rate_limited("personal-open", limit=60, window=3600, methods=["POST"])
def open_item(request, token, kind, pk):
    """POST (a button, so that a link scanner that follows links changes nothing): a fresh
    private link to the item, and there (303). A GET goes back to the overview."""
    if request.method == "GET":
        url = reverse("personal:overview", args=[token])
        return private(HttpResponseRedirect(url, status=303))
    link = services.by_token(token)
    if link is None:
        return _link_unknown(request)
    path = services.open_item(link, kind, pk)
    if path is None:
        context = {"token": token}
        return private(render(request, "personal/item_unknown.html", context, status=404))
    return private(HttpResponseRedirect(path, status=303))


def _back_to_overview(token):
    url = reverse("personal:overview", args=[token])
    return private(HttpResponseRedirect(url, status=303))


@require_http_methods(["GET", "POST"])
@rate_limited("personal-export", limit=10, window=3600, methods=["POST"])
def export(request, token):
    """POST (the button "Download mijn gegevens"): everything of the link's address as a file.
    A GET goes back to the overview."""
    if request.method == "GET":
        return _back_to_overview(token)
    link = services.by_token(token)
    if link is None:
        return _link_unknown(request)
    download = services.export(link)
    response = HttpResponse(download.content, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return private(response)


@require_http_methods(["GET", "POST"])
@rate_limited("personal-erase", limit=10, window=3600, methods=["POST"])
def erase(request, token):
    """GET: what erasing will do (deleted, emptied, kept and why, waiting for staff) and the
    confirmation; POST with the check box: erase, and say what happened. Without the check box:
    the same page with the error (400), nothing changed."""
    link = services.by_token(token)
    if link is None:
        return _link_unknown(request)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = services.erase(link)
        return private(render(request, "personal/erase_done.html", {"done": done}))
    context = {"link": link, "token": token, "form": form, "plan": services.erase_plan(link)}
    status = 400 if form.is_bound else 200
    return private(render(request, "personal/erase_confirm.html", context, status=status))
