"""Public vignet views (thin: criteria.py decides, services.py applies).

* the application form (new, and the draft behind its private link), with the live verdict:
  rendered by the server on every save, refreshed without saving by forms/verdict fragments
  when JavaScript runs;
* the public register, the verification page per vignet and its SVG badge;
* the holder's private page (badge code, renewal).
"""

from __future__ import annotations

from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import badge, criteria, register, services
from .forms import CONSENT_TEXT, ActivityFormSet, ApplicationForm
from .models import Application, Vignet

ACTIONS = {"save", "add_activity", "submit"}


def _forms(request, application: Application | None, submitting: bool):
    renewal = bool(application and application.is_renewal)
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES, application=application,
                               submitting=submitting, renewal=renewal)  # fmt: skip
        size = _int(request.POST.get("target_group_size"))
        size = size if size and size > 0 else None  # a wrong size is the form's error alone
        formset = ActivityFormSet(request.POST, prefix="activiteit", target_group_size=size)
        return form, formset
    initial = None
    rows = []
    if application is not None:
        initial = {name: getattr(application, name) for name in ApplicationForm.base_fields
                   if hasattr(application, name) and name != "evidence"}  # fmt: skip
        rows = [
            {name: getattr(activity, name) for name in ("theme", "title", "start", "end",
                                                         "participants", "target_group_size")}
            for activity in application.activity_list
        ]  # fmt: skip
    form = ApplicationForm(initial=initial, application=application, renewal=renewal)
    formset = ActivityFormSet(initial=rows, prefix="activiteit")
    return form, formset


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _verdict_from_forms(form, formset, application):
    """The live verdict on what is filled in now (None when the target group is still empty
    or the input is not valid yet)."""
    if not (form.is_valid() and formset.is_valid()):
        return None
    data = {
        "organisation": form.cleaned_data.get("organisation") or "–",
        "assessed_on": timezone.localdate().isoformat(),
        "target_group_size": form.cleaned_data.get("target_group_size"),
        "baseline": None,
        "expert_guidance": None,
        "activities": [],
        "renewal_of": None,
    }
    if data["target_group_size"] is None:
        return None
    if form.cleaned_data.get("baseline_date"):
        data["baseline"] = {
            "date": form.cleaned_data["baseline_date"].isoformat(),
            "participants": form.cleaned_data.get("baseline_participants") or 0,
        }
    if form.cleaned_data.get("guidance_name") or form.cleaned_data.get("guidance_organisation"):
        data["expert_guidance"] = {
            "name": form.cleaned_data.get("guidance_name", ""),
            "organisation": form.cleaned_data.get("guidance_organisation", ""),
        }
    for row in formset.rows():
        data["activities"].append(
            {
                "theme": row["theme"],
                "title": row["title"],
                "start": row["start"].isoformat(),
                "end": row["end"].isoformat() if row["end"] else None,
                "participants": row["participants"],
                "target_group_size": row["target_group_size"],
            }
        )
    if application is not None and application.renewal_of_id:
        data["renewal_of"] = {"awarded_on": application.renewal_of.awarded_on.isoformat()}
    try:
        return criteria.assess_data(data)
    except criteria.InvalidApplication:
        return None


def _form_page(request, application, token=None, status=200, form=None, formset=None,
               verdict=None, message=None):  # fmt: skip
    if form is None:
        form, formset = _forms(request, application, submitting=False)
    if verdict is None and application is not None:
        verdict = services.verdict_of(application)
    response = render(
        request,
        "vignet/apply.html",
        {
            "form": form,
            "formset": formset,
            "application": application,
            "token": token,
            "term": services.decision_term(application) if application is not None else None,
            "verdict": verdict,
            "message": message,
            "message_is_error": status >= 400,  # 409: refused, not a confirmation
            "error_summary": form.error_summary
            + formset.error_summary
            + [("", str(error)) for error in formset.non_form_errors()],
            "themes": criteria.THEMES,
        },
        status=status,
    )
    return private(response)


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-apply", limit=30, window=3600, methods=["POST"])
def apply(request):
    """A new application: the first save creates the draft and sends its private link."""
    if request.method == "GET":
        return _form_page(request, None)
    return _save(request, None, None)


@require_http_methods(["GET", "POST"])
@rate_limited("vignet-draft", limit=120, window=3600, methods=["POST"])
def draft(request, token):
    application = services.by_token(token)
    if application is None:
        return private(render(request, "vignet/draft_unknown.html", status=404))
    if request.method == "GET" or not application.editable_by_applicant:
        if request.method == "POST":
            message = _("Deze aanvraag is ingediend en kan niet meer worden gewijzigd.")
            return _form_page(request, application, token, status=409, message=message)
        return _form_page(request, application, token, message=_saved_message(request))
    return _save(request, application, token)


def _saved_message(request):
    return {
        "bewaard": _("Je aanvraag is bewaard."),
        "ingediend": _("Je aanvraag is ingediend. Je krijgt een bevestiging per e-mail."),
        "nieuw": _(
            "Je aanvraag is bewaard. Bewaar de link van deze pagina: daarmee kom je terug. We "
            "hebben hem ook naar je e-mailadres gestuurd."
        ),
    }.get(request.GET.get("status", ""))


def _save(request, application, token):
    action = request.POST.get("action", "save")
    if action not in ACTIONS:
        action = "save"
    submitting = action == "submit"
    form, formset = _forms(request, application, submitting)
    form_valid = form.is_valid()  # both, always: the summary names every problem at once
    valid = formset.is_valid() and form_valid
    if valid and submitting and not formset.rows():
        formset._non_form_errors = formset.error_class(
            [_("Vul minstens één activiteit in (thema, wat, wanneer en hoeveel deelnemers).")]
        )
        valid = False
    if not valid:
        return _form_page(request, application, token, status=400, form=form, formset=formset,
                          verdict=_verdict_from_forms(form, formset, application))  # fmt: skip
    draft = services.Draft(
        fields=form.application_fields(),
        activities=formset.rows(),
        new_files=form.cleaned_data["evidence"],
        remove_evidence=form.removed_evidence(),
    )
    try:
        application, new_token = services.save_draft(draft, application, str(CONSENT_TEXT))
        token = new_token or token
        if submitting:
            services.submit(application.pk)
    except services.NotAllowed as refused:
        return _form_page(request, application, token, status=409, message=str(refused))
    status = "ingediend" if submitting else ("nieuw" if new_token else "bewaard")
    anchor = "#activiteiten" if action == "add_activity" else ""
    url = reverse("vignet:draft", args=[token]) + f"?status={status}{anchor}"
    return HttpResponseRedirect(url, status=303)


@require_POST
@rate_limited("vignet-preview", limit=600, window=3600)
def preview(request):
    """The verdict panel for what is in the form now, without saving (for forms.js)."""
    application = None
    token = request.POST.get("token", "")
    if token:
        application = services.by_token(token)
    form, formset = _forms(request, application, submitting=False)
    for name in ("organisation", "contact_name", "email", "consent"):  # not needed to judge
        if name in form.fields:
            form.fields[name].required = False
    verdict = _verdict_from_forms(form, formset, application)
    response = render(request, "vignet/includes/verdict.html", {"verdict": verdict})
    return private(response)


@require_GET
def evidence_file(request, token, pk):
    application = services.by_token(token)
    evidence = application.evidence.filter(pk=pk).first() if application else None
    if evidence is None:
        return private(render(request, "vignet/draft_unknown.html", status=404))
    return private(
        FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.name,
            content_type=evidence.content_type,
        )
    )


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
            if new_token:
                url = reverse("vignet:draft", args=[new_token]) + "?status=nieuw"
                return HttpResponseRedirect(url, status=303)
            message = _(
                "Er loopt al een aanvraag voor verlenging (%(reference)s). Gebruik de link uit "
                "de e-mail die je daarover kreeg."
            ) % {"reference": application.reference or _("concept")}
            status = 409
    context = register.verification(vignet, request)
    context |= {"message": message, "renewal_refusal": services.renewal_refusal(vignet)}
    return private(render(request, "vignet/holder.html", context, status=status))
