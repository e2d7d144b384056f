"""Making newsletter issues and subscribers in tests (without the confirmation mails)."""

from __future__ import annotations

from kennislab.content.site import ensure_home
from kennislab.newsletter.models import (
    NewsletterIndexPage,
    NewsletterIssuePage,
    Status,
    Subscriber,
    email_key,
)


def newsletter_index() -> NewsletterIndexPage:
    index = NewsletterIndexPage.objects.first()
    if index is None:
        index = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief")
        ensure_home().add_child(instance=index)
        index.save_revision().publish()
    return index


def text_section(heading: str, text: str, theme=None) -> dict:
    return {
        "type": "section",
        "value": {
            "heading": heading,
            "theme": theme.pk if theme else None,
            "content": [{"type": "text", "value": f"<p>{text}</p>"}],
        },
    }


def make_issue(slug="mei", sections=(), publish=True, subject="Nieuws uit het netwerk"):
    issue = NewsletterIssuePage(
        title=f"Nieuwsbrief {slug}", slug=slug, subject=subject,
        intro="Wat er nieuw is.", body=list(sections), live=False,
    )  # fmt: skip
    newsletter_index().add_child(instance=issue)
    revision = issue.save_revision()
    if publish:
        revision.publish()
    return NewsletterIssuePage.objects.get(pk=issue.pk)


def confirmed(email: str, name: str = "", themes=()) -> Subscriber:
    subscriber = Subscriber.objects.create(
        email=email, email_key=email_key(email), name=name, status=Status.CONFIRMED,
        consent_text="Test.",
    )  # fmt: skip
    subscriber.themes.set(themes)
    return subscriber


def many(count: int, prefix: str = "lezer") -> list[Subscriber]:
    made = [
        Subscriber(email=f"{prefix}{n}@example.org", email_key=f"{prefix}{n}@example.org",
                   status=Status.CONFIRMED, consent_text="Test.")
        for n in range(count)
    ]  # fmt: skip
    for subscriber in made:
        subscriber.save()
    return made
