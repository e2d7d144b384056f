"""Rules of a pledge's timeline and progress (issue 18), as plain functions on plain data.

A pledge's page shows a timeline: its approved progress updates plus the deeds of its
organisation on the platform (a knowledge voucher granted, a relay activity, a vignet, a
published practice story, an event organised). A deed only shows through a link an editor
confirmed (models.PledgeLink): names are only used to *suggest* links (`same_organisation`),
never to show anything by themselves.

* Names: `organisation_key` (kennislab.core.names) folds case, accents, punctuation and
  spacing (the vouchers' one-application-per-organisation key); `match_key` also drops remarks
  in brackets and a legal form at the start or end ("Stichting …", "… B.V."). Two names are the
  same organisation for a suggestion when their match keys are equal and not empty.
* Commitments: the pledge's text holds one or more commitments (`commitment_items`): the
  bulleted or numbered lines when there are any (text outside them — an introduction — is not a
  commitment), else the paragraphs, else — one paragraph — its lines.
* Timeline: newest first, by date; on the same day in the order of KIND_ORDER, then by text.
* Progress (`progress`): how many commitments show progress out of how many there are. A
  commitment shows progress when at least one entry on the public timeline (an approved update
  or a deed of a confirmed link that shows publicly) belongs to it: the signer or an editor
  said which commitment it serves. A pledge with one commitment: every entry counts for it.
  An entry that names no commitment, or a number the (changed) text no longer has, counts for
  none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kennislab.core.names import organisation_key

UPDATE, VOUCHER, VIGNET, ACTIVITY, EVENT, STORY = (
    "update", "voucher", "vignet", "activity", "event", "story",
)  # fmt: skip
DEED_KINDS = (VOUCHER, VIGNET, ACTIVITY, EVENT, STORY)  # what a PledgeLink can point to
KIND_ORDER = (UPDATE, *DEED_KINDS)  # on the same day, in this order
KIND_LABELS = {
    UPDATE: "Voortgang",
    VOUCHER: "Kennisvoucher",
    VIGNET: "Vignet Vitaal Bedrijf",
    ACTIVITY: "Activiteit in de estafette",
    EVENT: "Evenement",
    STORY: "Praktijkverhaal",
}

# A legal form before or after the name (after organisation_key: no dots, no accents).
LEADING_FORMS = frozenset({"stichting", "vereniging", "cooperatie"})
TRAILING_FORMS = ("b v", "bv", "n v", "nv", "u a", "ua", "v o f", "vof")
BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")


def match_key(name: str) -> str:
    """organisation_key without remarks in brackets and without a legal form at the start or
    the end; the plain key when nothing else is left."""
    key = organisation_key(BRACKETS.sub(" ", name or ""))
    words = key.split()
    if len(words) > 1 and words[0] in LEADING_FORMS:
        words = words[1:]
    stripped = " ".join(words)
    for form in TRAILING_FORMS:
        if stripped.endswith(" " + form):
            stripped = stripped[: -len(form) - 1]
            break
    return stripped or key or organisation_key(name or "")


def same_organisation(first: str, second: str) -> bool:
    """Whether two names are the same organisation for a suggestion (never for showing)."""
    key = match_key(first)
    return bool(key) and key == match_key(second)


def commitment_items(text: str) -> list[str]:
    """The commitments of a pledge's text, in order (see the module's docstring)."""
    return split_commitments(text)[1]


def split_commitments(text: str) -> tuple[str, list[str]]:
    """(the text outside the bulleted lines — an introduction —, the commitments)."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(BULLET.match(line) for line in lines):
        items: list[str] = []
        other: list[str] = []
        open_item = False
        for line in lines:
            if BULLET.match(line):
                items.append(BULLET.sub("", line, count=1).strip())
                open_item = True
            elif line.strip() and open_item:  # a bulleted line that goes on
                items[-1] = f"{items[-1]} {line.strip()}"
            else:
                open_item = False
                other.append(line.strip())
        outside = "\n".join(other).strip()
        return outside, [item for item in items if item]
    paragraphs = [part.strip() for part in "\n".join(lines).split("\n\n") if part.strip()]
    if len(paragraphs) == 1:
        return "", [line.strip() for line in paragraphs[0].split("\n") if line.strip()]
    return "", [" ".join(part.split()) for part in paragraphs]


def valid_commitment(number: int | None, total: int) -> int | None:
    """The number when the pledge (still) has that commitment, else None."""
    return number if number is not None and 1 <= number <= total else None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(total: int, commitments: Iterable[int | None]) -> Progress:
    """Progress of a pledge with `total` commitments whose public timeline entries belong to
    `commitments` (one number or None per entry); see the module's docstring."""
    marked = list(commitments)
    if total <= 0:
        return Progress(0, 0)
    if total == 1:
        return Progress(1 if marked else 0, 1)
    return Progress(len({n for n in marked if valid_commitment(n, total) is not None}), total)


@dataclass(frozen=True)
class Entry:
    """One entry of the public timeline: public facts only (never a person's name or address)."""

    kind: str
    on: date
    text: str
    url: str = ""
    commitment: int | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def is_update(self) -> bool:
        return self.kind == UPDATE


def ordered(entries: Iterable[Entry]) -> list[Entry]:
    """Newest first; on the same day by KIND_ORDER, then by text."""
    return sorted(entries, key=lambda e: (-e.on.toordinal(), KIND_ORDER.index(e.kind), e.text))
