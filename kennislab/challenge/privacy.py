"""The 30-day challenge in the privacy register. Goals say something about health: special
category data (AVG art. 9), kept only with explicit consent and removed soonest."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import Participant, Team
from .rules import CHALLENGE_DAYS


def ended_before(cutoff):
    """Editions whose day 30 (starts_on + 29 days) lies before the cutoff's Dutch date."""
    return timezone.localdate(cutoff) - timedelta(days=CHALLENGE_DAYS - 1)


register(
    Entry(
        key="challenge.participant",
        label=_("Deelnemers aan de 30-dagenuitdaging"),
        model=Participant,
        fields=("name", "email", "goal"),
        derived=(
            "email_key",
            "token_hash",
            "unsubscribe_seed",
            "unsubscribe_hash",
            "old_unsubscribe_hash",
        ),
        export_also=(
            "page",
            "status",
            "theme",
            "participation",
            "team",
            "created_at",
            "confirmed_at",
            "province",
            "consent_text",
            "impact_consent",
        ),
        purpose=_(
            "Je 30 dagen lang steunberichten sturen bij je doel en je voortgang bijhouden. Je doel "
            "zegt iets over je gezondheid: we vragen daar uitdrukkelijk toestemming voor."
        ),
        legal_basis="consent",
        special=True,
        retention=(
            Rule(
                key="challenge_participants",
                description=_("30 dagen na de laatste dag van de uitdaging (de aantallen blijven)"),
                days=30,
                due=lambda cutoff, now: Participant.objects.filter(
                    page__starts_on__lt=ended_before(cutoff)
                ),
            ),
        ),
    ),
    Entry(
        key="challenge.team",
        label=_("Teams van de 30-dagenuitdaging"),
        model=Team,
        person=None,
        fields=("name",),
        purpose=_("Deelnemers samen laten meedoen onder een teamnaam."),
        legal_basis="consent",
        retention=(
            Rule(
                key="challenge_teams",
                description=_("Teamnamen: 30 dagen na de laatste dag van de uitdaging"),
                days=30,
                due=lambda cutoff, now: Team.objects.filter(
                    page__starts_on__lt=ended_before(cutoff)
                ).exclude(name=""),
            ),
        ),
    ),
)

not_personal(
    "challenge.ChallengePage", "challenge.ChallengeMaterial", "challenge.SupportMessage",
    "challenge.CheckIn", "challenge.SentMessage",
    why="Pagina's en berichten van de redactie; afvinken en verzonden berichten zonder tekst.",
)  # fmt: skip
