"""Mijn Kennislab: the link by e-mail, the overview it opens, and opening one item from it
(docs/decisions/0018-personal-overview.md).

* `request_link(email)`: when the address has anything at Kennislab, replace its earlier
  overview links by a new one (LINK_HOURS) and mail it; otherwise store and send nothing. The
  caller answers the same either way.
* `by_token(token)`: the overview link, or None (unknown, expired, replaced).
* `overview(link)`: per kind (providers.PROVIDERS) the entries of the link's address.
* `open_item(link, kind, pk)`: a fresh private link to that item's own page, only when the item
  belongs to the link's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.mail import absolute, queue_email
from kennislab.core.tokens import find_by_token, new_token

from .models import LINK_HOURS, OverviewLink
from .providers import BY_KIND, PROVIDERS, Entry, Provider, address_key


@dataclass(frozen=True)
class Section:
    provider: Provider
    entries: list[Entry]

    @property
    def kind(self) -> str:
        return self.provider.kind

    @property
    def label(self) -> str:
        return str(self.provider.label)


def has_records(key: str) -> bool:
    return any(provider.records(key).exists() for provider in PROVIDERS)


def request_link(email: str) -> bool:
    """Mail a new overview link when the address has something (earlier links stop working).
    Whether a link was sent: for tests and logs only, never for the answer to the visitor."""
    key = address_key(email)
    if not key or not has_records(key):
        return False
    token, hashed = new_token()
    now = timezone.now()
    with transaction.atomic():
        OverviewLink.objects.filter(email_key=key).delete()
        OverviewLink.objects.create(
            email_key=key, token_hash=hashed, expires_at=now + timedelta(hours=LINK_HOURS),
            created_at=now,
        )  # fmt: skip
        queue_email(
            email.strip(),
            _("Je overzicht op Kennislab"),
            "personal/email/overview_link.txt",
            {"link": absolute(reverse("personal:overview", args=[token])), "hours": LINK_HOURS},
            topic="mijn-kennislab",
        )
    return True


def by_token(token: str) -> OverviewLink | None:
    return find_by_token(OverviewLink.objects.all(), token, expires="expires_at")


def overview(link: OverviewLink) -> list[Section]:
    """Every kind that has something for the link's address, in the page's order."""
    sections = [Section(provider, provider.entries(link.email_key)) for provider in PROVIDERS]
    return [section for section in sections if section.entries]


def open_item(link: OverviewLink, kind: str, pk: int) -> str | None:
    """The path of a fresh private link to the item, or None when the kind has no page, the item
    is not one of the link's address, or its page no longer works."""
    provider = BY_KIND.get(kind)
    if provider is None or provider.open is None:
        return None
    with transaction.atomic():
        record = (
            provider.records(link.email_key)
            .filter(pk=pk)
            .order_by()
            .select_for_update(of=("self",))
            .first()
        )
        if record is None or not provider.can_open(record):
            return None
        return provider.open(record)


def purge_expired(now=None) -> int:
    """Delete the overview links that expired (the daily job). How many."""
    deleted, _details = OverviewLink.objects.filter(expires_at__lt=now or timezone.now()).delete()
    return deleted
