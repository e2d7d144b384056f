"""Public views of the newsletter (thin; services.py applies the rules): the sign-up form and
its neutral answer, asking for a new link, the private preferences page (confirm first, then
themes and name) and unsubscribing (a page with one button, and RFC 8058 one-click)."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import services
from .forms import CONSENT_TEXT, LinkRequestForm, PreferencesForm, SignUpForm
from .models import NewsletterIndexPage, Status


def _link_unknown(request):
    return private(render(request, "newsletter/link_unknown.html", status=404))


def _redirect(name: str):
    return HttpResponseRedirect(reverse(name), status=303)


@require_http_methods(["GET", "POST"])
@rate_limited("newsletter-signup", limit=20, window=3600, methods=["POST"])
def sign_up(request):
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.sign_up(form.cleaned_data, str(CONSENT_TEXT))
        return _redirect("newsletter:signed-up")
    status = 400 if form.is_bound else 200
    context = {"form": form, "latest_issue": _latest_issue()}
    return render(request, "newsletter/sign_up.html", context, status=status)


def _latest_issue():
    """The newest sent issue, shown on the sign-up page as an example (None before the first)."""
    index = NewsletterIndexPage.objects.live().public().first()
    return index.sent_issues().first() if index else None


@require_GET
def signed_up(request):
    """The same answer for a new address, a pending one and a subscribed one."""
    return render(request, "newsletter/signed_up.html")


@require_http_methods(["GET", "POST"])
@rate_limited("newsletter-link", limit=20, window=3600, methods=["POST"])
def request_link(request):
    form = LinkRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_link(form.cleaned_data["email"])
        return _redirect("newsletter:link-sent")
    status = 400 if form.is_bound else 200
    return render(request, "newsletter/request_link.html", {"form": form}, status=status)


@require_GET
def link_sent(request):
    """The same answer whether or not the address is known."""
    return render(request, "newsletter/link_sent.html")


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    found = services.by_token(token)
    if found is None:
        return _link_unknown(request)
    status, error = 200, None
    form = PreferencesForm(initial={"name": found.name, "themes": list(found.themes.all())})
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "bevestigen":
            services.confirm(found)
            return private(HttpResponseRedirect(f"{request.path}?bevestigd=1", status=303))
        if action == "opslaan" and found.status == Status.CONFIRMED:
            form = PreferencesForm(request.POST)
            if form.is_valid():
                services.save_preferences(
                    found, form.cleaned_data["name"], form.cleaned_data["themes"]
                )
                return private(HttpResponseRedirect(f"{request.path}?opgeslagen=1", status=303))
            status = 400
        else:
            error, status = _("Dit formulier kennen we niet. Probeer het opnieuw."), 400
    context = {
        "subscriber": found,
        "form": form,
        "pending": found.status == Status.PENDING,
        "just_confirmed": status == 200 and "bevestigd" in request.GET,
        "saved": status == 200 and "opgeslagen" in request.GET,
        "error": error,
        "unsubscribe_url": reverse("newsletter:unsubscribe", args=[found.unsubscribe_key]),
    }
    return private(render(request, "newsletter/preferences.html", context, status=status))


def _unsubscribe_page(request, found, status=200, error=None):
    context = {"subscriber": found, "unsubscribed": found.status == Status.UNSUBSCRIBED,
               "error": error}  # fmt: skip
    return private(render(request, "newsletter/unsubscribe.html", context, status=status))


@csrf_protect
def _button(request, found):
    """The button on the page (a browser with the CSRF token)."""
    if request.POST.get("actie") != "afmelden":
        return _unsubscribe_page(request, found, 400, _("Druk op de knop om je af te melden."))
    services.unsubscribe(found)
    return _unsubscribe_page(request, found)


@csrf_exempt  # the one-click POST of a mail program has no CSRF token; the random key decides
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key):
    found = services.by_unsubscribe_key(key)
    if found is None:
        return _link_unknown(request)
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") == "One-Click":  # RFC 8058
            services.unsubscribe(found)
            return _unsubscribe_page(request, found)
        return _button(request, found)
    return _unsubscribe_page(request, found)
