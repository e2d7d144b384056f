"""Questions to the network advisers and interest in learning communities in the register."""

from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import InterestRegistration, Question, QuestionStatus

register(
    Entry(
        key="questions.question",
        label=_("Vragen aan de netwerkadviseurs"),
        model=Question,
        fields=("name", "email", "organisation", "phone", "question", "answer"),
        export_also=("theme", "status", "created_at", "updated_at", "consent_text"),
        purpose=_("Je vraag beantwoorden door de netwerkadviseur van het thema."),
        legal_basis="consent",
        retention=(
            Rule(
                key="questions",
                description=_("1 jaar na het antwoord"),
                days=365,
                due=lambda cutoff, now: Question.objects.filter(
                    status__in=(QuestionStatus.ANSWERED, QuestionStatus.CLOSED),
                    updated_at__lt=cutoff,
                ),
            ),
        ),
        scrub=(("events", ("note",)),),
    ),
    Entry(
        key="questions.interest",
        label=_("Interesse in een leergemeenschap"),
        model=InterestRegistration,
        fields=("name", "email", "organisation", "role", "motivation", "note"),
        export_also=("community", "status", "created_at", "consent_text"),
        purpose=_("Contact met je opnemen over deelname aan een leergemeenschap."),
        legal_basis="consent",
        retention=(
            Rule(
                key="interest",
                description=_("1 jaar na je aanmelding"),
                days=365,
                due=lambda cutoff, now: InterestRegistration.objects.filter(created_at__lt=cutoff),
            ),
        ),
        scrub=(("events", ("note",)),),
    ),
)

not_personal(
    "questions.AdviserRoute", "questions.LearningCommunity",
    why="Instellingen van de redactie.",
)  # fmt: skip
not_personal(
    "questions.QuestionEvent", "questions.InterestEvent",
    why="Logboeken; notities worden bij wissen opgeschoond.",
)  # fmt: skip
