"""Public views of the 30-day challenge (thin: rules.py decides, services.py applies): the sign-up
form and its neutral confirmation, the team page, the participant's private page (confirm, goal,
ticking off days) and unsubscribing from the support messages (also RFC 8058 one-click)."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import rules, services
from .forms import GoalForm, SignUpForm, consent_text, parse_days
from .models import ChallengePage, Participation, Status

SAVED = {
    "dagen": gettext_lazy("Je afgevinkte dagen zijn opgeslagen."),
    "doel": gettext_lazy("Je thema en doel zijn opgeslagen."),
}


def _challenge(slug) -> ChallengePage | None:
    return ChallengePage.objects.live().public().filter(slug=slug).specific().first()


def _unknown(request):
    return render(request, "challenge/challenge_unknown.html", status=404)


def _link_unknown(request):
    return private(render(request, "challenge/link_unknown.html", status=404))


# --- signing up -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@rate_limited("challenge-signup", limit=20, window=3600, methods=["POST"])
def sign_up(request, slug):
    page = _challenge(slug)
    if page is None:
        return _unknown(request)
    state = page.signup_state()
    form = SignUpForm(request.POST if request.method == "POST" else None)
    refusal, conflict = None, False
    if request.method == "POST" and state == rules.OPEN and form.is_valid():
        try:
            services.sign_up(page.pk, form.cleaned_data, consent_text(form.cleaned_data))
        except services.Refused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:
            url = reverse("challenge:signed-up", args=[page.slug])
            return HttpResponseRedirect(url, status=303)
    if state != rules.OPEN:
        refusal = services.closed_message(state)
    status = 200 if request.method == "GET" else (409 if refusal or conflict else 400)
    context = {"form": form, "page_obj": page, "challenge": page, "state": state,
               "refusal": refusal, "team": None}  # fmt: skip
    return render(request, "challenge/sign_up.html", context, status=status)


@require_GET
def signed_up(request, slug):
    """The same neutral answer for a new sign-up and for an address that takes part already."""
    page = _challenge(slug)
    if page is None:
        return _unknown(request)
    return render(request, "challenge/signed_up.html", {"challenge": page})


@require_GET
def team(request, slug, code):
    page = _challenge(slug)
    found = services.find_team(page, code) if page is not None else None
    if found is None:
        return render(request, "challenge/team_unknown.html", {"challenge": page}, status=404)
    state = page.signup_state()
    form = SignUpForm(initial={"participation": Participation.JOIN_TEAM, "team_code": found.code})
    refusal = None if state == rules.OPEN else services.closed_message(state)
    context = {"challenge": page, "team": found, "members": services.team_members(found),
               "form": form, "state": state, "refusal": refusal}  # fmt: skip
    response = render(request, "challenge/team.html", context)
    response["X-Robots-Tag"] = "noindex"  # an invitation, not a page to be found
    return response


# --- the participant's private page ---------------------------------------------------------------


def _grid(participant, today):
    starts_on = participant.page.starts_on
    open_days = rules.days_open_for_check_in(starts_on, today)
    ticked = services.ticked_days(participant)
    return [
        {"day": day, "date": rules.day_date(starts_on, day), "ticked": day in ticked,
         "open": day <= open_days, "today": rules.day_date(starts_on, day) == today}
        for day in range(1, rules.CHALLENGE_DAYS + 1)
    ]  # fmt: skip


@require_http_methods(["GET", "POST"])
def participant(request, token):
    found = services.by_token(token)
    if found is None:
        return _link_unknown(request)
    if found.status == Status.PENDING:
        return _confirm(request, found)
    just_confirmed = request.GET.get("bevestigd") == "1"
    goal_form = GoalForm(initial={"theme": found.theme, "goal": found.goal})
    error, status = None, 200
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "dagen":
            days = parse_days(request.POST.getlist("dag"))
            try:
                if days is None:
                    raise services.Refused(_("Vink alleen dagen van de uitdaging aan."))
                services.save_check_ins(found, days)
            except services.Refused as refused:
                error, status = refused.message, 400
            else:
                return private(HttpResponseRedirect(f"{request.path}?opgeslagen=dagen", status=303))
        elif action == "doel":
            goal_form = GoalForm(request.POST)
            if goal_form.is_valid():
                services.update_goal(found, goal_form.cleaned_data["theme"],
                                     goal_form.cleaned_data["goal"])  # fmt: skip
                return private(HttpResponseRedirect(f"{request.path}?opgeslagen=doel", status=303))
            status = 400
        else:
            error, status = _("Dit formulier kennen we niet. Probeer het opnieuw."), 400
    today = timezone.localdate()
    grid = _grid(found, today)
    context = {
        "participant": found,
        "challenge": found.page,
        "goal_form": goal_form,
        "grid": grid,
        "ticked": sum(1 for cell in grid if cell["ticked"]),
        "total": rules.CHALLENGE_DAYS,
        "day_today": rules.day_number(found.page.starts_on, today),
        "can_tick": any(cell["open"] for cell in grid),
        "team": found.team,
        "members": services.team_members(found.team) if found.team else 0,
        "team_link": services.team_link(found),
        "unsubscribe_url": reverse("challenge:unsubscribe", args=[found.unsubscribe_key]),
        "just_confirmed": just_confirmed,
        "saved": SAVED.get(request.GET.get("opgeslagen", "")) if status == 200 else None,
        "error": error,
    }
    return private(render(request, "challenge/participant.html", context, status=status))


def _confirm(request, found):
    """Double opt-in: the link shows one button; pressing it (a POST, which a mail program's link
    scanner does not do) confirms the sign-up."""
    status = 200
    if request.method == "POST":
        if request.POST.get("actie") == "bevestigen":
            services.confirm(found)
            return private(HttpResponseRedirect(f"{request.path}?bevestigd=1", status=303))
        status = 409  # ticking off days or changing the goal waits for the confirmation
    context = {"participant": found, "challenge": found.page}
    return private(render(request, "challenge/confirm.html", context, status=status))


# --- unsubscribing --------------------------------------------------------------------------------


def _unsubscribe_page(request, found, message=None, status=200):
    context = {"participant": found, "challenge": found.page, "message": message}
    return private(render(request, "challenge/unsubscribe.html", context, status=status))


@csrf_protect
def _switch(request, found):
    """The buttons on the page (a browser with the CSRF token): unsubscribe, or undo."""
    action = request.POST.get("actie")
    if action == "afmelden":
        services.set_subscribed(found, False)
        return _unsubscribe_page(
            request, found, _("Je bent afgemeld. Je krijgt geen steunberichten meer.")
        )
    if action == "aanmelden":
        services.set_subscribed(found, True)
        return _unsubscribe_page(request, found, _("Je krijgt de steunberichten weer."))
    return _unsubscribe_page(request, found, _("Kies afmelden of weer aanmelden."), status=400)


@csrf_exempt  # the one-click POST of a mail program has no CSRF token; the random key decides
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key):
    found = services.by_unsubscribe_key(key)
    if found is None:
        return _link_unknown(request)
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") == "One-Click":  # RFC 8058
            services.set_subscribed(found, False)
            return _unsubscribe_page(
                request, found, _("Je bent afgemeld. Je krijgt geen steunberichten meer.")
            )
        return _switch(request, found)
    return _unsubscribe_page(request, found)
