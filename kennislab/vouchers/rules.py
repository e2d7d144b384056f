"""The knowledge-voucher allocation rules (DOMAIN.md), as plain functions on plain data.

* An application that arrives while the scheme is open and every cap allows it is granted
  provisionally at once; otherwise it joins the waiting list, in order of arrival.
* Caps: at most `max_per_example` granted per good example, at most `max_vouchers` in all, and
  the granted amounts never above the budget.
* When a granted application is rejected or withdrawn, waiting applications move up in arrival
  order — each one that fits the caps (a waiting application for a full example is skipped, and
  keeps its place).
* A provisionally granted application is confirmed ("definitief toegekend") or rejected by
  staff within the decision term; a confirmed one still holds its voucher and can only be
  withdrawn (by the applicant, or by staff on their behalf).
* Status changes follow TRANSITIONS; nothing else is possible.

These functions decide; services.py applies a decision in one locked transaction.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

GRANTED, CONFIRMED, WAITING = "granted", "confirmed", "waiting"
REJECTED, WITHDRAWN = "rejected", "withdrawn"
HOLDING = (GRANTED, CONFIRMED)  # the statuses that hold a voucher

# (current status, action) → new status. Actions: grant, confirm, reject, withdraw.
TRANSITIONS: dict[tuple[str, str], str] = {
    (WAITING, "grant"): GRANTED,
    (WAITING, "reject"): REJECTED,
    (WAITING, "withdraw"): WITHDRAWN,
    (GRANTED, "confirm"): CONFIRMED,
    (GRANTED, "reject"): REJECTED,
    (GRANTED, "withdraw"): WITHDRAWN,
    (CONFIRMED, "withdraw"): WITHDRAWN,
}


@dataclass(frozen=True)
class Limits:
    max_vouchers: int
    max_per_example: int
    budget_total: Decimal
    voucher_amount: Decimal


@dataclass(frozen=True)
class State:
    """What is granted now."""

    granted: int = 0
    budget_allocated: Decimal = Decimal("0")
    per_example: Mapping[Hashable, int] = field(default_factory=dict)

    def granting(self, example: Hashable, amount: Decimal) -> State:
        per_example = dict(self.per_example)
        per_example[example] = per_example.get(example, 0) + 1
        return replace(
            self,
            granted=self.granted + 1,
            budget_allocated=self.budget_allocated + amount,
            per_example=per_example,
        )


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str  # Dutch, for the audit log and the applicant


class NotAllowed(Exception):
    """A status change the rules do not allow; the message is Dutch."""


def blocking_cap(limits: Limits, state: State, example: Hashable) -> str | None:
    """Why a grant for `example` would exceed a cap (Dutch), or None when it fits."""
    if state.per_example.get(example, 0) >= limits.max_per_example:
        return (
            f"Voor dit goede voorbeeld zijn al {limits.max_per_example} vouchers toegekend "
            f"(het maximum per voorbeeld)."
        )
    if state.granted >= limits.max_vouchers:
        return f"Alle {limits.max_vouchers} vouchers van deze regeling zijn toegekend."
    if state.budget_allocated + limits.voucher_amount > limits.budget_total:
        return "Het budget van de regeling is op."
    return None


def fits(limits: Limits, state: State, example: Hashable) -> bool:
    return blocking_cap(limits, state, example) is None


def on_arrival(limits: Limits, state: State, example: Hashable) -> Decision:
    """What happens to a new application for `example` (the scheme is open)."""
    reason = blocking_cap(limits, state, example)
    if reason is None:
        return Decision(GRANTED, "Voorlopig toegekend: er was nog ruimte bij aankomst.")
    return Decision(WAITING, f"Op de wachtlijst. {reason}")


def move_up(
    limits: Limits, state: State, waiting: Sequence[tuple[Hashable, Hashable]]
) -> list[Hashable]:
    """Which waiting applications get a voucher now. `waiting`: (application, example) in
    arrival order. Each that fits is granted, the next one is judged with it counted."""
    promoted = []
    for application, example in waiting:
        if fits(limits, state, example):
            promoted.append(application)
            state = state.granting(example, limits.voucher_amount)
    return promoted


def next_status(status: str, action: str) -> str:
    try:
        return TRANSITIONS[status, action]
    except KeyError:
        raise NotAllowed(
            f"Een aanvraag met status ‘{LABELS.get(status, status)}’ kan niet "
            f"‘{ACTION_LABELS.get(action, action)}’ worden."
        ) from None


def frees_a_voucher(status: str, new_status: str) -> bool:
    return status in HOLDING and new_status not in HOLDING


def actions_from(status: str) -> list[str]:
    """The actions the table allows from `status`, in the table's order."""
    return [action for (source, action) in TRANSITIONS if source == status]


LABELS = {
    GRANTED: "voorlopig toegekend",
    CONFIRMED: "definitief toegekend",
    WAITING: "op de wachtlijst",
    REJECTED: "afgewezen",
    WITHDRAWN: "ingetrokken",
}
ACTION_LABELS = {
    "grant": "toegekend",
    "confirm": "definitief toegekend",
    "reject": "afgewezen",
    "withdraw": "ingetrokken",
}
