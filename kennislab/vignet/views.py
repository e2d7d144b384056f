"""Public vignet views (thin: criteria.py decides, services.py applies, steps.py orders).

* the application form in five steps (steps.py), each a page of the draft behind its private
  link; the first step without a link creates the draft. Each step shows the engine's verdict on
  the criterion it answers (rendered by the server on every save, refreshed without saving by
  the preview endpoint when JavaScript runs); the check page shows every answer and submits;
* the public register, the verification page per vignet and its SVG badge;
* the holder's private page (badge code, renewal).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennislab.core import uploads
from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import badge, challenge_link, criteria, register, services, steps
from .forms import (
    ACTIVITY_PREFIX,
    CONSENT_TEXT,
    NO_ACTIVITIES,
    ActivityFormSet,
    ApplicationForm,
    TeamCodeForm,
    own_activities,
    submission_problems,
    team_activities,
)
from .models import TeamLinkStatus, Vignet

# The buttons of a step: save and go on (asks what submitting needs), save and go back, save
# and stop for now, save and add an activity row or go to the page that adds a 30DagenGezonder
# team (step 3). Anything else counts as "next": a form sent with Enter, or an old page that
# still says "submit" (that only the check page does).
ACTIONS = {"next", "previous", "later", "add_activity", "team"}
NOT_EDITABLE = _("Deze aanvraag is ingediend en kan niet meer worden gewijzigd.")
BACK_TO_CHECK = "controleren"  # ?controleren=1: came from a "Wijzigen" link on the check page


def step_url(token: str, step: steps.Step) -> str:
    return reverse("vignet:step", args=[token, step.number])


# --- forms and verdicts -----------------------------------------------------------------------


def _forms(request, application, step, *, lenient=False, judging=False):
    """The step's form and (step 3, or every step at once) its activity rows: bound to the
    request when it is a POST, else filled in from the stored application."""
    renewal = bool(application and application.is_renewal)
    kwargs = {"application": application, "step": step, "renewal": renewal}
    with_rows = step is None or step.activities
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES, lenient=lenient, judging=judging,
                               **kwargs)  # fmt: skip
        formset = None
        if with_rows:
            if step is None:  # every field at once (the live verdict without a step)
                size = _int(request.POST.get("target_group_size"))
                size = size if size and size > 0 else None  # a wrong size is the form's error
            else:
                size = application.target_group_size if application else None
            formset = ActivityFormSet(request.POST, prefix=ACTIVITY_PREFIX, target_group_size=size)
        return form, formset
    initial = None
    rows = []
    if application is not None:
        initial = {name: getattr(application, name) for name in steps.APPLICATION_FIELDS}
        rows = [
            {name: getattr(activity, name) for name in ("theme", "title", "start", "end",
                                                         "participants", "target_group_size")}
            for activity in own_activities(application)
        ]  # fmt: skip
    form = ApplicationForm(initial=initial, **kwargs)
    formset = ActivityFormSet(initial=rows, prefix=ACTIVITY_PREFIX) if with_rows else None
    return form, formset


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _verdict_from_forms(form, formset, application):
    """The verdict on what is filled in now: the stored application with this step's answers
    in place of the stored ones (None when the target group is still empty or the input is not
    valid yet)."""
    if not (form.is_valid() and (formset is None or formset.is_valid())):
        return None
    if application is not None:
        data = application.as_criteria_data()
    else:
        data = {"organisation": "–", "assessed_on": timezone.localdate().isoformat(),
                "target_group_size": None, "baseline": None, "expert_guidance": None,
                "activities": [], "renewal_of": None}  # fmt: skip
    cleaned = form.cleaned_data
    data["organisation"] = cleaned.get("organisation") or data["organisation"] or "–"
    if "target_group_size" in form.fields:
        data["target_group_size"] = cleaned.get("target_group_size")
    if "baseline_date" in form.fields:
        data["baseline"] = None
        if cleaned.get("baseline_date"):
            data["baseline"] = {
                "date": cleaned["baseline_date"].isoformat(),
                "participants": cleaned.get("baseline_participants") or 0,
            }
    if "guidance_name" in form.fields:
        data["expert_guidance"] = None
        if cleaned.get("guidance_name") or cleaned.get("guidance_organisation"):
            data["expert_guidance"] = {
                "name": cleaned.get("guidance_name", ""),
                "organisation": cleaned.get("guidance_organisation", ""),
            }
    if formset is not None:
        data["activities"] = [
            {
                "theme": row["theme"],
                "title": row["title"],
                "start": row["start"].isoformat(),
                "end": row["end"].isoformat() if row["end"] else None,
                "participants": row["participants"],
                "target_group_size": row["target_group_size"],
            }
            for row in formset.rows()
        ]
        if application is not None:  # the teams' activities are not rows of the form
            data["activities"] += [a.as_criteria_data() for a in team_activities(application)]
    if data["target_group_size"] is None:
        return None
    try:
        return criteria.assess_data(data)
    except criteria.InvalidApplication:
        return None


def _codes(step, application) -> tuple[str, ...]:
    """The criteria judged on this step (the renewal criterion only for a renewal)."""
    renewal = bool(application and application.is_renewal)
    return tuple(code for code in step.criteria if code != "renewal" or renewal)


def _judged(verdict, codes=None) -> dict:
    """Template context for includes/verdict.html: the criteria with these codes (all when
    None), and the overall line only when all of them are shown."""
    shown = [c for c in verdict.criteria if codes is None or c.code in codes] if verdict else []
    return {"verdict": verdict, "criteria": shown, "overall": codes is None}


# --- pages ------------------------------------------------------------------------------------


def _status_message(request):
    return {
        "bewaard": _("Je antwoorden zijn bewaard."),
        "later": _(
            "Je aanvraag is bewaard. Met de link uit je e-mail ga je later verder waar je was."
        ),
        "ingediend": _("Je aanvraag is ingediend. Je krijgt een bevestiging per e-mail."),
        "nieuw": _(
            "Je aanvraag is bewaard. Bewaar de link van deze pagina: daarmee kom je terug. We "
            "hebben hem ook naar je e-mailadres gestuurd."
        ),
        "team": _(
            "We hebben de teamcaptain een e-mail gestuurd. Zodra die bevestigt, telt het team "
            "mee als activiteit; je krijgt daarover een e-mail."
        ),
        "team-weg": _("Het team is van je aanvraag gehaald."),
    }.get(request.GET.get("status", ""))


def _step_list(token, current):
    """The step indicator: each step with its link (only a draft has links)."""
    return [
        {
            "step": step,
            "url": step_url(token, step) if token else None,
            "current": step.number == current.number,
        }
        for step in steps.STEPS
    ]


def _base_context(application, token, step, status, message):
    return {
        "application": application,
        "token": token,
        "step": step,
        "step_list": _step_list(token, step),
        "step_count": len(steps.STEPS),
        "message": message,
        "message_is_error": status >= 400,  # 409: refused, not a confirmation
    }


def _step_page(request, application, token, step, status=200, form=None, formset=None,
               verdict=None, message=None):  # fmt: skip
    if form is None:  # as stored (a form sent back with errors comes with its own verdict)
        form, formset = _forms(request, application, step)
        verdict = services.verdict_of(application) if application is not None else None
    summary = [(f"#{field_id}" if field_id else "", text)
               for field_id, text in form.error_summary]  # fmt: skip
    if formset is not None:
        summary += [(f"#{field_id}", text) for field_id, text in formset.error_summary]
        summary += [("#activiteiten", str(error)) for error in formset.non_form_errors()]
    back_to_check = bool(request.GET.get(BACK_TO_CHECK) or request.POST.get(BACK_TO_CHECK))
    context = _base_context(application, token, step, status, message) | {
        "form": form,
        "formset": formset,
        "error_summary": summary,
        "judged": _judged(verdict, _codes(step, application)),
        "back_to_check": back_to_check,
        "previous_step": steps.by_number(step.number - 1),
        "preview_url": reverse("vignet:preview"),
        "team_links": _team_rows(application) if step.activities and application else [],
    }
    return private(render(request, "vignet/step.html", context, status=status))


def _team_rows(application) -> list[dict]:
    """The 30DagenGezonder teams added to the application, as the applicant sees them: what
    counts only once the captain confirmed it."""
    return [
        {"link": link,
         "shared": challenge_link.describe(link.participants) if link.is_confirmed else "",
         "expired": link.is_expired}
        for link in services.team_links(application)
    ]  # fmt: skip


def _answers(application) -> list[dict]:
    """The check page: per step its answers (label, value) and the verdict on its criteria."""
    verdict = services.verdict_of(application)
    form = ApplicationForm(application=application, renewal=application.is_renewal)
    sections = []
    for step in steps.STEPS[:-1]:
        answers = []
        for name in step.fields:
            if name not in form.fields:
                continue
            value = getattr(application, name)
            if name == "province":
                value = application.get_province_display()
            if name == "baseline_date" and value:
                value = criteria.dutch_date(value)
            answers.append((form.fields[name].label, value))
        codes = _codes(step, application)
        sections.append({"step": step, "answers": answers,
                         "judged": _judged(verdict, codes) if codes else None})  # fmt: skip
    return sections


def _check_page(request, application, token, status=200, error_summary=None, message=None):
    step = steps.CHECK
    problems = submission_problems(application)
    context = _base_context(application, token, step, status, message) | {
        "sections": _answers(application),
        "problems": [(f"{step_url(token, p.step)}#{p.anchor}", p.message) for p in problems],
        "error_summary": error_summary or [],
        "judged": _judged(services.verdict_of(application), ()),
        "previous_step": steps.by_number(step.number - 1),
        "waiting_teams": [f"‘{link.team_label}’" for link in services.team_links(application)
                          if link.status == TeamLinkStatus.PENDING and not link.is_expired],
    }  # fmt: skip
    return private(render(request, "vignet/check.html", context, status=status))


def _submitted_page(request, application, status=200, message=None):
    context = {
        "application": application,
        "term": services.decision_term(application),
        "judged": _judged(services.verdict_of(application)),
        "message": message,
        "message_is_error": status >= 400,
    }
    return private(render(request, "vignet/submitted.html", context, status=status))


def _unknown_link(request):
    return private(render(request, "vignet/draft_unknown.html", status=404))


# --- the application --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-apply", limit=30, window=3600, methods=["POST"])
def apply(request):
    """Step 1 of a new application: the first save creates the draft and sends its link."""
    if request.method == "GET":
        return _step_page(request, None, None, steps.FIRST)
    return _save_step(request, None, None, steps.FIRST)


@require_GET
def draft(request, token):
    """The private link: a draft continues at its first step that is not complete yet (the
    check page when everything is there); a submitted application shows what was sent."""
    application = services.by_token(token)
    if application is None:
        return _unknown_link(request)
    if not application.editable_by_applicant:
        return _submitted_page(request, application, message=_status_message(request))
    problems = submission_problems(application)
    url = step_url(token, problems[0].step if problems else steps.CHECK)
    if _status_message(request):
        url += f"?status={request.GET['status']}"
    return HttpResponseRedirect(url)


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-draft", limit=120, window=3600, methods=["POST"])
def draft_step(request, token, number):
    step = steps.by_number(number)
    if step is None:
        raise Http404
    application = services.by_token(token)
    if application is None:
        return _unknown_link(request)
    if not application.editable_by_applicant:
        if request.method == "POST":
            return _submitted_page(request, application, status=409, message=NOT_EDITABLE)
        return HttpResponseRedirect(reverse("vignet:draft", args=[token]))
    if step.is_check:
        if request.method == "POST":
            return _submit(request, application, token)
        return _check_page(request, application, token, message=_status_message(request))
    if request.method == "GET":
        return _step_page(request, application, token, step, message=_status_message(request))
    return _save_step(request, application, token, step)


def _save_step(request, application, token, step):
    action = request.POST.get("action", "next")
    if action not in ACTIONS or (action in ("add_activity", "team") and not step.activities):
        action = "next"
    if action == "previous" and step is steps.FIRST:
        action = "later"
    strict = action == "next"
    form, formset = _forms(request, application, step, lenient=not strict)
    form_valid = form.is_valid()  # both, always: the summary names every problem at once
    valid = (formset is None or formset.is_valid()) and form_valid
    teams = team_activities(application) if application is not None else []
    if valid and strict and formset is not None and not formset.rows() and not teams:
        formset._non_form_errors = formset.error_class([NO_ACTIVITIES])
        valid = False
    if not valid:
        verdict = _verdict_from_forms(form, formset, application)
        return _step_page(request, application, token, step, status=400, form=form,
                          formset=formset, verdict=verdict)  # fmt: skip
    draft = services.Draft(
        fields=form.application_fields(),
        activities=formset.rows() if formset is not None else None,
        new_files=form.cleaned_data.get("evidence", []),
        remove_evidence=form.removed_evidence(),
    )
    try:
        application, new_token = services.save_draft(draft, application, str(CONSENT_TEXT))
    except services.NotAllowed as refused:
        return _submitted_page(request, application, status=409, message=str(refused))
    except uploads.UploadNotStored as problem:
        # A full disk: the step again with the message; nothing of this save was kept.
        form.add_error("evidence" if "evidence" in form.fields else None, problem.message)
        verdict = _verdict_from_forms(form, formset, application)
        return _step_page(request, application, token, step, status=503, form=form,
                          formset=formset, verdict=verdict)  # fmt: skip
    token = new_token or token
    if action == "team":  # saved; now the page that adds a team
        return HttpResponseRedirect(reverse("vignet:team", args=[token]), status=303)
    if action == "next":
        back_to_check = request.POST.get(BACK_TO_CHECK)
        target = steps.CHECK if back_to_check else steps.by_number(step.number + 1)
    elif action == "previous":
        target = steps.by_number(step.number - 1)
    else:
        target = step
    status = "nieuw" if new_token else ("later" if action == "later" else "bewaard")
    anchor = "#activiteiten" if action == "add_activity" else ""
    return HttpResponseRedirect(f"{step_url(token, target)}?status={status}{anchor}", status=303)


def _submit(request, application, token):
    """The check page's "Aanvraag indienen": the whole application checked once more."""
    problems = submission_problems(application)
    if problems:
        summary = [(f"{step_url(token, p.step)}#{p.anchor}", p.message) for p in problems]
        return _check_page(request, application, token, status=400, error_summary=summary)
    try:
        services.submit(application.pk)
    except services.NotAllowed as refused:
        return _check_page(request, application, token, status=409, message=str(refused))
    url = reverse("vignet:draft", args=[token]) + "?status=ingediend"
    return HttpResponseRedirect(url, status=303)


# --- 30DagenGezonder teams (challenge_link.py) --------------------------------------------------


def _team_page(request, application, token, form, status=200, message=None):
    context = {
        "application": application,
        "token": token,
        "form": form,
        "error_summary": [(f"#{field_id}" if field_id else "", text)
                          for field_id, text in form.error_summary],
        "team_links": _team_rows(application),
        "min_days": challenge_link.MIN_DAYS,
        "message": message,
        "back": step_url(token, steps.of_field(ACTIVITY_PREFIX)),
    }  # fmt: skip
    return private(render(request, "vignet/team.html", context, status=status))


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-team", limit=30, window=3600, methods=["POST"])
def team(request, token):
    """The applicant adds a 30DagenGezonder team by its code (or removes one added before)."""
    application = services.by_token(token)
    if application is None:
        return _unknown_link(request)
    if not application.editable_by_applicant:
        if request.method == "POST":
            return _submitted_page(request, application, status=409, message=NOT_EDITABLE)
        return HttpResponseRedirect(reverse("vignet:draft", args=[token]))
    back = step_url(token, steps.of_field(ACTIVITY_PREFIX))
    if request.method == "GET":
        return _team_page(request, application, token, TeamCodeForm())
    if request.POST.get("action") == "remove":
        try:
            services.remove_team_link(application.pk, _int(request.POST.get("koppeling")) or 0)
        except services.NotAllowed as refused:
            return _team_page(request, application, token, TeamCodeForm(), status=409,
                              message=str(refused))  # fmt: skip
        return HttpResponseRedirect(f"{back}?status=team-weg#teams", status=303)
    form = TeamCodeForm(request.POST)
    if not form.is_valid():
        return _team_page(request, application, token, form, status=400)
    try:
        services.request_team_link(application.pk, form.cleaned_data["team_code"])
    except services.NotAllowed as refused:
        form.add_error("team_code", str(refused))
        return _team_page(request, application, token, form, status=409)
    return HttpResponseRedirect(f"{back}?status=team#teams", status=303)


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-team-confirm", limit=30, window=3600, methods=["POST"])
def team_confirm(request, token):
    """The team captain's private link: what would be shared, and confirm or decline (a POST,
    which a mail program's link scanner does not do)."""
    link = services.team_link_by_token(token)
    if link is None:
        return _unknown_link(request)
    message, status = None, 200
    if request.method == "POST":
        choice = request.POST.get("actie")
        if choice in ("bevestigen", "weigeren"):
            try:
                services.decide_team_link(link.pk, confirm=choice == "bevestigen")
            except services.NotAllowed as refused:
                message, status = str(refused), 409
            else:
                return HttpResponseRedirect(request.path, status=303)
        else:
            message, status = _("Kies ‘Ja, laten meetellen’ of ‘Niet laten meetellen’."), 400
        link.refresh_from_db()
    context = {
        "link": link,
        "application": link.application,
        "shared": challenge_link.describe(link.participants),
        "min_days": challenge_link.MIN_DAYS,
        "message": message,
        "message_is_error": status >= 400,
    }
    return private(render(request, "vignet/team_confirm.html", context, status=status))


@require_POST
@rate_limited("vignet-preview", limit=600, window=3600)
def preview(request):
    """The verdict for what is in the form now, without saving (for application.js): with
    `stap`, that step's answers on top of the stored draft (`token`) and only the criteria it
    answers; without, every field as posted and every criterion."""
    application = None
    token = request.POST.get("token", "")
    if token:
        application = services.by_token(token)
    step = steps.by_number(request.POST.get("stap"))
    if step is not None and (step.is_check or (application is None and step is not steps.FIRST)):
        step = None
    form, formset = _forms(request, application, step, judging=True)
    verdict = _verdict_from_forms(form, formset, application)
    codes = _codes(step, application) if step is not None else None
    response = render(request, "vignet/includes/verdict.html", _judged(verdict, codes))
    return private(response)


@require_GET
def evidence_file(request, token, pk):
    application = services.by_token(token)
    evidence = application.evidence.filter(pk=pk).first() if application else None
    if evidence is None:
        return private(render(request, "vignet/draft_unknown.html", status=404))
    return private(uploads.download(evidence.file.open("rb"), evidence.name, evidence.content_type))


# --- register, verification, badge -----------------------------------------------------------


@require_GET
@rate_limited("vignet-register", limit=300, window=60)
def register_list(request):
    query = request.GET.get("q", "")[:100].strip()
    page = register.holders(query, request.GET.get("pagina"))
    return render(request, "vignet/register.html", {"query": query, "page": page})


@require_GET
def verify(request, public_id):
    vignet = Vignet.objects.filter(public_id=public_id).first()
    if vignet is None:
        return render(request, "vignet/verify_unknown.html", status=404)
    response = render(request, "vignet/verify.html", register.verification(vignet, request))
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def badge_svg(request, public_id):
    vignet = Vignet.objects.filter(public_id=public_id).first()
    if vignet is None:
        return HttpResponse(status=404)
    response = HttpResponse(badge.render_svg(vignet), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-holder", limit=30, window=3600, methods=["POST"])
def holder(request, token):
    vignet = services.vignet_by_holder_token(token)
    if vignet is None:
        return private(render(request, "vignet/draft_unknown.html", status=404))
    message, status = None, 200
    if request.method == "POST":
        try:
            application, new_token = services.start_renewal(vignet, str(CONSENT_TEXT))
        except services.NotAllowed as refused:
            message, status = str(refused), 409
        else:
            if new_token:  # the renewal starts at step 1, to check the details taken over
                url = step_url(new_token, steps.FIRST) + "?status=nieuw"
                return HttpResponseRedirect(url, status=303)
            message = _(
                "Er loopt al een aanvraag voor verlenging (%(reference)s). Gebruik de link uit "
                "de e-mail die je daarover kreeg."
            ) % {"reference": application.reference or _("concept")}
            status = 409
    context = register.verification(vignet, request)
    context |= {"message": message, "renewal_refusal": services.renewal_refusal(vignet)}
    return private(render(request, "vignet/holder.html", context, status=status))
