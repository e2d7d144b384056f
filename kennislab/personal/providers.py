"""What one e-mail address has at Kennislab, per kind of record: one `Provider` per kind.

A provider knows three things about its kind, and nothing about the overview page:

* `records(key)`: every record of the address `key` (see `address_key`), as a queryset on that
  app's model, matched case-insensitively. Issue 13 (export and erase) starts from here too.
* `entry(record)`: what the overview shows — a title, the status label and a few dates.
* `open(record)`: for kinds with a private page of their own, a fresh private link to it (a path),
  minted the way that app mints one; the record's earlier link stops working, as with the app's
  own link requests. `can_open(record)` says whether that page still works (an event
  registration's page expires 30 days after the event, for example). Kinds without a private page
  (practice stories, questions, interest registrations, watching back) have no `open`.

The callers (services.py) always filter through `records(key)`, so no route can reach a record of
another address. Querysets here join nothing: `open` locks the row with select_for_update.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kennislab.campaigns import activities as campaign_activities
from kennislab.campaigns import services as campaign_services
from kennislab.campaigns.models import Activity, RecordingAccess, Registration
from kennislab.challenge.models import Participant
from kennislab.core.dates import dutch_date
from kennislab.core.display import moment
from kennislab.core.tokens import new_token
from kennislab.network import services as network_services
from kennislab.network.models import Pledge, Story
from kennislab.newsletter import models as newsletter_models
from kennislab.newsletter import services as newsletter_services
from kennislab.newsletter.models import Subscriber
from kennislab.questions.models import InterestRegistration, Question
from kennislab.vignet import services as vignet_services
from kennislab.vignet.models import Application as VignetApplication
from kennislab.vignet.models import Vignet
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.models import Application as VoucherApplication


def address_key(email: str) -> str:
    """The form in which an address is compared: stripped, lower case (as the apps that store an
    `email_key` do)."""
    return (email or "").strip().lower()


@dataclass(frozen=True)
class Entry:
    """One line of the overview: a record as its owner reads it."""

    kind: str
    pk: int
    title: str
    status: str
    facts: tuple[tuple[str, str], ...] = ()  # (label, Dutch text): dates, reference, place
    can_open: bool = False  # set by Provider.entries: the kind has a page and it still works
    note: str = ""  # a sentence about what the person can do (or why not)


@dataclass(frozen=True)
class Provider:
    kind: str  # in the URL of the open route: Dutch, stable
    label: object  # the section's heading (lazy translation)
    records: Callable[[str], models.QuerySet]
    entry: Callable[[models.Model], Entry]
    open: Callable[[models.Model], str] | None = None
    can_open: Callable[[models.Model], bool] = lambda record: True
    related: tuple[str, ...] = ()  # select_related for the listing (never for the lock)

    def entries(self, key: str) -> list[Entry]:
        found = self.records(key)
        if self.related:
            found = found.select_related(*self.related)
        return [replace(self.entry(record), can_open=self.openable(record))
                for record in found.order_by("-pk")]  # fmt: skip

    def openable(self, record) -> bool:
        return self.open is not None and self.can_open(record)


def by_email(model) -> Callable[[str], models.QuerySet]:
    """Records whose `email` equals the key, ignoring case (iexact escapes % and _)."""
    return lambda key: model.objects.filter(email__iexact=key) if key else model.objects.none()


def by_email_key(model, **extra) -> Callable[[str], models.QuerySet]:
    """Records of apps that store the normalised address in `email_key`."""
    return lambda key: model.objects.filter(email_key=key, **extra) if key else model.objects.none()


def day(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return dutch_date(value)


def facts(*pairs) -> tuple[tuple[str, str], ...]:
    """(label, text) pairs with the empty ones left out."""
    return tuple((str(label), str(text)) for label, text in pairs if text)


def path_of(url: str) -> str:
    """The path of an absolute link an app's service made for an e-mail."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def mint(record, path_name: str, expires_at: datetime) -> str:
    """A fresh private link for `record` as its app makes one (a new token, only its hash kept,
    the app's expiry); the previous link stops working. The path of the new link."""
    token, record.token_hash = new_token()
    record.token_expires_at = expires_at
    record.save(update_fields=["token_hash", "token_expires_at"])
    return reverse(path_name, args=[token])


# --- knowledge vouchers ---------------------------------------------------------------------------


def voucher_entry(application: VoucherApplication) -> Entry:
    status = application.get_status_display()
    if application.position:
        status = _("%(status)s (plaats %(position)s)") % {
            "status": status, "position": application.position}  # fmt: skip
    return Entry(
        kind="kennisvoucher",
        pk=application.pk,
        title=f"{application.example.title} – {application.organisation}",
        status=status,
        facts=facts(
            (_("Kenmerk"), application.reference),
            (_("Regeling"), application.scheme.title),
            (_("Ontvangen"), day(application.received_at)),
            (_("Besluit"), day(application.decided_at)),
        ),
    )


def open_voucher(application: VoucherApplication) -> str:
    expires = timezone.now() + timedelta(days=voucher_services.TOKEN_DAYS)
    return mint(application, "vouchers:application", expires)


# --- the vignet: applications and awarded vignets -------------------------------------------------


def vignet_application_entry(application: VignetApplication) -> Entry:
    kind = _("Verlenging") if application.renewal_of_id else _("Aanvraag")
    return Entry(
        kind="vignetaanvraag",
        pk=application.pk,
        title=f"{kind}: {application.organisation}",
        status=application.get_status_display(),
        facts=facts(
            (_("Kenmerk"), application.reference),
            (_("Begonnen"), day(application.created_at)),
            (_("Laatst bewaard"), day(application.updated_at)),
            (_("Ingediend"), day(application.submitted_at)),
            (_("Besluit"), day(application.decided_at)),
        ),
    )


def open_vignet_application(application: VignetApplication) -> str:
    expires = timezone.now() + timedelta(days=vignet_services.DRAFT_LINK_DAYS)
    return mint(application, "vignet:draft", expires)


VIGNET_STATES = {
    "valid": gettext_lazy("Geldig"),
    "expired": gettext_lazy("Verlopen"),
    "revoked": gettext_lazy("Ingetrokken"),
}


def vignet_entry(vignet: Vignet) -> Entry:
    return Entry(
        kind="vignet",
        pk=vignet.pk,
        title=vignet.organisation,
        status=str(VIGNET_STATES[vignet.state()]),
        facts=facts(
            (_("Toegekend"), day(vignet.awarded_on)),
            (_("Geldig tot en met"), day(vignet.valid_until)),
            (_("Ingetrokken"), day(vignet.revoked_at)),
        ),
    )


def open_vignet(vignet: Vignet) -> str:
    return path_of(vignet_services.holder_link(vignet))  # saves the new hash itself


# --- events: registrations and watching back ------------------------------------------------------


def registration_expiry(registration: Registration) -> datetime:
    return registration.event.ends_at + timedelta(days=campaign_services.TOKEN_DAYS_AFTER_EVENT)


def registration_open(registration: Registration) -> bool:
    return registration_expiry(registration) > timezone.now()


def registration_entry(registration: Registration) -> Entry:
    status = registration.get_status_display()
    if registration.position:
        status = _("%(status)s (plaats %(position)s)") % {
            "status": status, "position": registration.position}  # fmt: skip
    can_open = registration_open(registration)
    return Entry(
        kind="aanmelding",
        pk=registration.pk,
        title=registration.event.title,
        status=status,
        facts=facts(
            (_("Wanneer"), moment(registration.event.starts_at)),
            (_("Aangemeld"), day(registration.created_at)),
        ),
        note=""
        if can_open
        else _("De pagina van deze aanmelding is niet meer beschikbaar: het evenement is voorbij."),
    )


def open_registration(registration: Registration) -> str:
    return mint(registration, "campaigns:registration", registration_expiry(registration))


def recording_entry(access: RecordingAccess) -> Entry:
    return Entry(
        kind="terugkijken",
        pk=access.pk,
        title=access.event.title,
        status=_("Aangemeld om terug te kijken"),
        facts=facts((_("Aangemeld"), day(access.created_at))),
        note=_("Terugkijken doe je op de pagina van het evenement."),
    )


# --- relay campaigns ------------------------------------------------------------------------------


def activity_open(activity: Activity) -> bool:
    return campaign_activities._expiry(activity.campaign) > timezone.now()


def activity_entry(activity: Activity) -> Entry:
    can_open = activity_open(activity)
    note = ""
    if not can_open:
        note = _("De pagina van deze activiteit is niet meer beschikbaar: de campagne is voorbij.")
    elif not activity.complete and activity.status not in ("rejected", "withdrawn"):
        note = _("Nog niet compleet: vul de ontbrekende gegevens aan via Openen.")
    return Entry(
        kind="activiteit",
        pk=activity.pk,
        title=activity.title,
        status=activity.get_status_display(),
        facts=facts(
            (_("Campagne"), activity.campaign.title),
            (_("Organisatie"), activity.organiser),
            (_("Datum"), day(activity.date)),
            (_("Aangemeld"), day(activity.created_at)),
        ),
        note=note,
    )


def open_activity(activity: Activity) -> str:
    url = campaign_activities._fresh_link(activity)  # the app's own mechanism; saves nothing
    activity.save(update_fields=["token_hash", "token_expires_at"])
    return path_of(url)


# --- the 30-day challenge -------------------------------------------------------------------------


def participant_open(participant: Participant) -> bool:
    return participant.page.links_expire_at() > timezone.now()


def participant_entry(participant: Participant) -> Entry:
    can_open = participant_open(participant)
    return Entry(
        kind="uitdaging",
        pk=participant.pk,
        title=participant.page.title,
        status=participant.get_status_display(),
        facts=facts(
            (_("Thema"), participant.get_theme_display()),
            (_("Team"), participant.team.name if participant.team_id else ""),
            (_("Aangemeld"), day(participant.created_at)),
        ),
        note=""
        if can_open
        else _("De pagina van deze deelname is niet meer beschikbaar: de uitdaging is voorbij."),
    )


def open_participant(participant: Participant) -> str:
    return mint(participant, "challenge:participant", participant.page.links_expire_at())


# --- pledges and practice stories -----------------------------------------------------------------


def pledge_entry(pledge: Pledge) -> Entry:
    return Entry(
        kind="pledge",
        pk=pledge.pk,
        title=pledge.organisation,
        status=pledge.get_status_display(),
        facts=facts(
            (_("Getekend"), day(pledge.created_at)),
            (_("Op de pledgemuur sinds"), day(pledge.approved_at)),
        ),
    )


def open_pledge(pledge: Pledge) -> str:
    url = network_services._fresh_link(pledge)  # the app's own mechanism; saves nothing
    pledge.save(update_fields=["token_hash", "token_expires_at"])
    return path_of(url)


def story_entry(story: Story) -> Entry:
    return Entry(
        kind="praktijkverhaal",
        pk=story.pk,
        title=story.title,
        status=story.get_status_display(),
        facts=facts((_("Ingestuurd"), day(story.created_at))),
        note=_(
            "Een praktijkverhaal heeft geen eigen pagina; je hoort per e-mail wat ermee gebeurt."
        ),
    )


# --- questions and interest registrations ---------------------------------------------------------


def question_entry(question: Question) -> Entry:
    return Entry(
        kind="vraag",
        pk=question.pk,
        title=_("Vraag %(reference)s over %(theme)s")
        % {"reference": question.reference, "theme": question.theme.name},
        status=question.get_status_display(),
        facts=facts((_("Gesteld"), day(question.created_at))),
        note=_("Het antwoord krijg je per e-mail."),
    )


def interest_entry(registration: InterestRegistration) -> Entry:
    return Entry(
        kind="interesse",
        pk=registration.pk,
        title=registration.community.name,
        status=registration.get_status_display(),
        facts=facts((_("Aangemeld"), day(registration.created_at))),
    )


# --- the newsletter -------------------------------------------------------------------------------


def subscriber_entry(subscriber: Subscriber) -> Entry:
    pending = subscriber.status == newsletter_models.Status.PENDING
    return Entry(
        kind="nieuwsbrief",
        pk=subscriber.pk,
        title=_("Je aanmelding voor de nieuwsbrief"),
        status=subscriber.get_status_display(),
        facts=facts(
            (_("Thema's"), subscriber.theme_names()),
            (_("Aangemeld"), day(subscriber.created_at)),
            (_("Bevestigd"), day(subscriber.confirmed_at)),
        ),
        note=_("Bevestig je aanmelding via Openen.") if pending else "",
    )


def open_subscriber(subscriber: Subscriber) -> str:
    """As newsletter.services.send_link: a pending sign-up gets a confirmation link (and lives
    PENDING_DAYS more), a subscriber a link to the preferences — without the e-mail."""
    pending = subscriber.status == newsletter_models.Status.PENDING
    days = newsletter_models.PENDING_DAYS if pending else newsletter_models.LINK_DAYS
    token = newsletter_services._new_link(subscriber, days)  # the app's own mechanism
    subscriber.save(update_fields=["token_hash", "token_expires_at"])
    return reverse("newsletter:preferences", args=[token])


# --- every kind, in the order of the page ---------------------------------------------------------

PROVIDERS: tuple[Provider, ...] = (
    Provider("kennisvoucher", gettext_lazy("Kennisvouchers"), by_email(VoucherApplication),
             voucher_entry, open_voucher, related=("scheme", "example")),
    Provider("vignetaanvraag", gettext_lazy("Aanvragen voor het Vignet Vitaal Bedrijf"),
             by_email(VignetApplication), vignet_application_entry, open_vignet_application),
    Provider("vignet", gettext_lazy("Vignetten"), by_email(Vignet), vignet_entry, open_vignet),
    Provider("aanmelding", gettext_lazy("Aanmeldingen voor evenementen"),
             by_email_key(Registration), registration_entry, open_registration,
             can_open=registration_open, related=("event",)),
    Provider("terugkijken", gettext_lazy("Webinars terugkijken"), by_email(RecordingAccess),
             recording_entry, related=("event",)),
    Provider("activiteit", gettext_lazy("Activiteiten in een estafettecampagne"),
             by_email(Activity), activity_entry, open_activity, can_open=activity_open,
             related=("campaign",)),
    Provider("uitdaging", gettext_lazy("30DagenGezonder"), by_email_key(Participant),
             participant_entry, open_participant, can_open=participant_open,
             related=("page", "team")),
    Provider("pledge", gettext_lazy("Pledges"), by_email(Pledge), pledge_entry, open_pledge),
    Provider("praktijkverhaal", gettext_lazy("Praktijkverhalen"), by_email(Story), story_entry),
    Provider("vraag", gettext_lazy("Vragen aan een netwerkadviseur"), by_email(Question),
             question_entry, related=("theme",)),
    Provider("interesse", gettext_lazy("Interesse in een leergemeenschap"),
             by_email(InterestRegistration), interest_entry, related=("community",)),
    Provider("nieuwsbrief", gettext_lazy("Nieuwsbrief"),
             by_email_key(Subscriber, status__in=[newsletter_models.Status.PENDING,
                                                  newsletter_models.Status.CONFIRMED]),
             subscriber_entry, open_subscriber),
)  # fmt: skip

BY_KIND = {provider.kind: provider for provider in PROVIDERS}
