"""The application form's steps, as one table: what each step asks and which criterion of the
engine it answers (that criterion's verdict is shown beside the step's fields).

1. Je organisatie — who applies; the first save (with consent) creates the draft and mails its
   private link.
2. Doelgroep en nulmeting — the target group and the baseline (a renewal needs no baseline: the
   step then asks only the target group and says so).
3. Activiteiten — the repeatable activity rows, and the 30DagenGezonder teams added (their own
   page: a team code, then the team's captain confirms; challenge_link.py).
4. Begeleiding en bewijsstukken — the expert guidance and the evidence uploads.
5. Controleren en indienen — every answer with a link back to its step, the engine's verdict per
   criterion, and the only way to submit.

Each step saves what it asks (saving as you go). "Opslaan en verder" asks every question of the
step that submitting needs; going back or stopping ("Vorige", "Opslaan en later verder") checks
only what is filled in. The check page checks everything again before the application goes in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    fields: tuple[str, ...] = ()  # the application's fields asked on this step
    criteria: tuple[str, ...] = ()  # the engine's criteria judged on this step (criteria.py codes)
    activities: bool = False  # the activity rows
    uploads: bool = False  # evidence files (add, remove)

    @property
    def is_check(self) -> bool:
        return self.number == len(STEPS)


BASELINE_FIELDS = ("baseline_date", "baseline_method", "baseline_participants")

STEPS: tuple[Step, ...] = (
    Step(
        1,
        _("Je organisatie"),
        ("organisation", "place", "province", "contact_name", "email", "phone"),
    ),
    Step(
        2,
        _("Doelgroep en nulmeting"),
        fields=("target_group_size", *BASELINE_FIELDS),
        criteria=("baseline", "renewal"),
    ),
    Step(3, _("Activiteiten"), criteria=("themes",), activities=True),
    Step(
        4,
        _("Begeleiding en bewijsstukken"),
        fields=("guidance_name", "guidance_organisation", "guidance_description"),
        criteria=("guidance",),
        uploads=True,
    ),
    Step(5, _("Controleren en indienen")),
)
FIRST, CHECK = STEPS[0], STEPS[-1]
APPLICATION_FIELDS = tuple(name for step in STEPS for name in step.fields)


def by_number(number) -> Step | None:
    """The step with this number (1–5), or None."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    return STEPS[number - 1] if 1 <= number <= len(STEPS) else None


def of_field(name: str) -> Step:
    """The step that asks this field (activity rows: step 3; anything else: step 1)."""
    if name.startswith("activiteit"):
        return next(step for step in STEPS if step.activities)
    return next((step for step in STEPS if name in step.fields), FIRST)


def of_criterion(code: str) -> Step | None:
    return next((step for step in STEPS if code in step.criteria), None)
