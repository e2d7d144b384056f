"""Survey responses in the privacy register. Answers are anonymous unless a survey asks for an
e-mail address; then the person is found by that answer."""

from datetime import timedelta

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import SurveyPage, SurveyResponse


def by_answer(address: str):
    """Responses with an answer equal to the address (ignoring case)."""
    if not address:
        return SurveyResponse.objects.none()
    candidates = SurveyResponse.objects.annotate(text=Cast("form_data", TextField())).filter(
        text__icontains=address
    )
    pks = [
        response.pk
        for response in candidates.only("pk", "form_data")
        if any(
            isinstance(value, str) and value.strip().lower() == address
            for value in (response.form_data or {}).values()
        )
    ]
    return SurveyResponse.objects.filter(pk__in=pks)


def expired(cutoff, now):
    """Responses older than their survey's own term (SurveyPage.retention_months)."""
    query = Q(pk__in=[])
    for page_id, months in SurveyPage.objects.values_list("pk", "retention_months"):
        query |= Q(page_id=page_id, submit_time__lt=now - timedelta(days=round(months * 365 / 12)))
    return SurveyResponse.objects.filter(query)


register(
    Entry(
        key="surveys.response",
        label=_("Antwoorden op vragenlijsten"),
        model=SurveyResponse,
        person=None,
        find=by_answer,
        fields=("form_data",),
        labels={"form_data": _("je antwoorden")},
        export_also=("page", "submit_time", "region"),
        purpose=_("De uitkomsten van een vragenlijst van het netwerk samenvatten."),
        legal_basis="consent",
        erase="delete",
        retention=(
            Rule(
                key="survey_responses",
                description=_("Per vragenlijst ingesteld, standaard 2 jaar na het invullen"),
                days=730,
                due=expired,
                action="delete",
            ),
        ),
    ),
)

not_personal(
    "surveys.SurveyPage", "surveys.SurveyQuestion",
    why="Vragenlijsten van de redactie.",
)  # fmt: skip
