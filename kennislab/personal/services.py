"""Mijn Kennislab: the link by e-mail, the overview it opens, and opening one item from it
(docs/decisions/0018-personal-overview.md).

* `request_link(email)`: when the address has anything at Kennislab, replace its earlier
  overview links by a new one (LINK_HOURS) and mail it; otherwise store and send nothing. The
  caller answers the same either way.
* `by_token(token)`: the overview link, or None (unknown, expired, replaced).
* `overview(link)`: per kind (providers.PROVIDERS) the entries of the link's address.
* `open_item(link, kind, pk)`: a fresh private link to that item's own page, only when the item
  belongs to the link's address.
* `export(link)`: everything the privacy register holds for the link's address, as a download
  (JSON, or a zip with the JSON and the person's uploaded files); logged as SELF_EXPORT.
* `erase_plan(link)` / `erase(link)`: what erasing will do, and doing it (privacy.services.erase
  with self_service); afterwards no overview link of the address works any more.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennislab.core.mail import absolute, queue_email
from kennislab.core.tokens import find_by_token, new_token
from kennislab.privacy import register
from kennislab.privacy import services as privacy
from kennislab.privacy.models import AccessEvent

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


# --- export and erase (issue 13) ----------------------------------------------------------------

EXPORT_NAME = "mijn-gegevens-kennislab"


@dataclass(frozen=True)
class Download:
    filename: str
    content_type: str
    content: bytes


def export(link: OverviewLink) -> Download:
    """Everything of the link's address in the register: `mijn-gegevens-kennislab.json`, or, when
    the person uploaded files, `mijn-gegevens-kennislab.zip` with gegevens.json and the files.
    The download is logged (the person themselves, SELF_EXPORT)."""
    address = link.email_key
    text = privacy.export_json(address)
    found = {key: len(records) for key, records in json.loads(text).items()}
    stored = privacy.files(address)
    if stored:
        buffer = io.BytesIO()
        privacy.write_archive(buffer, text, stored)
        download = Download(f"{EXPORT_NAME}.zip", "application/zip", buffer.getvalue())
    else:
        download = Download(
            f"{EXPORT_NAME}.json", "application/json; charset=utf-8", text.encode("utf-8")
        )
    privacy.log_access(
        None, AccessEvent.Action.SELF_EXPORT, what=_("alle eigen gegevens (Mijn Kennislab)"),
        rows=sum(found.values()), address=address,
    )  # fmt: skip
    return download


LIST_AT_MOST = 3  # records of one kind named one by one; more are counted


@dataclass(frozen=True)
class PlanGroup:
    """The records of one kind that erasing treats alike: named, or counted when many."""

    label: str
    steps: list

    @property
    def line(self) -> str:
        titles = list(dict.fromkeys(step.title for step in self.steps))
        plain = str(self.steps[0].record._meta.verbose_name).lower()
        if (
            len(self.steps) > LIST_AT_MOST
            or len(titles) < len(self.steps)
            or ([title.lower() for title in titles] == [plain])
        ):  # many, or titles that say nothing ("Link naar Mijn Kennislab"): counted
            return f"{self.label} ({len(self.steps)})"
        return f"{self.label}: {'; '.join(titles)}"


@dataclass(frozen=True)
class ErasePlan:
    """What erasing will do with the records of the address (privacy.services.Step): deleted and
    emptied ones per kind (PlanGroup), kept and waiting ones one by one (each has its reason)."""

    delete: list = field(default_factory=list)
    anonymise: list = field(default_factory=list)
    contact: list = field(default_factory=list)
    queued: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.delete or self.anonymise or self.contact or self.queued)


def _per_kind(steps) -> list[PlanGroup]:
    groups: dict[str, PlanGroup] = {}
    for step in steps:
        group = groups.setdefault(step.entry.key, PlanGroup(str(step.entry.label), []))
        group.steps.append(step)
    return list(groups.values())


def erase_plan(link: OverviewLink) -> ErasePlan:
    steps: dict[str, list] = {"delete": [], "anonymise": [], "contact": [], "queued": []}
    for step in privacy.plan(link.email_key, self_service=True):
        steps[step.action].append(step)
    return ErasePlan(
        delete=_per_kind(steps["delete"]), anonymise=_per_kind(steps["anonymise"]),
        contact=steps["contact"], queued=steps["queued"],
    )  # fmt: skip


@dataclass(frozen=True)
class Erased:
    """What erasing did, for the done page: per kind of record (the register's label) what
    happened, the records kept by a legal term (with why), and those left for staff."""

    removed: list[tuple[str, str]]  # (label, "2 onderdelen verwijderd")
    kept: list  # Steps ("contact"): the contact person went, the record stays
    queued: list  # Steps: a member of staff decides first

    @property
    def nothing_found(self) -> bool:
        return not (self.removed or self.kept or self.queued)


def _removed_line(counts: dict) -> str:
    gone = counts.get("deleted", 0) + counts.get("anonymised", 0)
    return ngettext("%(count)s onderdeel verwijderd", "%(count)s onderdelen verwijderd",
                    gone) % {"count": gone}  # fmt: skip


def erase(link: OverviewLink) -> Erased:
    """Erase everything of the link's address as the register says (privacy.services.erase,
    self-service: records in progress go to staff as an ErasureRequest), then delete every
    overview link of the address, also when part waits for staff: the erase is the last thing
    this link does."""
    address = link.email_key
    before = privacy.plan(address, self_service=True)  # the reasons of what is kept
    with transaction.atomic():
        result = privacy.erase(address, self_service=True)
        OverviewLink.objects.filter(email_key=address).delete()
    removed = []
    for key, counts in result.per_entry.items():
        if counts.get("deleted", 0) + counts.get("anonymised", 0):
            removed.append((str(register.REGISTRY[key].label), _removed_line(counts)))
    kept = [step for step in before if step.action == "contact"
            and result.per_entry.get(step.entry.key, {}).get("contact")]  # fmt: skip
    return Erased(removed=removed, kept=kept, queued=list(result.queued))
