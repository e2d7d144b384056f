"""Public views (thin: services.py applies): asking a question, registering interest, and the
neutral confirmation pages (they show nothing of what anyone filled in).

The question form has a second button, "Controleer leesbaarheid": it sends nothing and checks
nothing but the question's plain Dutch (kennislab.core.readability, taalniveau B1); the form
comes back as it was typed, with the report under the question. After a failed send the report
is shown too. It is advice: a question that reads above B1 is still sent."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kennislab.content.models import Theme
from kennislab.core import terms
from kennislab.core.ratelimit import rate_limited

from . import services
from .forms import (
    INTEREST_CONSENT_TEXT,
    QUESTION_CONSENT_TEXT,
    QUESTION_MAX,
    InterestForm,
    QuestionForm,
)
from .models import LearningCommunity

CHECK_READABILITY = "leesbaarheid"  # the value of the button "Controleer leesbaarheid"
TYPED_FIELDS = ("name", "email", "organisation", "phone", "theme", "question")


def _as_typed(data) -> QuestionForm:
    """The question form filled in with what was posted, without validating it (so without
    error messages): checking the readability is not sending. The spam trap is not copied."""
    initial = {name: str(data.get(name, ""))[:QUESTION_MAX] for name in TYPED_FIELDS}
    initial["consent"] = bool(data.get("consent"))
    return QuestionForm(initial=initial)


@require_http_methods(["GET", "POST"])
@rate_limited("question-ask", limit=20, window=3600, methods=["POST"])
def ask(request):
    readability_text, status = "", 200
    if request.method == "POST" and request.POST.get("actie") == CHECK_READABILITY:
        form = _as_typed(request.POST)
        readability_text = form.initial["question"].strip()
    elif request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid():
            services.ask(form.cleaned_data, str(QUESTION_CONSENT_TEXT))
            return HttpResponseRedirect(reverse("questions:asked"), status=303)
        readability_text = form.data.get("question", "")[:QUESTION_MAX].strip()
        status = 400
    else:
        theme = Theme.objects.filter(slug=request.GET.get("thema", "")[:100]).first()
        form = QuestionForm(initial={"theme": theme.slug} if theme else None)
    context = {
        "form": form,
        "term_days": terms.term_days("question"),
        "readability_text": readability_text,
        "readability_checked": request.POST.get("actie") == CHECK_READABILITY,
        "check_readability": CHECK_READABILITY,
    }
    return render(request, "questions/ask.html", context, status=status)


@require_GET
def asked(request):
    return render(request, "questions/asked.html", {"term_days": terms.term_days("question")})


def _community(slug):
    return LearningCommunity.objects.filter(slug=slug).first()


@require_http_methods(["GET", "POST"])
@rate_limited("interest-register", limit=20, window=3600, methods=["POST"])
def interest(request, slug):
    community = _community(slug)
    if community is None:
        return render(request, "questions/community_unknown.html", status=404)
    form = InterestForm(request.POST if request.method == "POST" else None)
    refusal, conflict = None, False
    if request.method == "POST" and community.is_open and form.is_valid():
        try:
            services.register_interest(community.pk, form.cleaned_data,
                                       str(INTEREST_CONSENT_TEXT))  # fmt: skip
        except services.Refused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:
            return HttpResponseRedirect(reverse("questions:interest-done", args=[slug]),
                                        status=303)  # fmt: skip
    if not community.is_open:
        refusal = services.closed_message(community)
    status = 200 if request.method == "GET" else (409 if refusal or conflict else 400)
    context = {"form": form, "community": community, "refusal": refusal}
    return render(request, "questions/interest.html", context, status=status)


@require_GET
def interest_done(request, slug):
    community = _community(slug)
    if community is None:
        return render(request, "questions/community_unknown.html", status=404)
    return render(request, "questions/interest_done.html", {"community": community})
