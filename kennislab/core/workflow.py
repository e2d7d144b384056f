"""Workflows as declarative step tables (pure): which actor may take which step from which
status, to which status, and whether a note is required. The vignet's assessment, the relay
activities' and the network's moderation are such tables; each app keeps its own table and its
own wording, and asks these functions what a step may do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Step:
    action: str
    label: str  # Dutch, shown on the button or in the choice
    sources: tuple[str, ...]
    target: str
    actor: str  # who takes it: e.g. "editor" (an admin permission) or "organiser" (the link)
    note_required: bool = False


class NotAllowed(Exception):
    """A step the table does not allow; the message is Dutch, for the person trying."""


def step_for(steps: Iterable[Step], status: str, action: str, actor: str, *,
             too_late: str) -> Step:  # fmt: skip
    """The step `action` for `actor` from `status`. `too_late` is the Dutch refusal when the
    step exists but not from this status, with `{label}` for the step's label."""
    step = next((step for step in steps if step.action == action), None)
    if step is None or step.actor != actor:
        raise NotAllowed(_("Deze stap bestaat niet."))
    if status not in step.sources:
        raise NotAllowed(too_late.format(label=step.label))
    return step


def available(steps: Iterable[Step], status: str, actor: str) -> list[Step]:
    return [step for step in steps if step.actor == actor and status in step.sources]


class Stale(Exception):
    """A decision taken on a page that no longer shows the record as it is: someone else decided
    meanwhile. Nothing changes; the message is Dutch, for the staff member."""


def ensure_unchanged(current: str, expected: str | None, current_label: str = "") -> None:
    """Refuse (Stale) when the record's state is no longer the one the staff member saw.
    Services call this after locking the record; `expected` None means no claim was made."""
    if expected is None or str(current) == str(expected):
        return
    raise Stale(
        _("Iemand anders heeft dit intussen behandeld: de status is nu ‘%(status)s’. Er is niets "
          "veranderd. Bekijk de gegevens hieronder en besluit zo nodig opnieuw.")
        % {"status": current_label or current}
    )  # fmt: skip
