"""The impact survey's private link (thin: impact_rules.py decides, impact.py applies). Routed by
the apps whose people are invited: /kennisvouchers/effect/<key>/ and /uitdaging/effect/<key>/.

The page shows the chosen survey's questions (SurveyPage's own form), for a voucher also the
consent to quote the first open answer, and a "no thanks" button. One response per invitation;
a second POST, or a link that expired, stores nothing."""

from __future__ import annotations

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kennislab.core.errors import Refused
from kennislab.core.ratelimit import rate_limited
from kennislab.core.views import private

from . import impact
from .forms import REGION_FIELD, TRAP_FIELD
from .models import ImpactKind

QUOTE_FIELD = "quote_consent"
THANKS = "bedankt"
DECLINED = "nee"
QUOTE_HELP = gettext_lazy(
    "Niet verplicht. Een medewerker leest je antwoord eerst. We zetten er nooit je naam of de naam "
    "van je organisatie bij."
)


def impact_form(invitation, data=None):
    """The survey's form; for a voucher with an open question also the consent to quote it."""
    page = invitation.page
    form = page.get_form(data, page=page, user=None)
    keys = impact.keys_of(page)
    if invitation.kind == ImpactKind.VOUCHER and keys.quote is not None:
        trap = form.fields.pop(TRAP_FIELD)
        form.fields[QUOTE_FIELD] = forms.BooleanField(
            required=False,
            label=_(
                "Jullie mogen mijn antwoord op de vraag ‘%(question)s’ als citaat op de site "
                "zetten, bij het goede voorbeeld."
            )
            % {"question": keys.quote.label},
            help_text=QUOTE_HELP,
        )
        form.fields[QUOTE_FIELD].widget.attrs["aria-describedby"] = (
            f"{form[QUOTE_FIELD].auto_id}-uitleg"
        )
        form.fields[TRAP_FIELD] = trap
    return form


def region_of(invitation, form) -> str:
    """The province the response counts for: the answer when the survey asks, else the one
    given when applying or signing up (or none)."""
    if invitation.page.ask_region:
        return form.cleaned_data.get(REGION_FIELD, "")
    subject = invitation.application or invitation.participant
    return getattr(subject, "province", "") or ""


def _unknown(request):
    return private(render(request, "surveys/impact_unknown.html", status=404))


@require_http_methods(["GET", "POST"])
@rate_limited("impact-survey", limit=20, window=3600, methods=["POST"])
def impact_survey(request, key, kind):
    invitation = impact.by_key(key, kind)
    if invitation is None:
        return _unknown(request)
    state = impact.page_state(invitation)
    if state == "expired":
        return _unknown(request)
    form, refusal, status = None, None, 200
    if request.method == "POST":
        if request.POST.get("actie") == "niet-meedoen":
            impact.decline(invitation)
            return private(HttpResponseRedirect(f"{request.path}?{DECLINED}=1", status=303))
        if state != "answer":
            refusal, status = _("Er is niets opgeslagen."), 409
        else:
            form = impact_form(invitation, request.POST)
            if form.is_valid():
                try:
                    impact.record_response(
                        invitation.pk, form.answers(), region_of(invitation, form),
                        bool(form.cleaned_data.get(QUOTE_FIELD)),
                    )  # fmt: skip
                except Refused as refused:
                    refusal, status = refused.message, 409
                    invitation.refresh_from_db()
                    state = impact.page_state(invitation)
                else:
                    url = f"{request.path}?{THANKS}=1"
                    return private(HttpResponseRedirect(url, status=303))
            else:
                status = 400
    if state == "answer" and form is None:
        form = impact_form(invitation)
    elif state != "answer":
        form = None
    context = {
        "invitation": invitation,
        "page": invitation.page,
        "state": state,
        "form": form,
        "refusal": refusal,
        "thanks": state == "answered" and request.GET.get(THANKS) == "1",
        "declined": invitation.declined_at is not None and state == "answer",
        "expires": impact.expires_on(invitation),
        "voucher": invitation.kind == ImpactKind.VOUCHER,
    }
    return private(render(request, "surveys/impact_survey.html", context, status=status))
