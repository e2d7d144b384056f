"""Knowledge vouchers in the privacy register (kennislab/privacy/register.py)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.core.dates import dutch_date
from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import Application, GoodExamplePage, Status

DECIDED = (Status.GRANTED, Status.CONFIRMED)
ACCOUNTABILITY_DAYS = 7 * 365 + 2  # seven years, leap days included


def hold(application) -> object | None:
    """A granted voucher is accounted for until seven years after its scheme closed."""
    if application.status in DECIDED:
        until = application.scheme.closes_at + timezone.timedelta(days=ACCOUNTABILITY_DAYS)
        return _(
            "Een toegekende voucher moet verantwoord kunnen worden (subsidieverantwoording): de "
            "organisatie en de aanvraag blijven bewaard tot %(date)s, de contactpersoon niet."
        ) % {"date": dutch_date(timezone.localtime(until).date())}
    return None


def pending(application) -> object | None:
    if application.status in (Status.WAITING, Status.GRANTED):
        return _("De aanvraag wacht nog op een besluit: eerst intrekken of besluiten.")
    return None


register(
    Entry(
        key="vouchers.application",
        label=_("Aanvragen voor een kennisvoucher"),
        model=Application,
        fields=(
            "organisation",
            "region",
            "contact_name",
            "email",
            "phone",
            "motivation",
            "own_contribution",
            "decision_note",
        ),
        contact=("contact_name", "email", "phone"),
        derived=("organisation_key", "token_hash"),
        export_also=(
            "reference",
            "scheme",
            "example",
            "status",
            "received_at",
            "decided_at",
            "amount",
            "province",
            "consent_text",
            "impact_consent",
        ),
        purpose=_(
            "Je aanvraag voor een kennisvoucher beoordelen, je op de hoogte houden en de voucher "
            "verantwoorden aan de subsidiegever."
        ),
        legal_basis="public_task",
        recipients=_("De expert van het goede voorbeeld dat je kiest, na toekenning."),
        retention=(
            Rule(
                key="vouchers_granted",
                description=_("Toegekende aanvragen: 7 jaar na het sluiten van de regeling"),
                days=ACCOUNTABILITY_DAYS,
                due=lambda cutoff, now: Application.objects.filter(
                    status__in=DECIDED, scheme__closes_at__lt=cutoff
                ),
            ),
            Rule(
                key="vouchers_not_granted",
                description=_("Afgewezen en ingetrokken aanvragen: 1 jaar na het besluit"),
                days=365,
                due=lambda cutoff, now: Application.objects.filter(
                    Q(decided_at__lt=cutoff) | Q(decided_at__isnull=True, received_at__lt=cutoff),
                    status__in=(Status.REJECTED, Status.WITHDRAWN),
                ),
            ),
            Rule(
                key="vouchers_waiting",
                description=_(
                    "Aanvragen die op de wachtlijst bleven: 1 jaar na het sluiten van de regeling"
                ),
                days=365,
                due=lambda cutoff, now: Application.objects.filter(
                    status=Status.WAITING, scheme__closes_at__lt=cutoff
                ),
            ),
        ),
        hold=hold,
        pending=pending,
        scrub=(("events", ("note",)),),
    )
)

register(
    Entry(
        key="vouchers.expert",
        label=_("Experts van goede voorbeelden"),
        model=GoodExamplePage,
        person="expert_email",
        fields=(
            "expert_name",
            "expert_role",
            "expert_organisation",
            "expert_email",
            "expert_phone",
        ),
        export_also=("title",),
        purpose=_("Aanvragers laten weten wie de expert van een goed voorbeeld is."),
        legal_basis="legitimate_interest",
        retention_text=_("Zolang het goede voorbeeld op de site staat."),
        pending=lambda page: _("Staat op een pagina van de site: de redactie past die aan."),
        from_public=False,
    )
)

not_personal(
    "vouchers.Scheme", "vouchers.VoucherIndexPage", "vouchers.VoucherSchemePage",
    why="Regelingen en pagina's van de redactie.",
)  # fmt: skip
not_personal("vouchers.ApplicationEvent", why="Logboek; notities worden bij wissen opgeschoond.")
