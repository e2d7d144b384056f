"""The company vitality vignet in the privacy register: applications, their evidence and the
vignets in the public register."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.core.dates import dutch_date
from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import Application, Evidence, Status, Vignet

VALID_DAYS = 2 * 365 + 1  # a vignet is valid two years
IN_PROGRESS = (Status.SUBMITTED, Status.IN_ASSESSMENT, Status.MORE_INFO)


def application_pending(application) -> object | None:
    if application.status in IN_PROGRESS:
        return _("De aanvraag wordt beoordeeld: eerst besluiten of de aanvraag intrekken.")
    return None


def application_hold(application) -> object | None:
    if application.status == Status.AWARDED:
        return _(
            "De aanvraag is de onderbouwing van een toegekend vignet: de organisatie en de "
            "beoordeling blijven bewaard tot 1 jaar na het verlopen van het vignet, de "
            "contactpersoon niet."
        )
    return None


def evidence_hold(evidence) -> object | None:
    application = evidence.application
    if application.status == Status.AWARDED and application.decided_at:
        until = timezone.localtime(application.decided_at).date() + timedelta(days=365)
        return _("Bewijsstukken van een toegekend vignet blijven tot %(date)s bewaard.") % {
            "date": dutch_date(until)
        }
    return None


def vignet_hold(vignet) -> object | None:
    if vignet.revoked_at is None and vignet.valid_until >= timezone.localdate():
        return _(
            "Het vignet staat tot en met %(date)s in het openbare register: de organisatie blijft "
            "daar staan, de contactpersoon niet."
        ) % {"date": dutch_date(vignet.valid_until)}
    return None


def awarded_expired(cutoff, now):
    """Awarded applications whose vignet expired before the cutoff: a vignet's latest
    application once the vignet expired, and earlier ones — a renewal moves the vignet to the
    new application — once their own validity (two years from the decision) ended."""
    day = timezone.localdate(cutoff)
    pointed_at = Vignet.objects.values("application_id")
    expired = Vignet.objects.filter(valid_until__lt=day).values("application_id")
    superseded = Q(decided_at__lt=cutoff - timedelta(days=VALID_DAYS)) & ~Q(pk__in=pointed_at)
    return Application.objects.filter(Q(pk__in=expired) | superseded, status=Status.AWARDED)


register(
    Entry(
        key="vignet.application",
        label=_("Aanvragen voor het vignet"),
        model=Application,
        fields=(
            "organisation",
            "place",
            "contact_name",
            "email",
            "phone",
            "guidance_name",
            "guidance_organisation",
            "guidance_description",
            "decision_note",
        ),
        contact=("contact_name", "email", "phone"),
        derived=("token_hash",),
        export_also=(
            "reference",
            "status",
            "created_at",
            "submitted_at",
            "decided_at",
            "target_group_size",
            "province",
            "baseline_date",
            "baseline_participants",
            "verdict",
            "consent_text",
        ),
        purpose=_("Je aanvraag voor het vignet beoordelen en je over het besluit informeren."),
        legal_basis="public_task",
        recipients=_(
            "Voeg je een team van 30DagenGezonder toe, dan ziet de teamcaptain van dat team de "
            "naam van je organisatie."
        ),
        retention=(
            Rule(
                key="vignet_not_awarded",
                description=_("Niet toegekende aanvragen: 1 jaar na het besluit"),
                days=365,
                due=lambda cutoff, now: Application.objects.filter(
                    status=Status.REJECTED, decided_at__lt=cutoff
                ),
            ),
            Rule(
                key="vignet_drafts",
                description=_("Nooit ingediende concepten: 1 jaar na de laatste wijziging"),
                days=365,
                due=lambda cutoff, now: Application.objects.filter(
                    status=Status.DRAFT, updated_at__lt=cutoff
                ),
            ),
            Rule(
                key="vignet_awarded_contact",
                description=_(
                    "Toegekende aanvragen: de contactpersoon 1 jaar na het verlopen van het vignet"
                ),
                days=365,
                due=awarded_expired,
                action="contact",
            ),
        ),
        hold=application_hold,
        pending=application_pending,
        scrub=(("events", ("note",)),),
    ),
    Entry(
        key="vignet.evidence",
        label=_("Bewijsstukken bij vignetaanvragen"),
        model=Evidence,
        person="application__email",
        fields=("file", "name"),
        files=("file",),
        export_also=("uploaded_at", "size"),
        purpose=_("De aanvraag voor het vignet beoordelen."),
        legal_basis="public_task",
        erase="delete",
        retention=(
            Rule(
                key="vignet_evidence",
                description=_(
                    "1 jaar na het besluit over de aanvraag (toegekend of niet); bij nooit "
                    "ingediende concepten 1 jaar na de laatste wijziging"
                ),
                days=365,
                due=lambda cutoff, now: Evidence.objects.filter(
                    Q(
                        application__status__in=(Status.AWARDED, Status.REJECTED),
                        application__decided_at__lt=cutoff,
                    )
                    | Q(application__status=Status.DRAFT, application__updated_at__lt=cutoff)
                ),
                action="delete",
            ),
        ),
        hold=evidence_hold,
        pending=lambda evidence: application_pending(evidence.application),
    ),
    Entry(
        key="vignet.vignet",
        label=_("Vignetten (openbaar register)"),
        model=Vignet,
        fields=("organisation", "place", "contact_name", "email", "revoked_reason"),
        contact=("contact_name", "email"),
        derived=("holder_token_hash",),
        export_also=(
            "province",
            "public_id",
            "first_awarded_on",
            "awarded_on",
            "valid_from",
            "valid_until",
            "revoked_at",
        ),
        purpose=_(
            "Het vignet in het openbare register tonen en je herinneren wanneer het verlengd moet "
            "worden."
        ),
        legal_basis="public_task",
        recipients=_("De organisatie en de plaats staan openbaar in het vignetregister."),
        retention=(
            Rule(
                key="vignet_holder_contact",
                description=_("De contactpersoon: 1 jaar na het verlopen van het vignet"),
                days=365,
                due=lambda cutoff, now: Vignet.objects.filter(
                    valid_until__lt=timezone.localdate(cutoff)
                ),
                action="contact",
            ),
        ),
        hold=vignet_hold,
    ),
)

not_personal("vignet.VignetPage", why="Pagina van de redactie.")
not_personal("vignet.Activity", why="Activiteiten van een organisatie, zonder personen.")
not_personal("vignet.Event", why="Logboek; notities worden bij wissen opgeschoond.")
not_personal(
    "vignet.TeamLink",
    why="Een team van 30DagenGezonder bij een aanvraag: de editie, de data en per thema het "
    "aantal teamleden met minstens 20 afgevinkte dagen. Geen namen of adressen: de teamnaam "
    "blijft bij de uitdaging, het adres van de teamcaptain wordt alleen gelezen om de vraag te "
    "sturen.",
)
