"""Rules of pledges and practice stories, as plain functions on plain data (issue 7).

Pledges:

* An organisation signs a pledge; it waits for the editors. They approve it (it appears on the
  pledge wall), ask for changes (the signer changes it through the private link and it comes
  back to them) or reject it (a note is required for the last two; it goes to the signer).
  An approved pledge can still be taken off the wall (reject).
* The signer's private link works for LINK_DAYS after the last e-mail that carried it; every
  e-mail carries a fresh link and only the latest works.
* Progress updates on an approved pledge are moderated too: they show on the pledge page once
  approved (docs/decisions/0012-pledges-and-stories.md says why).

Practice stories: accepted (it becomes a draft Kennislab article for an editor to finish) or
rejected (with a note). Both mail the submitter.

These functions decide; services.py applies a decision in one locked transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils.text import slugify

from kennislab.campaigns.rules import PROVINCE_NAMES, PROVINCES  # noqa: F401 — one province list
from kennislab.core import workflow as tables
from kennislab.core.workflow import NotAllowed, Step  # noqa: F401  (callers: rules.NotAllowed)

LINK_DAYS = 365
RESERVED_SLUGS = frozenset({"tekenen", "link", "beheer"})  # public URLs next to /pledges/<slug>/

SUBMITTED, CHANGES, APPROVED, REJECTED = "submitted", "changes_requested", "approved", "rejected"
ACCEPTED = "accepted"  # a practice story taken on as a draft article

EDITOR, SIGNER = "editor", "signer"


PLEDGE_STEPS: tuple[Step, ...] = (
    Step("approve", "Goedkeuren en op de pledgemuur zetten", (SUBMITTED,), APPROVED, EDITOR),
    Step("request_changes", "Aanpassing vragen", (SUBMITTED, APPROVED), CHANGES, EDITOR,
         note_required=True),
    Step("reject", "Afwijzen", (SUBMITTED, CHANGES, APPROVED), REJECTED, EDITOR,
         note_required=True),
    Step("resubmit", "Aangepast en opnieuw ingediend", (CHANGES,), SUBMITTED, SIGNER),
)  # fmt: skip

UPDATE_STEPS: tuple[Step, ...] = (
    Step("approve", "Goedkeuren en tonen bij de pledge", (SUBMITTED,), APPROVED, EDITOR),
    Step("reject", "Afwijzen", (SUBMITTED, APPROVED), REJECTED, EDITOR, note_required=True),
)

STORY_STEPS: tuple[Step, ...] = (
    Step("accept", "Accepteren: wordt een concept-artikel", (SUBMITTED,), ACCEPTED, EDITOR),
    Step("reject", "Afwijzen", (SUBMITTED,), REJECTED, EDITOR, note_required=True),
)

TABLES = {"pledge": PLEDGE_STEPS, "update": UPDATE_STEPS, "story": STORY_STEPS}
NOUNS = {"pledge": "de pledge", "update": "de voortgangsupdate", "story": "het praktijkverhaal"}

PLEDGE_EDITABLE = (CHANGES,)  # the signer may change the pledge itself (then it goes back)
UPDATES_ALLOWED = (APPROVED,)  # progress updates only on a pledge on the wall


def step_by_action(kind: str) -> dict[str, Step]:
    return {step.action: step for step in TABLES[kind]}


def step_for(kind: str, status: str, action: str, actor: str) -> Step:
    return tables.step_for(TABLES[kind], status, action, actor,
                           too_late=f"‘{{label}}’ kan niet: {NOUNS[kind]} is al verder in "
                           "behandeling.")  # fmt: skip


def available_steps(kind: str, status: str, actor: str = EDITOR) -> list[Step]:
    return tables.available(TABLES[kind], status, actor)


def link_expires_at(now: datetime) -> datetime:
    return now + timedelta(days=LINK_DAYS)


def unique_slug(name: str, taken: Iterable[str], max_length: int = 80) -> str:
    """A slug for the name that is not taken and not reserved: `naam`, `naam-2`, `naam-3`, …"""
    taken = set(taken)
    base = slugify(name)[:max_length].strip("-") or "pledge"
    candidate, number = base, 1
    while candidate in taken or candidate in RESERVED_SLUGS:
        number += 1
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (separated by an empty line), stripped, without empty ones."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in lines.split("\n\n") if part.strip()]
