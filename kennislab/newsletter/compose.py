""" "Vul aan met wat nieuw is": suggested sections for an issue, from what was published since
the previous issue went out, grouped by theme.

* New = published (first time) after the previous issue's sending began; without a previous
  issue, the last SINCE_DAYS days. Kennislab items, events in the agenda, voucher schemes and
  relay campaigns count; events that are over do not.
* Each item goes into one section: that of its first theme (in the themes' order), so nobody
  reads it twice; what has no theme (most events and schemes) goes into a general section.
* Items the issue shows already are left out. The sections are appended to the latest version
  as a new draft revision; the editor reorders, edits and deletes them in the editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.campaigns.models import EventPage, RelayCampaignPage
from kennislab.content.models import ArticlePage, Theme
from kennislab.vouchers.models import VoucherSchemePage

from .models import NewsletterIssuePage, Sending

SINCE_DAYS = 30
MAX_ITEMS = 40


@dataclass
class Suggestion:
    heading: str
    theme: Theme | None
    pages: list = field(default_factory=list)


def previous_start(issue: NewsletterIssuePage) -> datetime | None:
    """When the latest other issue began to go out (None: no issue went out yet)."""
    sending = (
        Sending.objects.exclude(issue=issue)
        .filter(status__in=[Sending.Status.SENDING, Sending.Status.SENT])
        .order_by("-started_at")
        .first()
    )
    return sending.started_at if sending else None


def new_pages(since: datetime, now: datetime | None = None) -> list:
    """What was published since `since`, newest first (specific pages, themes prefetched)."""
    now = now or timezone.now()
    found = []
    for model in (ArticlePage, RelayCampaignPage):
        found += list(
            model.objects.live().public().filter(first_published_at__gt=since)
            .prefetch_related("themes")
        )  # fmt: skip
    found += list(
        EventPage.objects.live().public()
        .filter(first_published_at__gt=since, ends_at__gte=now)
        .prefetch_related("themes")
    )  # fmt: skip
    found += list(VoucherSchemePage.objects.live().public().filter(first_published_at__gt=since))
    found.sort(key=lambda page: page.first_published_at, reverse=True)
    return found[:MAX_ITEMS]


def shown_page_ids(issue: NewsletterIssuePage) -> set[int]:
    ids = set()
    for section in issue.body.raw_data:
        for child in (section.get("value") or {}).get("content") or []:
            if child.get("type") == "item" and (child.get("value") or {}).get("page"):
                ids.add(int(child["value"]["page"]))
    return ids


def group(pages: list) -> list[Suggestion]:
    """One section per theme (in the themes' order) and a general one at the end."""
    by_theme: dict[int, Suggestion] = {}
    general = Suggestion(heading=_("Agenda en meer"), theme=None)
    for page in pages:
        themes = sorted(
            page.themes.all() if hasattr(page, "themes") else [],
            key=lambda theme: (theme.sort_order, theme.name),
        )
        if not themes:
            general.pages.append(page)
            continue
        theme = themes[0]
        by_theme.setdefault(theme.pk, Suggestion(heading=theme.name, theme=theme)).pages.append(
            page
        )
    ordered = sorted(by_theme.values(), key=lambda s: (s.theme.sort_order, s.theme.name))
    return ordered + ([general] if general.pages else [])


def suggestions(issue: NewsletterIssuePage, now: datetime | None = None) -> list[Suggestion]:
    now = now or timezone.now()
    since = previous_start(issue) or now - timedelta(days=SINCE_DAYS)
    shown = shown_page_ids(issue)
    return group([page for page in new_pages(since, now) if page.pk not in shown])


def fill(issue: NewsletterIssuePage, user=None) -> int:
    """Append the suggested sections to the latest version of `issue` as a new draft revision.
    Returns the number of items added (0: nothing new, no revision)."""
    draft = issue.specific.get_latest_revision_as_object()
    found = suggestions(draft)
    if not found:
        return 0
    raw = list(draft.body.raw_data)
    for suggestion in found:
        raw.append(
            {
                "type": "section",
                "value": {
                    "heading": suggestion.heading,
                    "theme": suggestion.theme.pk if suggestion.theme else None,
                    "content": [
                        {"type": "item", "value": {"page": page.pk, "note": ""}}
                        for page in suggestion.pages
                    ],
                },
            }
        )
    draft.body = raw
    draft.save_revision(user=user, log_action=True)
    return sum(len(suggestion.pages) for suggestion in found)
