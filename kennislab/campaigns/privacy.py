"""Events, watching back and the relay campaign in the privacy register."""

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .models import Activity, ActivityStatus, RecordingAccess, Registration


def registration_pending(registration) -> object | None:
    if registration.status != "cancelled" and registration.event.starts_at > timezone.now():
        return _("De activiteit moet nog komen: meld je eerst af met de link uit je bevestiging.")
    return None


def activity_hold(activity) -> object | None:
    if activity.status == ActivityStatus.APPROVED:
        return _(
            "De activiteit staat in de openbare agenda van de campagne: de organisator en de "
            "beschrijving blijven staan, de contactpersoon niet."
        )
    return None


def activities_past(cutoff, now):
    """Activities held before the cutoff's date; those without a date once their campaign's last
    week ended."""
    day = timezone.localdate(cutoff)
    return Activity.objects.annotate(last_day=Max("campaign__regions__ends_on")).filter(
        Q(date__lt=day) | Q(date__isnull=True, last_day__lt=day)
    )


register(
    Entry(
        key="campaigns.registration",
        label=_("Aanmeldingen voor bijeenkomsten en webinars"),
        model=Registration,
        fields=("name", "email", "organisation", "dietary", "access_needs"),
        derived=("email_key", "token_hash"),
        export_also=("event", "status", "created_at", "consent_text"),
        purpose=_(
            "Je plaats reserveren, je vooraf en achteraf informeren en rekening houden met je "
            "dieetwensen en toegankelijkheidsbehoeften."
        ),
        legal_basis="consent",
        retention=(
            Rule(
                key="event_registrations",
                description=_("3 maanden na de bijeenkomst (het aantal deelnemers blijft)"),
                days=91,
                due=lambda cutoff, now: Registration.objects.filter(event__starts_at__lt=cutoff),
            ),
        ),
        pending=registration_pending,
        scrub=(("events", ("note",)),),
    ),
    Entry(
        key="campaigns.recording_access",
        label=_("Aanvragen om een webinar terug te kijken"),
        model=RecordingAccess,
        fields=("email",),
        export_also=("event", "created_at", "consent_text"),
        purpose=_("Je de link sturen om een webinar terug te kijken."),
        legal_basis="consent",
        erase="delete",
        retention=(
            Rule(
                key="recording_access",
                description=_("12 maanden na je aanvraag"),
                days=365,
                due=lambda cutoff, now: RecordingAccess.objects.filter(created_at__lt=cutoff),
                action="delete",
            ),
        ),
    ),
    Entry(
        key="campaigns.activity",
        label=_("Aangemelde activiteiten voor een campagne"),
        model=Activity,
        fields=("organiser", "contact_name", "email", "phone", "description", "editor_note"),
        contact=("contact_name", "email", "phone"),
        derived=("token_hash",),
        export_also=(
            "campaign",
            "title",
            "status",
            "date",
            "location",
            "created_at",
            "consent_text",
        ),
        purpose=_(
            "Je activiteit in de agenda van de campagne zetten en contact met je houden over de "
            "activiteit."
        ),
        legal_basis="consent",
        recipients=_("De organisator, de titel en de beschrijving staan openbaar in de agenda."),
        retention=(
            Rule(
                key="relay_organisers",
                description=_("Gegevens van de contactpersoon: 3 maanden na de activiteit"),
                days=91,
                due=activities_past,
                action="contact",
            ),
        ),
        hold=activity_hold,
        scrub=(("events", ("note",)),),
    ),
)

not_personal(
    "campaigns.AgendaPage", "campaigns.EventPage", "campaigns.RelayCampaignPage",
    "campaigns.CampaignRegion",
    why="Pagina's en instellingen van de redactie (contactadressen zijn die van het netwerk).",
)  # fmt: skip
not_personal(
    "campaigns.RegistrationEvent", "campaigns.ActivityEvent",
    why="Logboeken; notities worden bij wissen opgeschoond.",
)  # fmt: skip
