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

from kennislab.core import workflow as tables
from kennislab.core.workflow import NotAllowed, Step  # noqa: F401  (callers: workflow.NotAllowed)

DRAFT, SUBMITTED, IN_ASSESSMENT, MORE_INFO, AWARDED, REJECTED = (
    "draft",
    "submitted",
    "in_assessment",
    "more_info",
    "awarded",
    "rejected",
)


STEPS: tuple[Step, ...] = (
    Step("submit", "Indienen", (DRAFT, MORE_INFO), SUBMITTED, "applicant"),
    Step("start", "In behandeling nemen", (SUBMITTED,), IN_ASSESSMENT, "assessor"),
    Step("request_info", "Aanvulling vragen", (SUBMITTED, IN_ASSESSMENT), MORE_INFO, "assessor",
         note_required=True),
    Step("award", "Toekennen", (IN_ASSESSMENT,), AWARDED, "assessor"),
    Step("reject", "Afwijzen", (IN_ASSESSMENT,), REJECTED, "assessor", note_required=True),
)  # fmt: skip

BY_ACTION = {step.action: step for step in STEPS}


def step_for(status: str, action: str, actor: str) -> Step:
    return tables.step_for(STEPS, status, action, actor,
                           too_late="‘{label}’ kan niet meer: de aanvraag is al verder in "
                           "behandeling.")  # fmt: skip


def available(status: str, actor: str) -> list[Step]:
    return tables.available(STEPS, status, actor)
