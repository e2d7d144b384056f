"""Pledges and practice stories in the privacy register."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import Pledge, PledgeStatus, PledgeUpdate, Story, UpdateStatus


def pledge_hold(pledge) -> object | None:
    if pledge.status == PledgeStatus.APPROVED:
        return _(
            "De pledge staat op de openbare pledgemuur: de organisatie en de beloften blijven "
            "staan tot de redactie ze weghaalt, de contactpersoon niet."
        )
    return None


def update_hold(update) -> object | None:
    if update.status == UpdateStatus.APPROVED and update.pledge.status == PledgeStatus.APPROVED:
        return _("De voortgang staat openbaar bij de pledge.")
    return None


register(
    Entry(
        key="network.pledge",
        label=_("Pledges"),
        model=Pledge,
        fields=(
            "organisation",
            "contact_name",
            "email",
            "phone",
            "partners",
            "commitments",
            "editor_note",
        ),
        contact=("contact_name", "email", "phone"),
        derived=("token_hash", "slug"),
        export_also=("status", "province", "created_at", "approved_at", "consent_text"),
        purpose=_(
            "Je pledge op de pledgemuur zetten en contact met je houden over je beloften en je "
            "voortgang."
        ),
        legal_basis="consent",
        recipients=_("De organisatie, de partners en de beloften staan openbaar op de pledgemuur."),
        retention=(
            Rule(
                key="pledges",
                description=_(
                    "Pledges die niet (meer) op de pledgemuur staan: 1 jaar na de laatste wijziging"
                ),
                days=365,
                due=lambda cutoff, now: Pledge.objects.filter(updated_at__lt=cutoff).exclude(
                    status=PledgeStatus.APPROVED
                ),
            ),
        ),
        hold=pledge_hold,
        scrub=(("events", ("note",)),),
    ),
    Entry(
        key="network.pledge_update",
        label=_("Voortgang bij pledges"),
        model=PledgeUpdate,
        person="pledge__email",
        fields=("text", "editor_note"),
        export_also=("status", "happened_on", "created_at"),
        purpose=_("Laten zien wat een pledge heeft opgeleverd."),
        legal_basis="consent",
        retention=(
            Rule(
                key="pledge_updates",
                description=_("Met de pledge: 1 jaar nadat die niet meer op de pledgemuur staat"),
                days=365,
                due=lambda cutoff, now: PledgeUpdate.objects.filter(
                    pledge__updated_at__lt=cutoff
                ).exclude(Q(pledge__status=PledgeStatus.APPROVED) | Q(text="")),
            ),
        ),
        hold=update_hold,
    ),
    Entry(
        key="network.story",
        label=_("Ingestuurde praktijkverhalen"),
        model=Story,
        fields=(
            "title",
            "summary",
            "what_was_done",
            "what_worked",
            "lessons",
            "contact_name",
            "email",
            "organisation",
            "attachment",
            "attachment_name",
            "editor_note",
        ),
        files=("attachment",),
        export_also=("status", "created_at", "name_public", "consent_text"),
        purpose=_("Je praktijkverhaal beoordelen en er samen met je een artikel van maken."),
        legal_basis="consent",
        retention=(
            Rule(
                key="stories",
                description=_("2 jaar na het insturen (een gepubliceerd artikel blijft staan)"),
                days=730,
                due=lambda cutoff, now: Story.objects.filter(created_at__lt=cutoff),
            ),
        ),
        scrub=(("events", ("note",)),),
    ),
)

not_personal(
    "network.PledgeEvent", "network.StoryEvent",
    why="Logboeken; notities worden bij wissen opgeschoond.",
)  # fmt: skip
not_personal(
    "network.PledgeLink",
    why="Welk record (voucher, vignet, activiteit, evenement, praktijkverhaal) de redactie bij "
    "een pledge zette: alleen soort en nummer, en de medewerker die besloot.",
)
