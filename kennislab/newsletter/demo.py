"""Demo content of the newsletter: confirmed subscribers across the themes (one with none, so
"everything"), one sign-up still waiting for confirmation and one unsubscribe entry; the
newsletter pages (/nieuwsbrief/) with two issues that went out and one draft. Invented people at
example.org. Written directly (no confirmation mails, no newsletter mails). Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import Report
from kennislab.content.models import Theme
from kennislab.core.tokens import new_token

from .models import (
    PENDING_DAYS,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Sending,
    Status,
    Subscriber,
    email_key,
)

CONSENT = "Demo-aanmelding (verzonnen)."
# (e-mail, name, number of themes from the start of the theme list, days ago confirmed)
CONFIRMED = [
    ("annelies.demo@example.org", "Annelies de Vries", 2, 40),
    ("youssef.demo@example.org", "Youssef Amrani", 1, 12),
    ("redactie.wijkteam@example.org", "", 0, 3),  # no themes: everything
]
# more subscribers, each with themes further down the list: (e-mail, name, theme positions)
ACROSS_THEMES = [
    ("sanne.demo@example.org", "Sanne Bakker", (2, 3)),
    ("bram.demo@example.org", "Bram Hoekstra", (4,)),
    ("fatima.demo@example.org", "Fatima El Idrissi", (1, 5)),
    ("gezondewijk.demo@example.org", "", (3, 6, 7)),
]
ISSUES = [
    # (slug, title, subject, intro, days ago sent or None for the draft)
    ("september", "Nieuwsbrief september", "Nieuw in de Kennislab: voorbeelden uit de wijk",
     "Deze maand: wat gemeenten en buurtteams samen bereikten, en webinars om aan mee te doen.",
     70),
    ("oktober", "Nieuwsbrief oktober", "Kennisvouchers open en nieuwe toolkits",
     "De nieuwe voucherronde is open. En: toolkits om meteen mee aan de slag te gaan.", 40),
    ("november", "Nieuwsbrief november", "Concept: wat er deze maand nieuw is",
     "Een concept; vul het aan met wat nieuw is en verstuur het naar de abonnees.", None),
]  # fmt: skip
PENDING = ("nog.niet.bevestigd@example.org", "Pieter Pending")


def database_has_content() -> bool:
    return Subscriber.objects.exists() or NewsletterIndexPage.objects.exists()


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
        for email, name, positions in ACROSS_THEMES:
            if Subscriber.objects.filter(email_key=email_key(email)).exists():
                continue
            subscriber = _subscriber(email, name, Status.CONFIRMED, now - timedelta(days=20))
            subscriber.confirmed_at = now - timedelta(days=19)
            subscriber.save()
            subscriber.themes.set([themes[i] for i in positions if i < len(themes)])
            report.add(f"nieuwsbriefabonnee {email}")
        _issues(report, themes, now)
    return report


def _issues(report: Report, themes, now) -> None:
    """The newsletter pages: two issues that went out (no mails: the demo only records that
    they were sent) and a draft."""
    from kennislab.content.models import ArticlePage
    from kennislab.content.site import ensure_home

    if NewsletterIndexPage.objects.exists():
        return
    home = ensure_home()
    index = NewsletterIndexPage(
        title="Nieuwsbrief", slug="nieuwsbrief",
        intro="Elke maand het nieuwste uit het netwerk: kennis, voorbeelden, vouchers en agenda.",
    )  # fmt: skip
    home.add_child(instance=index)
    index.save_revision().publish()
    report.add("nieuwsbriefpagina's")
    articles = list(ArticlePage.objects.live().prefetch_related("themes").order_by("-date")[:40])
    readers = Subscriber.objects.mailable().count()
    for number, (slug, title, subject, intro, days_ago) in enumerate(ISSUES):
        sections = [
            {"type": "section", "value": {
                "heading": "Uit het netwerk", "theme": None,
                "content": [{"type": "text", "value": (
                    "<p>Heb je een voorbeeld uit je eigen gemeente of organisatie? Deel het met "
                    "het netwerk via het formulier voor praktijkverhalen.</p>")}],
            }},
        ]  # fmt: skip
        for theme in themes[number : number + 2]:
            chosen = [a for a in articles if theme in a.themes.all()][number * 2 : number * 2 + 2]
            if chosen:
                sections.append({"type": "section", "value": {
                    "heading": theme.name, "theme": theme.pk,
                    "content": [{"type": "item", "value": {"page": a.pk, "note": ""}}
                                for a in chosen],
                }})  # fmt: skip
        issue = NewsletterIssuePage(title=title, slug=slug, subject=subject, intro=intro,
                                    body=sections, live=False)  # fmt: skip
        index.add_child(instance=issue)
        revision = issue.save_revision()
        if days_ago is None:
            report.add(f"nieuwsbrief {title} (concept)")
            continue
        revision.publish()
        sent_at = now - timedelta(days=days_ago)
        Sending.objects.create(
            issue=issue, status=Sending.Status.SENT, revision=revision, scheduled_at=sent_at,
            started_at=sent_at, finished_at=sent_at + timedelta(minutes=3),
            sent_count=readers, failed_count=0,
        )  # fmt: skip
        NewsletterIssuePage.objects.filter(pk=issue.pk).update(
            first_published_at=sent_at, last_published_at=sent_at
        )
        report.add(f"nieuwsbrief {title} (verstuurd)")
