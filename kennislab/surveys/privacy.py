"""Survey responses and impact invitations in the privacy register. Answers are anonymous unless
a survey asks for an e-mail address (then the person is found by that answer) or they came in
through an impact invitation (then by the address of the voucher application or challenge
participant it was sent to)."""

from datetime import timedelta

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import ImpactInvitation, SurveyPage, SurveyResponse


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


def invitations_of(address: str):
    """The impact invitations sent to the address (as a voucher applicant or participant)."""
    if not address:
        return ImpactInvitation.objects.none()
    return ImpactInvitation.objects.filter(
        Q(application__email__iexact=address) | Q(participant__email__iexact=address)
    )


def responses_of(address: str):
    """Responses with the address as an answer, and responses to the address's invitations."""
    if not address:
        return SurveyResponse.objects.none()
    pks = set(by_answer(address).values_list("pk", flat=True))
    pks |= set(invitations_of(address).exclude(response=None).values_list("response_id", flat=True))
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
        find=responses_of,
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

register(
    Entry(
        key="surveys.impact_invitation",
        label=_("Uitnodigingen voor de vragenlijst over het effect"),
        model=ImpactInvitation,
        person=None,
        find=invitations_of,
        fields=("quote_consent",),
        labels={"quote_consent": _("of we je antwoord mogen citeren")},
        derived=("key_seed", "key_hash"),
        export_also=(
            "page",
            "kind",
            "sent_at",
            "expires_at",
            "reminded_at",
            "declined_at",
            "responded_at",
            "quote_shown",
        ),
        purpose=_(
            "Je één keer uitnodigen voor een korte vragenlijst over het effect van je "
            "kennisvoucher of van je deelname aan de 30-dagenuitdaging, en je hoogstens één keer "
            "herinneren. Alleen als je daar bij je aanvraag of aanmelding om vroeg."
        ),
        legal_basis="consent",
        erase="anonymise",
        retention_text=_(
            "Zo lang als je aanvraag of deelname; daarna is niet meer te zien aan wie de "
            "uitnodiging ging. Dat er een uitnodiging was, houden we bij: zo krijg je er nooit "
            "twee."
        ),
    ),
)

not_personal(
    "surveys.SurveyPage", "surveys.SurveyQuestion",
    why="Vragenlijsten van de redactie.",
)  # fmt: skip
