"""Demo content of the newsletter: three confirmed subscribers with themes (one with none, so
"everything"), one sign-up still waiting for confirmation and one unsubscribe entry. Invented
people at example.org. Written directly (no confirmation mails). Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import Report
from kennislab.content.models import Theme
from kennislab.core.tokens import new_token

from .models import PENDING_DAYS, Status, Subscriber, email_key

CONSENT = "Demo-aanmelding (verzonnen)."
# (e-mail, name, number of themes from the start of the theme list, days ago confirmed)
CONFIRMED = [
    ("annelies.demo@example.org", "Annelies de Vries", 2, 40),
    ("youssef.demo@example.org", "Youssef Amrani", 1, 12),
    ("redactie.wijkteam@example.org", "", 0, 3),  # no themes: everything
]
PENDING = ("nog.niet.bevestigd@example.org", "Pieter Pending")


def database_has_content() -> bool:
    return Subscriber.objects.exists()


def _subscriber(email, name, status, created_at) -> Subscriber:
    _token, hashed = new_token()  # nobody knows the token: a demo link never works
    return Subscriber(
        email=email, email_key=email_key(email), name=name, status=status, consent_text=CONSENT,
        created_at=created_at, token_hash=hashed,
        token_expires_at=timezone.now() + timedelta(days=PENDING_DAYS),
    )  # fmt: skip


def load_demo() -> Report:
    report = Report()
    now = timezone.now()
    themes = list(Theme.objects.order_by("sort_order", "name"))
    with transaction.atomic():
        for email, name, theme_count, days_ago in CONFIRMED:
            if Subscriber.objects.filter(email_key=email_key(email)).exists():
                continue
            subscriber = _subscriber(email, name, Status.CONFIRMED, now - timedelta(days_ago + 1))
            subscriber.confirmed_at = now - timedelta(days=days_ago)
            subscriber.save()
            subscriber.themes.set(themes[:theme_count])
            report.add(f"nieuwsbriefabonnee {email}")
        email, name = PENDING
        if not Subscriber.objects.filter(email_key=email_key(email)).exists():
            _subscriber(email, name, Status.PENDING, now - timedelta(days=1)).save()
            report.add(f"nieuwsbriefaanmelding (niet bevestigd) {email}")
        if not Subscriber.objects.filter(status=Status.UNSUBSCRIBED).exists():
            Subscriber.objects.create(
                status=Status.UNSUBSCRIBED, created_at=now - timedelta(days=60),
                confirmed_at=now - timedelta(days=59), unsubscribed_at=now - timedelta(days=2),
            )  # fmt: skip
            report.add("afgemelde nieuwsbriefabonnee (zonder gegevens)")
    return report
