"""Public event views (thin: rules.py decides, services.py applies): registration and its
neutral answer, the participant's private page (cancel), the archive of past events and watching
one back, and the iCal downloads/feeds."""

from __future__ import annotations

import contextlib
import functools

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.content.models import Theme
from kennislab.core import metadata, pagecache
from kennislab.core.ratelimit import rate_limited
from kennislab.core.siteurl import absolute, page_url
from kennislab.core.views import private

from . import activities, agenda, ics, relay, rules, services
from .blocks import material_kinds
from .forms import (
    ACTIVITY_CONSENT_TEXT,
    RECORDING_CONSENT_TEXT,
    ActivityForm,
    RecordingForm,
    RegistrationForm,
)
from .models import (
    Activity,
    ActivityStatus,
    EventPage,
    RecordingAccess,
    RelayCampaignPage,
    Status,
)

RECORDING_COOKIE = "kennislab_terugkijken"
RECORDING_COOKIE_DAYS = 365


def _event(slug):
    return EventPage.objects.live().public().filter(slug=slug).specific().first()


def _unknown(request):
    return render(request, "campaigns/event_unknown.html", status=404)


@require_http_methods(["GET", "POST"])
@rate_limited("event-register", limit=20, window=3600, methods=["POST"])
def register(request, slug):
    event = _event(slug)
    if event is None:
        return _unknown(request)
    phase = event.phase()
    form = RegistrationForm(request.POST if request.method == "POST" else None, event=event)
    refusal, conflict = None, False
    if request.method == "POST" and phase == "open" and event.registration and form.is_valid():
        try:
            services.register(event.pk, form.cleaned_data, form.consent_text)
        except services.Refused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:  # the same answer for a new registration and an address registered already
            url = reverse("campaigns:registered", args=[event.slug])
            return HttpResponseRedirect(url, status=303)
    if phase != "open" or not event.registration:
        refusal = services.closed_message(phase, event.registration)
    status = 200 if request.method == "GET" else (409 if refusal or conflict else 400)
    context = {"form": form, "event": event, "places": services.places(event),
               "refusal": refusal, "phase": phase,
               "deadline": services.moment(event.registration_deadline)}  # fmt: skip
    return render(request, "campaigns/register.html", context, status=status)


@require_GET
def registered(request, slug):
    """The answer after signing up: the same for a new registration and for an address that
    was registered already (who gets a fresh link by e-mail), so it reveals nobody's sign-up.
    Whether the event is full is public (the event page says so), so it may name the list."""
    event = _event(slug)
    if event is None:
        return _unknown(request)
    context = {"event": event, "places": services.places(event), "when": services.when(event)}
    return private(render(request, "campaigns/registered.html", context))


@require_http_methods(["GET", "POST"])
def registration(request, token):
    found = services.by_token(token)
    if found is None:
        return private(render(request, "campaigns/registration_unknown.html", status=404))
    message, status = None, 200
    if request.method == "POST":
        if request.POST.get("afmelden") == "ja":
            try:
                was_waiting = found.status == Status.WAITING
                found = services.cancel(token)
                message = (
                    _("Je staat niet meer op de wachtlijst. Dank je wel dat je dit laat weten.")
                    if was_waiting
                    else _("Je bent afgemeld. Dank je wel dat je dit laat weten.")
                )
            except services.Refused as refused:
                message, status = refused.message, 409
        else:
            message, status = _("Vink aan dat je je wilt afmelden."), 400
    calendar = services.calendar_links(found.event) if found.status == Status.REGISTERED else {}
    context = {"registration": found, "event": found.event, "message": message,
               "message_is_error": status != 200, "calendar": calendar,
               "when": services.when(found.event)}  # fmt: skip
    return private(render(request, "campaigns/registration.html", context, status=status))


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
    return private(render(request, "campaigns/recording.html", context, status=status))


ARCHIVE_PER_PAGE = 20


@require_GET
def archive(request):
    """Terugkijken: past events with something to watch back, newest first. The materials
    themselves stay behind each event's e-mail sign-up; the archive only names them."""
    paginator = Paginator(agenda.archived(), ARCHIVE_PER_PAGE)
    items = paginator.get_page(request.GET.get("pagina"))
    for event in items:
        event.material_kinds = material_kinds(event.materials)
        event.when = services.when(event)
    agenda_page = agenda.agenda_page()
    trail = [(_("Startpagina"), absolute("/")),
             *([(agenda_page.title, page_url(agenda_page))] if agenda_page else []),
             (_("Terugkijken"), absolute(request.path))]  # fmt: skip
    context = {"items": items, "agenda": agenda_page,
               "page_range": paginator.get_elided_page_range(items.number),
               "page_meta": {"breadcrumbs": trail}}  # fmt: skip
    return render(request, "campaigns/archive.html", context)


# --- calendars ----------------------------------------------------------------------------------


def cached_feed(view):
    """Keep a feed's bytes in the cache (as long as pages: PAGE_CACHE_SECONDS) under the page
    cache's generation, so any change to what it lists renders it fresh; calendar apps poll."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return view(request, *args, **kwargs)
        key = f"feed:{pagecache.generation()}:{request.get_host()}:{request.path}"
        hit = cache.get(key)
        if hit is not None:
            response = HttpResponse(hit[0], content_type="text/calendar; charset=utf-8")
            response["Content-Disposition"] = hit[1]
            response["Cache-Control"] = "public, max-age=900"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            cache.set(key, (response.content, response["Content-Disposition"]), seconds)
        return response

    return wrapper


def _calendar_response(entries, name, filename, request):
    body = ics.calendar_bytes(entries, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _entries(request, events):
    return [services.calendar_entry(event) for event in events]


@require_GET
def event_ics(request, slug):
    event = _event(slug)
    if event is None:
        return _unknown(request)
    return _calendar_response(_entries(request, [event]), event.title,
                              ics.ics_filename(event.title), request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
@cached_feed
def feed(request):
    events = agenda.upcoming().specific()
    entries = _entries(request, events) + _activity_entries(request, relay.upcoming_dated())
    return _calendar_response(sorted(entries, key=lambda entry: entry.starts_at),
                              _("Agenda Kennislab"),
                              "agenda-kennislab.ics", request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
@cached_feed
def theme_feed(request, slug):
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404(_("Dit thema bestaat niet."))
    events = agenda.upcoming(themes=[slug]).specific()
    entries = _entries(request, events) + _activity_entries(
        request, relay.upcoming_dated(themes=[slug])
    )
    return _calendar_response(sorted(entries, key=lambda entry: entry.starts_at),
                              _("Agenda Kennislab: %(theme)s")
                              % {"theme": theme.name}, f"agenda-{slug}.ics", request)  # fmt: skip


# --- relay campaigns ----------------------------------------------------------------------------


def _campaign(slug):
    return RelayCampaignPage.objects.live().public().filter(slug=slug).first()


def _campaign_unknown(request):
    return render(request, "campaigns/campaign_unknown.html", status=404)


@require_http_methods(["GET", "POST"])
@rate_limited("activity-register", limit=20, window=3600, methods=["POST"])
def register_activity(request, slug):
    campaign = _campaign(slug)
    if campaign is None:
        return _campaign_unknown(request)
    is_open = campaign.registration_open()
    form = ActivityForm(request.POST if request.method == "POST" else None, campaign=campaign)
    refusal, conflict = None, False
    if request.method == "POST" and is_open and form.is_valid():
        try:
            _activity, token = activities.register(campaign.pk, form.cleaned_data,
                                                   str(ACTIVITY_CONSENT_TEXT))  # fmt: skip
        except services.Refused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:
            return HttpResponseRedirect(reverse("relay:edit", args=[token]) + "?nieuw=1",
                                        status=303)  # fmt: skip
    if not is_open:
        refusal = activities.closed_message(campaign)
    status = 200 if request.method == "GET" else (409 if refusal or conflict else 400)
    context = {"form": form, "campaign": campaign, "refusal": refusal, "is_open": is_open}
    return render(request, "campaigns/activity_register.html", context, status=status)


def _activity_initial(activity):
    return {field: getattr(activity, field) for field in activities.FIELDS}


@require_http_methods(["GET", "POST"])
@rate_limited("activity-edit", limit=60, window=3600, methods=["POST"])
def edit_activity(request, token):
    """The organiser's private page: complete or change the activity, or withdraw it."""
    activity = activities.by_token(token)
    if activity is None:
        return private(render(request, "campaigns/activity_unknown.html", status=404))
    campaign = activity.campaign
    editable = activity.status in rules.EDITABLE
    form = ActivityForm(campaign=campaign, editing=True, initial=_activity_initial(activity))
    message, status = None, 200
    if request.method == "POST" and request.POST.get("intrekken") == "ja":
        try:
            activity = activities.withdraw(activity.pk)
            message = _("Je activiteit is ingetrokken. Dank je wel dat je het laat weten.")
        except services.Refused as refused:
            message, status = refused.message, 409
        editable = activity.status in rules.EDITABLE
    elif request.method == "POST" and not editable:
        message, status = _("Deze activiteit kan niet meer worden gewijzigd."), 409
    elif request.method == "POST":
        form = ActivityForm(request.POST, campaign=campaign, editing=True)
        status = 400
        if form.is_valid():
            try:
                activity = activities.update(activity.pk, form.cleaned_data)
            except services.Refused as refused:
                form.add_error(refused.field, refused.message)
                status = 409
            else:
                return private(HttpResponseRedirect(request.path + "?opgeslagen=1", status=303))
    if request.method == "GET" and request.GET.get("opgeslagen"):
        message = _("Je wijzigingen zijn opgeslagen.")
    context = {"activity": activity, "campaign": campaign, "form": form, "editable": editable,
               "message": message, "message_is_error": status != 200,
               "new": request.GET.get("nieuw") == "1", "week": activity.week(),
               "missing": activity.missing(),
               "term": activities.decision_term(activity)}  # fmt: skip
    return private(render(request, "campaigns/activity_edit.html", context, status=status))


def _public_activity(slug, pk):
    return (
        Activity.objects.filter(
            pk=pk,
            status=ActivityStatus.APPROVED,
            campaign__in=RelayCampaignPage.objects.live().public().filter(slug=slug),
        )
        .select_related("campaign")
        .first()
    )


@require_GET
def activity_detail(request, slug, pk):
    activity = _public_activity(slug, pk)
    if activity is None:
        return _campaign_unknown(request)
    context = {"activity": activity, "campaign": activity.campaign, "week": activity.week(),
               "starts": activities.starts(activity),
               "ends": activities.ends(activity)}  # fmt: skip
    context["page_meta"] = _activity_metadata(activity, context["starts"], context["ends"])
    return render(request, "campaigns/activity_detail.html", context)


def _activity_metadata(activity, starts, ends) -> dict:
    """The activity as a schema.org Event (none while its date, time or place is unknown) and
    the breadcrumbs the page shows, for the <head> (core/templatetags/metadata_tags.py)."""
    url = absolute(activity.get_absolute_url())
    found = metadata.event(
        url=url,
        name=activity.title,
        description=activity.description,
        starts=timezone.localtime(starts) if starts else None,
        ends=timezone.localtime(ends) if ends else None,
        online=activity.online,
        location=activity.location,
        organizer=metadata.organisation(activity.organiser),
    )
    trail = [(_("Startpagina"), absolute("/")), (activity.campaign.title,
             page_url(activity.campaign)), (activity.title, url)]  # fmt: skip
    return {"json_ld": [found] if found else [], "breadcrumbs": trail,
            "description": activity.description}  # fmt: skip


def _activity_entries(request, found):
    return [activities.calendar_entry(a, absolute(a.get_absolute_url())) for a in found]


@require_GET
def activity_ics(request, slug, pk):
    activity = _public_activity(slug, pk)
    if activity is None or activities.starts(activity) is None:
        return _campaign_unknown(request)
    return _calendar_response(_activity_entries(request, [activity]), activity.title,
                              ics.ics_filename(activity.title), request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
@cached_feed
def campaign_feed(request, slug):
    campaign = _campaign(slug)
    if campaign is None:
        return _campaign_unknown(request)
    found = relay.upcoming_dated(campaign=campaign)
    return _calendar_response(_activity_entries(request, found), campaign.title,
                              f"{campaign.slug}.ics", request)  # fmt: skip


@require_GET
@rate_limited("agenda-feed", limit=240, window=3600)
@cached_feed
def region_feed(request, slug, region):
    campaign = _campaign(slug)
    found_region = campaign and campaign.regions.filter(slug=region).first()
    if not found_region:
        return _campaign_unknown(request)
    found = relay.upcoming_dated(campaign=campaign, region=found_region)
    name = _("%(campaign)s: regio %(region)s") % {"campaign": campaign.title,
                                                 "region": found_region.name}  # fmt: skip
    return _calendar_response(_activity_entries(request, found), name,
                              f"{campaign.slug}-{found_region.slug}.ics", request)  # fmt: skip
