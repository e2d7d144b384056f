"""Applying the registration rules: signing up, cancelling, moving up from the waiting list.

Every change runs in one transaction that first locks the event's row (select_for_update: a row
lock on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at BEGIN), counts the
places taken, lets rules.py decide, and writes the registration, its audit event and its e-mail
together. So the capacity holds whatever the concurrency (tests/test_concurrency.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kennislab.core.dates import dutch_date
from kennislab.core.db import with_lock_retries
from kennislab.core.errors import Refused
from kennislab.core.mail import absolute, queue_email
from kennislab.core.siteurl import page_url
from kennislab.core.tokens import find_by_token, new_token
from kennislab.core.workflow import ensure_unchanged

from . import ics, rules
from .models import EventPage, Registration, RegistrationEvent, Status

TOKEN_DAYS_AFTER_EVENT = 30
PARTICIPANT = "deelnemer"
SYSTEM = "systeem"


@dataclass
class Places:
    capacity: int | None
    registered: int
    waiting: int

    @property
    def remaining(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.registered)

    @property
    def label(self) -> str:
        if self.capacity is None:
            return _("nog plaats")
        if self.remaining:
            return _("nog %(left)s van %(max)s plaatsen vrij") % {
                "left": self.remaining,
                "max": self.capacity,
            }
        return _("vol – wachtlijst")


def places(event: EventPage) -> Places:
    counts = Registration.objects.filter(event_id=event.pk).aggregate(
        registered=Count("id", filter=Q(status=Status.REGISTERED)),
        waiting=Count("id", filter=Q(status=Status.WAITING)),
    )
    return Places(event.capacity, counts["registered"], counts["waiting"])


def email_key(email: str) -> str:
    return email.strip().lower()


def closed_message(phase: str, registration: bool = True) -> str:
    if not registration:
        return _(
            "Voor dit evenement hoef je je niet aan te melden: je bent welkom zonder aanmelding."
        )
    if phase == "past":
        return _("Dit evenement is al begonnen of voorbij; aanmelden kan niet meer.")
    return _("Aanmelden voor dit evenement kan niet meer: de aanmeldtermijn is voorbij.")


@dataclass(frozen=True)
class SignUp:
    registration: Registration
    token: str  # the private link's token (fresh: an earlier link stops working)
    created: bool  # False: the address was registered already; nothing new was stored


def register(event_id: int, data: dict, consent_text: str) -> SignUp:
    """Register someone: confirmed while there is room, else on the waiting list. An address
    with an active registration for this event already is not registered twice: that
    registration gets a fresh private link by e-mail and nothing else changes, so the caller
    gives the same answer either way (nobody learns who is registered). Raises Refused when
    registration is closed."""
    return with_lock_retries(lambda: _register(event_id, data, consent_text))


def _register(event_id, data, consent_text):
    with transaction.atomic():
        event = EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)
        phase = event.phase()
        if phase != "open" or not event.registration:
            raise Refused(closed_message(phase, event.registration))
        key = email_key(data["email"])
        existing = _active(event, key)
        if existing is not None:  # every sign-up for this event waits for the lock: no race
            return _send_new_link(existing)
        taken = Registration.objects.filter(event_id=event.pk).aggregate(
            registered=Count("id", filter=Q(status=Status.REGISTERED)), last=Max("sequence")
        )
        status = rules.on_arrival(event.capacity, taken["registered"])
        token, hashed = new_token()
        try:
            with transaction.atomic():  # a duplicate rolls back this insert only
                registration = Registration.objects.create(
                    event=event,
                    sequence=(taken["last"] or 0) + 1,
                    status=status,
                    name=data["name"],
                    email=data["email"].strip(),
                    email_key=key,
                    organisation=data.get("organisation", ""),
                    # answered only where the event asks (the form has the field only then)
                    dietary=data.get("dietary", "") if event.ask_dietary else "",
                    access_needs=data.get("access_needs", "") if event.ask_accessibility else "",
                    consent=True,
                    consent_text=consent_text,
                    token_hash=hashed,
                    token_expires_at=link_expiry(event),
                )
        except IntegrityError:  # pragma: no cover — the event's lock serialises sign-ups
            existing = _active(event, key)
            if existing is None:
                raise
            return _send_new_link(existing)
        log(registration, "", status, "", actor_label=PARTICIPANT)
        notify(registration, "registered" if status == Status.REGISTERED else "waiting", token)
    return SignUp(registration, token, created=True)


def _active(event: EventPage, key: str) -> Registration | None:
    return (
        Registration.objects.select_related("event")
        .filter(event=event, email_key=key)
        .exclude(status=Status.CANCELLED)
        .first()
    )


def link_expiry(event: EventPage):
    return event.ends_at + timedelta(days=TOKEN_DAYS_AFTER_EVENT)


def _send_new_link(registration: Registration) -> SignUp:
    """The address is registered already: a fresh private link (the old one stops working),
    mailed with what the registration is (confirmed or waiting); logged, nothing else changes."""
    token, hashed = new_token()
    registration.token_hash = hashed
    registration.token_expires_at = link_expiry(registration.event)
    registration.save(update_fields=["token_hash", "token_expires_at"])
    log(registration, registration.status, registration.status,
        _("Opnieuw aangemeld met hetzelfde e-mailadres: nieuwe link gestuurd."),
        actor_label=PARTICIPANT)  # fmt: skip
    notify(registration, "new_link", token)
    return SignUp(registration, token, created=False)


def cancel(token: str) -> Registration:
    """The participant cancels through the private link; the first waiting ones move up."""
    registration = by_token(token)
    if registration is None:
        raise Refused(_("Deze link werkt niet (meer)."))
    note = _("Afgemeld door de deelnemer.")
    return with_lock_retries(lambda: _cancel(registration.pk, note, None, PARTICIPANT))


def cancel_by_staff(registration_id: int, note: str, user,
                    expected_status: str | None = None) -> Registration:  # fmt: skip
    """Staff cancel on someone's behalf (admin); the waiting list moves up the same way.
    Raises core.workflow.Stale when the registration no longer has `expected_status`."""
    label = user.get_username() if user else SYSTEM
    return with_lock_retries(lambda: _cancel(registration_id, note, user, label, expected_status))


def _cancel(registration_id, note, user, actor_label, expected_status=None):
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        event = EventPage.objects.select_for_update(of=("self",)).get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        ensure_unchanged(registration.status, expected_status, registration.get_status_display())
        if registration.status == Status.CANCELLED:
            return registration
        if event.phase() == "past":
            raise Refused(_("Het evenement is al begonnen; afmelden is niet meer nodig."))
        old = registration.status
        registration.status = Status.CANCELLED
        # dietary and accessibility needs serve this event only: gone with the registration
        registration.dietary = registration.access_needs = ""
        registration.save(update_fields=["status", "dietary", "access_needs"])
        log(registration, old, Status.CANCELLED, note, user=user, actor_label=actor_label)
        notify(registration, "cancelled_waiting" if old == Status.WAITING else "cancelled")
        if old == Status.REGISTERED:
            promote_waiting(event)
    return registration


def promote_waiting(event: EventPage) -> list[Registration]:
    """Give every place that is free to the waiting list, in arrival order (inside the lock)."""
    registered = Registration.objects.filter(event=event, status=Status.REGISTERED).count()
    waiting = list(
        Registration.objects.filter(event=event, status=Status.WAITING)
        .order_by("sequence")
        .values_list("pk", flat=True)
    )
    promoted = []
    for pk in rules.move_up(event.capacity, registered, waiting):
        registration = Registration.objects.get(pk=pk)
        registration.status = Status.REGISTERED
        registration.save(update_fields=["status"])
        log(registration, Status.WAITING, Status.REGISTERED,
            _("Doorgeschoven van de wachtlijst: er kwam een plaats vrij."))  # fmt: skip
        notify(registration, "moved_up")
        promoted.append(registration)
    return promoted


def by_token(token: str) -> Registration | None:
    return find_by_token(Registration.objects.select_related("event"), token)


# --- audit log, calendar entries and mail -------------------------------------------------------


def log(registration, old, new, note, user=None, actor_label=SYSTEM):
    RegistrationEvent.objects.create(
        registration=registration,
        actor=user,
        actor_label=actor_label,
        from_status=old,
        to_status=new,
        note=note,
    )


def calendar_entry(event: EventPage, url: str | None = None) -> ics.CalendarEntry:
    where = _("Online") if event.online else event.location
    return ics.CalendarEntry(
        uid=f"evenement-{event.pk}",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        url=url or page_url(event),
        location=where,
        description=event.intro,
        categories=(event.get_kind_display(),),
        updated_at=event.last_published_at,
    )


def calendar_links(event: EventPage) -> dict[str, str]:
    """'Zet in je agenda': the .ics download and the Google Calendar and Outlook.com links
    (plain links, nothing loaded from those sites); none once the event is over."""
    if event.is_past:
        return {}
    entry = calendar_entry(event)
    return {
        "ics": reverse("campaigns:event-ics", args=[event.slug]),
        "google": ics.google_calendar_url(entry),
        "outlook": ics.outlook_calendar_url(entry),
    }


SUBJECTS = {
    "registered": _lazy("Je bent aangemeld: {title}"),
    "waiting": _lazy("Je staat op de wachtlijst: {title}"),
    "moved_up": _lazy("Er is een plaats vrij: je bent aangemeld voor {title}"),
    "cancelled": _lazy("Je bent afgemeld: {title}"),
    "cancelled_waiting": _lazy("Je staat niet meer op de wachtlijst: {title}"),
    "new_link": _lazy("Je aanmelding: {title}"),
    "new_link_waiting": _lazy("Je plaats op de wachtlijst: {title}"),
}
TEMPLATES = {"cancelled_waiting": "cancelled", "new_link_waiting": "new_link"}
WITH_CALENDAR = ("registered", "moved_up", "new_link")  # mails with the .ics attached


def notify(registration: Registration, event_kind: str, token: str | None = None) -> None:
    """Mail the participant about `event_kind`. Only a confirmed registration gets the event as
    an .ics attachment (a waiting or cancelled one never does)."""
    event = registration.event
    if event_kind == "new_link" and registration.status == Status.WAITING:
        event_kind = "new_link_waiting"
    link = absolute(reverse("campaigns:registration", args=[token])) if token else ""
    attachments = []
    if registration.status == Status.REGISTERED and event_kind in WITH_CALENDAR:
        content = ics.calendar_bytes([calendar_entry(event)], name=event.title).decode()
        attachments.append((ics.ics_filename(event.title), content, "text/calendar"))
    queue_email(
        registration.email,
        str(SUBJECTS[event_kind]).format(title=event.title),
        f"campaigns/email/{TEMPLATES.get(event_kind, event_kind)}.txt",
        {
            "registration": registration,
            "event": event,
            "link": link,
            "position": registration.position,
            "when": when(event),
            "waiting": registration.status == Status.WAITING or event_kind == "cancelled_waiting",
            "event_url": page_url(event),
        },
        topic=f"evenement-{event.pk}",
        attachments=attachments,
    )


def when(event: EventPage) -> str:
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    day = dutch_date(start.date())
    if start.date() == end.date():
        return f"{day}, {start:%H.%M}–{end:%H.%M} uur"
    return f"{day} {start:%H.%M} uur – {dutch_date(end.date())} {end:%H.%M} uur"


def moment(value) -> str:
    """A moment in Dutch, local time: "3 maart 2027, 12.00 uur"."""
    local = timezone.localtime(value)
    return f"{dutch_date(local.date())}, {local:%H.%M} uur"
