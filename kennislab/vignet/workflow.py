"""The assessment workflow as one table (pure; services.py applies a step in a transaction).

    concept ──indienen──▶ ingediend ──in behandeling nemen──▶ in beoordeling
                             ▲                                   │  │  │
                             │            aanvulling vragen ◀────┘  │  │
             aanvulling ─────┘   (the applicant completes it)       │  │
             indienen              toekennen ◀──────────────────────┘  │
                                   afwijzen  ◀─────────────────────────┘

Who may take a step: "applicant" (through the private link) or "assessor" (admin permission
vignet.assess_application). A note is required where the applicant must be told why.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT, SUBMITTED, IN_ASSESSMENT, MORE_INFO, AWARDED, REJECTED = (
    "draft",
    "submitted",
    "in_assessment",
    "more_info",
    "awarded",
    "rejected",
)


@dataclass(frozen=True)
class Step:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    actor: str  # "applicant" or "assessor"
    note_required: bool = False


STEPS: tuple[Step, ...] = (
    Step("submit", "Indienen", (DRAFT, MORE_INFO), SUBMITTED, "applicant"),
    Step("start", "In behandeling nemen", (SUBMITTED,), IN_ASSESSMENT, "assessor"),
    Step("request_info", "Aanvulling vragen", (SUBMITTED, IN_ASSESSMENT), MORE_INFO, "assessor",
         note_required=True),
    Step("award", "Toekennen", (IN_ASSESSMENT,), AWARDED, "assessor"),
    Step("reject", "Afwijzen", (IN_ASSESSMENT,), REJECTED, "assessor", note_required=True),
)  # fmt: skip

BY_ACTION = {step.action: step for step in STEPS}


class NotAllowed(Exception):
    """A step that the table does not allow; the message is Dutch, for the person trying."""


def step_for(status: str, action: str, actor: str) -> Step:
    step = BY_ACTION.get(action)
    if step is None or step.actor != actor:
        raise NotAllowed("Deze stap bestaat niet.")
    if status not in step.sources:
        raise NotAllowed(f"‘{step.label}’ kan niet meer: de aanvraag is al verder in behandeling.")
    return step


def available(status: str, actor: str) -> list[Step]:
    return [step for step in STEPS if step.actor == actor and status in step.sources]
