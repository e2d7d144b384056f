"""Public views of Mijn Kennislab: ask for the link (the same answer for every address), the
overview the link opens, and "Openen" for one item. The overview and what it leads to are one
person's own pages (core.views.private: never cached, never indexed)."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import services
from .forms import OverviewLinkForm
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
