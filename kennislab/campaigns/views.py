"""Public event views (thin: rules.py decides, services.py applies): registration, the
participant's private page (cancel), watching a webinar back, and the iCal downloads/feeds."""

from __future__ import annotations

import contextlib

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.content.models import Theme
from kennislab.core.ratelimit import rate_limited

from . import agenda, ics, services
from .forms import CONSENT_TEXT, RECORDING_CONSENT_TEXT, RecordingForm, RegistrationForm
from .models import EventPage, RecordingAccess

RECORDING_COOKIE = "kennislab_terugkijken"
RECORDING_COOKIE_DAYS = 365


def _event(slug):
    return EventPage.objects.live().public().filter(slug=slug).specific().first()


def _unknown(request):
    return render(request, "campaigns/event_unknown.html", status=404)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@rate_limited("event-register", limit=20, window=3600, methods=["POST"])
def register(request, slug):
    event = _event(slug)
    if event is None:
        return _unknown(request)
    phase = event.phase()
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    refusal, conflict = None, False
    if request.method == "POST" and phase == "open" and event.registration and form.is_valid():
        try:
            _registration, token = services.register(event.pk, form.cleaned_data,
                                                     str(CONSENT_TEXT))  # fmt: skip
        except services.Refused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:
            url = reverse("campaigns:registration", args=[token])
            return HttpResponseRedirect(url, status=303)
    if phase != "open" or not event.registration:
        refusal = services.closed_message(phase)
    status = 200 if request.method == "GET" else (409 if refusal or conflict else 400)
    context = {"form": form, "event": event, "places": services.places(event),
               "refusal": refusal, "phase": phase}  # fmt: skip
    return render(request, "campaigns/register.html", context, status=status)


@require_http_methods(["GET", "POST"])
def registration(request, token):
    found = services.by_token(token)
    if found is None:
        return _private(render(request, "campaigns/registration_unknown.html", status=404))
    message, status = None, 200
    if request.method == "POST":
        if request.POST.get("afmelden") == "ja":
            try:
                found = services.cancel(token)
                message = _("Je bent afgemeld. Dank je wel dat je dit laat weten.")
            except services.Refused as refused:
                message, status = refused.message, 409
        else:
            message, status = _("Vink aan dat je je wilt afmelden."), 400
    context = {"registration": found, "event": found.event, "message": message,
               "message_is_error": status != 200,
               "when": services.when(found.event)}  # fmt: skip
    return _private(render(request, "campaigns/registration.html", context, status=status))


def _watched(request) -> set[int]:
    try:
        value = signing.loads(
            request.COOKIES.get(RECORDING_COOKIE, ""),
            salt="terugkijken",
            max_age=RECORDING_COOKIE_DAYS * 86400,
        )
    except signing.BadSignature:
        return set()
    return {int(pk) for pk in value if str(pk).isdigit()} if isinstance(value, list) else set()


@require_http_methods(["GET", "POST"])
@rate_limited("event-recording", limit=30, window=3600, methods=["POST"])
def recording(request, slug):
    """Past webinars: recording, slides and clips after a one-field e-mail sign-up."""
    event = _event(slug)
    if event is None or not event.materials or not event.is_past:  # only after the event
        return _unknown(request)
    watched = _watched(request)
    form = RecordingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # two sign-ups with one address at once: the first one counts
        with contextlib.suppress(IntegrityError), transaction.atomic():
            RecordingAccess.objects.get_or_create(
                event=event, email=form.cleaned_data["email"].strip().lower(),
                defaults={"consent_text": str(RECORDING_CONSENT_TEXT)},
            )  # fmt: skip
        response = HttpResponseRedirect(request.path, status=303)
        response.set_cookie(
            RECORDING_COOKIE,
            signing.dumps(sorted(watched | {event.pk}), salt="terugkijken"),
            max_age=RECORDING_COOKIE_DAYS * 86400, httponly=True, samesite="Lax",
            secure=request.is_secure(),
        )  # fmt: skip
        return response
    context = {"event": event, "form": form, "unlocked": event.pk in watched,
               "when": services.when(event)}  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return _private(render(request, "campaigns/recording.html", context, status=status))


# --- calendars ----------------------------------------------------------------------------------


def _calendar_response(entries, name, filename, request):
    body = ics.calendar_bytes(entries, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _entries(request, events):
    return [
        services.calendar_entry(event, request.build_absolute_uri(event.get_url(request)))
        for event in events
    ]


@require_GET
def event_ics(request, slug):
    event = _event(slug)
    if event is None:
        return _unknown(request)
    return _calendar_response(_entries(request, [event]), event.title,
                              ics.ics_filename(event.title), request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
def feed(request):
    events = agenda.upcoming().specific()
    return _calendar_response(_entries(request, events), _("Agenda Kennislab"),
                              "agenda-kennislab.ics", request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
def theme_feed(request, slug):
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404(_("Dit thema bestaat niet."))
    events = agenda.upcoming(themes=[slug]).specific()
    return _calendar_response(_entries(request, events), _("Agenda Kennislab: %(theme)s")
                              % {"theme": theme.name}, f"agenda-{slug}.ics", request)  # fmt: skip
