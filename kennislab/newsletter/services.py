"""Applying the newsletter's rules: signing up (double opt-in, neutral duplicates), confirming,
preferences through the private link, a fresh link on request, unsubscribing, the daily clean-up
and the recipients of a newsletter. Every change and its e-mail are written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.mail import absolute, queue_email
from kennislab.core.tokens import find_by_token, new_token

from .models import LINK_DAYS, PENDING_DAYS, Status, Subscriber, email_key, key_hash


@dataclass
class SignUp:
    subscriber: Subscriber
    token: str
    created: bool  # False: the address was pending or subscribed already (a link was mailed)


# --- who gets the newsletter ----------------------------------------------------------------------


def recipients(theme=None):
    """The confirmed subscribers to mail (for a theme: who chose it or chose nothing). Every
    newsletter mail goes through `send_to_subscriber`, which adds the unsubscribe headers."""
    subscribers = Subscriber.objects.confirmed()
    if theme is not None:
        subscribers = subscribers.interested_in(theme)
    return subscribers.order_by("pk")


# --- signing up -----------------------------------------------------------------------------------


def _new_link(subscriber: Subscriber, days: int) -> str:
    token, hashed = new_token()
    subscriber.token_hash = hashed
    subscriber.token_expires_at = timezone.now() + timedelta(days=days)
    return token


def sign_up(data: dict, consent_text: str) -> SignUp:
    """Sign an address up (pending until the link in the confirmation mail is used). When the
    address is pending or subscribed already nothing new is stored: it gets a fresh
    confirmation link or a link to its preferences, and the caller shows the same answer."""
    key = email_key(data["email"])
    with transaction.atomic():
        existing = Subscriber.objects.exclude(status=Status.UNSUBSCRIBED).filter(email_key=key)
        existing = existing.select_for_update().first()
        if existing is not None:
            return SignUp(existing, send_link(existing), created=False)
        subscriber = Subscriber(
            email=data["email"].strip(),
            email_key=key,
            name=data.get("name", ""),
            consent_text=consent_text,
        )
        token = _new_link(subscriber, PENDING_DAYS)
        try:
            with transaction.atomic():  # a concurrent double submit rolls back this part only
                subscriber.save()
                subscriber.themes.set(data.get("themes") or [])
        except IntegrityError:
            existing = Subscriber.objects.exclude(status=Status.UNSUBSCRIBED)
            existing = existing.filter(email_key=key).first()
            if existing is None:
                raise
            return SignUp(existing, send_link(existing), created=False)
        notify(subscriber, "confirm", token)
    return SignUp(subscriber, token, created=True)


def send_link(subscriber: Subscriber) -> str:
    """A fresh private link by e-mail (the previous one stops working): to confirm for a pending
    sign-up (which then lives PENDING_DAYS more), to the preferences for a subscriber."""
    if subscriber.status == Status.PENDING:
        token = _new_link(subscriber, PENDING_DAYS)
        kind = "confirm"
    else:
        token = _new_link(subscriber, LINK_DAYS)
        kind = "preferences"
    subscriber.save(update_fields=["token_hash", "token_expires_at"])
    notify(subscriber, kind, token)
    return token


def request_link(email: str) -> None:
    """ "Vraag een nieuwe link aan": mail a link when the address is pending or subscribed;
    otherwise nothing happens (the caller shows the same answer either way)."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.exclude(status=Status.UNSUBSCRIBED)
            .filter(email_key=email_key(email))
            .select_for_update()
            .first()
        )
        if subscriber is not None:
            send_link(subscriber)


# --- the private link -----------------------------------------------------------------------------


def by_token(token: str) -> Subscriber | None:
    return find_by_token(
        Subscriber.objects.filter(status__in=[Status.PENDING, Status.CONFIRMED]), token
    )


def confirm(subscriber: Subscriber) -> bool:
    """Double opt-in: the owner of the address pressed "confirm". Whether this confirmed it.
    The link keeps working LINK_DAYS from now, for the preferences."""
    now = timezone.now()
    changed = Subscriber.objects.filter(pk=subscriber.pk, status=Status.PENDING).update(
        status=Status.CONFIRMED, confirmed_at=now, token_expires_at=now + timedelta(days=LINK_DAYS)
    )
    if changed:
        subscriber.refresh_from_db()
    return bool(changed)


def save_preferences(subscriber: Subscriber, name: str, themes) -> None:
    with transaction.atomic():
        subscriber.name = name
        subscriber.save(update_fields=["name"])
        subscriber.themes.set(themes)


# --- unsubscribing --------------------------------------------------------------------------------


def by_unsubscribe_key(key: str) -> Subscriber | None:
    """The subscriber whose unsubscribe link carries `key` (compared by hash; a key from before
    keys were hashed matches its stored hash too)."""
    if not key or len(key) > 100:
        return None
    hashed = key_hash(key)
    return Subscriber.objects.filter(
        Q(unsubscribe_hash=hashed) | Q(old_unsubscribe_hash=hashed)
    ).first()


def unsubscribe(subscriber: Subscriber) -> None:
    """Keep only a minimal entry without personal data (so the link keeps answering and the back
    office sees that someone left); the daily job deletes it after UNSUBSCRIBED_DAYS. Idempotent."""
    if subscriber.status == Status.UNSUBSCRIBED:
        return
    with transaction.atomic():
        subscriber.themes.clear()
        subscriber.status = Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.email = subscriber.email_key = subscriber.name = ""
        subscriber.consent_text = ""
        subscriber.token_hash = subscriber.token_expires_at = None
        subscriber.save()


# --- the daily clean-up ---------------------------------------------------------------------------


def purge_deliveries(now: datetime | None = None) -> int:
    """Forget who received an issue DELIVERY_DAYS after it went out (the totals stay)."""
    from .models import DELIVERY_DAYS, Delivery, Sending

    cutoff = (now or timezone.now()) - timedelta(days=DELIVERY_DAYS)
    deleted, _per_model = Delivery.objects.filter(
        sending__status=Sending.Status.SENT, sending__finished_at__lt=cutoff
    ).delete()
    return deleted


def purge_expired(now: datetime | None = None) -> int:
    """Delete unconfirmed sign-ups whose link expired and old unsubscribe entries. Idempotent."""
    _total, per_model = Subscriber.objects.expired(now).delete()
    return per_model.get(Subscriber._meta.label, 0)


# --- mail -----------------------------------------------------------------------------------------


def private_link(token: str) -> str:
    return absolute(reverse("newsletter:preferences", args=[token]))


def unsubscribe_link(subscriber: Subscriber) -> str:
    return absolute(reverse("newsletter:unsubscribe", args=[subscriber.unsubscribe_key]))


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    return list_unsubscribe(unsubscribe_link(subscriber))


def list_unsubscribe(link: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer "unsubscribe" and POST it in one click."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def send_to_subscriber(subscriber: Subscriber, subject: str, template: str, context: dict,
                       topic: str = "nieuwsbrief"):  # fmt: skip
    """Every mail to a subscriber: the unsubscribe link in the context (for the footer) and the
    List-Unsubscribe headers."""
    return queue_email(
        subscriber.email,
        subject,
        template,
        {
            **context,
            "subscriber": subscriber,
            "unsubscribe": unsubscribe_link(subscriber),
            "new_link": absolute(reverse("newsletter:request-link")),
        },
        topic=topic,
        headers=unsubscribe_headers(subscriber),
    )


def notify(subscriber: Subscriber, kind: str, token: str) -> None:
    subjects = {
        "confirm": _("Bevestig je aanmelding voor de nieuwsbrief"),
        "preferences": _("Je link naar je voorkeuren voor de nieuwsbrief"),
    }
    send_to_subscriber(
        subscriber,
        subjects[kind],
        f"newsletter/email/{kind}.txt",
        {"link": private_link(token), "days": PENDING_DAYS if kind == "confirm" else LINK_DAYS},
    )
