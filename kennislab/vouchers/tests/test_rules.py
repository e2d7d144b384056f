"""The allocation rules as plain functions (no database): caps, arrival decisions, moving up
from the waiting list, and the allowed status changes."""

from decimal import Decimal

import pytest

from kennislab.vouchers import rules
from kennislab.vouchers.rules import (
    CONFIRMED,
    GRANTED,
    REJECTED,
    WAITING,
    WITHDRAWN,
    Limits,
    State,
)

AMOUNT = Decimal("9000")
LIMITS = Limits(max_vouchers=3, max_per_example=2, budget_total=3 * AMOUNT, voucher_amount=AMOUNT)


def state(**per_example):
    """A State in which each keyword's example has that many vouchers granted."""
    granted = sum(per_example.values())
    return State(granted=granted, budget_allocated=granted * AMOUNT, per_example=per_example)


# --- caps -----------------------------------------------------------------------------------


def test_per_example_cap_boundary():
    assert rules.fits(LIMITS, state(a=1), "a")
    assert not rules.fits(LIMITS, state(a=2), "a")
    assert rules.fits(LIMITS, state(a=2), "b")  # another example still has room
    assert rules.blocking_cap(LIMITS, state(a=2), "a") == (
        "Voor dit goede voorbeeld zijn al 2 vouchers toegekend (het maximum per voorbeeld)."
    )


def test_total_cap_boundary():
    assert rules.fits(LIMITS, state(a=1, b=1), "c")
    full = state(a=1, b=1, c=1)
    assert not rules.fits(LIMITS, full, "d")
    assert rules.blocking_cap(LIMITS, full, "d") == (
        "Alle 3 vouchers van deze regeling zijn toegekend."
    )


def test_the_per_example_reason_comes_first_when_both_caps_block():
    limits = Limits(
        max_vouchers=2, max_per_example=2, budget_total=2 * AMOUNT, voucher_amount=AMOUNT
    )
    assert "het maximum per voorbeeld" in rules.blocking_cap(limits, state(a=2), "a")
    assert "Alle 2 vouchers" in rules.blocking_cap(limits, state(a=2), "b")


@pytest.mark.parametrize(
    ("allocated", "fits"),
    [
        (Decimal("11000.00"), True),  # 11,000 + 9,000 is exactly the budget of 20,000
        (Decimal("11000.01"), False),  # one cent over
        (Decimal("11001.00"), False),  # one euro short
        (Decimal("0"), True),
    ],
)
def test_budget_cap_boundary(allocated, fits):
    limits = Limits(
        max_vouchers=10, max_per_example=10, budget_total=Decimal("20000"), voucher_amount=AMOUNT
    )
    current = State(granted=1, budget_allocated=allocated, per_example={"a": 1})
    assert rules.fits(limits, current, "b") is fits
    expected = None if fits else "Het budget van de regeling is op."
    assert rules.blocking_cap(limits, current, "b") == expected


def test_a_budget_tighter_than_the_number_of_vouchers_binds_first():
    limits = Limits(
        max_vouchers=5, max_per_example=5, budget_total=Decimal("20000"), voucher_amount=AMOUNT
    )
    current = State()
    granted = 0
    while rules.fits(limits, current, granted):  # a different example each time
        current = current.granting(granted, AMOUNT)
        granted += 1
    assert granted == 2  # 2 × 9,000 ≤ 20,000 < 3 × 9,000, although 5 vouchers are allowed
    assert rules.blocking_cap(limits, current, "z") == "Het budget van de regeling is op."


# --- arrival --------------------------------------------------------------------------------


def test_arrival_with_room_is_granted_provisionally():
    decision = rules.on_arrival(LIMITS, state(a=1), "a")
    assert decision.status == GRANTED
    assert decision.reason == "Voorlopig toegekend: er was nog ruimte bij aankomst."


def test_arrival_without_room_waits_and_says_why():
    decision = rules.on_arrival(LIMITS, state(a=2), "a")
    assert decision.status == WAITING
    assert decision.reason == (
        "Op de wachtlijst. Voor dit goede voorbeeld zijn al 2 vouchers toegekend "
        "(het maximum per voorbeeld)."
    )
    total = rules.on_arrival(LIMITS, state(a=1, b=1, c=1), "d")
    assert total.status == WAITING
    assert total.reason == "Op de wachtlijst. Alle 3 vouchers van deze regeling zijn toegekend."


def test_granting_returns_a_new_state_and_leaves_the_old_one_alone():
    before = state(a=1)
    after = before.granting("a", AMOUNT)
    assert (after.granted, after.budget_allocated, dict(after.per_example)) == (
        2,
        2 * AMOUNT,
        {"a": 2},
    )
    assert (before.granted, before.budget_allocated, dict(before.per_example)) == (
        1,
        AMOUNT,
        {"a": 1},
    )


# --- moving up ------------------------------------------------------------------------------


def test_move_up_takes_the_first_in_arrival_order():
    waiting = [("w1", "b"), ("w2", "b"), ("w3", "c")]
    assert rules.move_up(LIMITS, state(a=2), waiting) == ["w1"]


def test_move_up_skips_a_waiting_application_whose_example_is_full():
    # One voucher free in all; example a is full, so w1 and w2 (for a) keep waiting and the later
    # w3 (for b) gets it.
    waiting = [("w1", "a"), ("w2", "a"), ("w3", "b"), ("w4", "c")]
    assert rules.move_up(LIMITS, state(a=2), waiting) == ["w3"]


def test_move_up_grants_several_when_several_vouchers_are_free():
    # Three vouchers free; w3 would be a third for example a, so w4 (for b) gets the last one.
    waiting = [("w1", "a"), ("w2", "a"), ("w3", "a"), ("w4", "b"), ("w5", "c")]
    assert rules.move_up(LIMITS, State(), waiting) == ["w1", "w2", "w4"]


def test_move_up_respects_the_budget():
    limits = Limits(
        max_vouchers=5, max_per_example=5, budget_total=Decimal("20000"), voucher_amount=AMOUNT
    )
    current = State(granted=1, budget_allocated=AMOUNT, per_example={"a": 1})
    assert rules.move_up(limits, current, [("w1", "b"), ("w2", "c")]) == ["w1"]


def test_move_up_with_nothing_free_or_nobody_waiting():
    assert rules.move_up(LIMITS, state(a=1, b=1, c=1), [("w1", "d")]) == []
    assert rules.move_up(LIMITS, State(), []) == []


# --- status changes -------------------------------------------------------------------------


def test_transitions_are_exactly_the_documented_ones():
    assert rules.TRANSITIONS == {
        (WAITING, "grant"): GRANTED,
        (WAITING, "reject"): REJECTED,
        (WAITING, "withdraw"): WITHDRAWN,
        (GRANTED, "confirm"): CONFIRMED,
        (GRANTED, "reject"): REJECTED,
        (GRANTED, "withdraw"): WITHDRAWN,
        (CONFIRMED, "withdraw"): WITHDRAWN,
    }
    for (status, action), new in rules.TRANSITIONS.items():
        assert rules.next_status(status, action) == new


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (GRANTED, "grant", "Een aanvraag met status ‘voorlopig toegekend’ kan niet ‘toegekend’ worden."),
        (REJECTED, "grant", "Een aanvraag met status ‘afgewezen’ kan niet ‘toegekend’ worden."),
        (REJECTED, "withdraw", "Een aanvraag met status ‘afgewezen’ kan niet ‘ingetrokken’ worden."),
        (WITHDRAWN, "reject", "Een aanvraag met status ‘ingetrokken’ kan niet ‘afgewezen’ worden."),
        (WITHDRAWN, "withdraw", "Een aanvraag met status ‘ingetrokken’ kan niet ‘ingetrokken’ worden."),
        (WAITING, "explode", "Een aanvraag met status ‘op de wachtlijst’ kan niet ‘explode’ worden."),
        (WAITING, "confirm", "Een aanvraag met status ‘op de wachtlijst’ kan niet ‘definitief toegekend’ worden."),
        (CONFIRMED, "confirm", "Een aanvraag met status ‘definitief toegekend’ kan niet ‘definitief toegekend’ worden."),
        (CONFIRMED, "reject", "Een aanvraag met status ‘definitief toegekend’ kan niet ‘afgewezen’ worden."),
        (REJECTED, "confirm", "Een aanvraag met status ‘afgewezen’ kan niet ‘definitief toegekend’ worden."),
    ],
)  # fmt: skip
def test_other_status_changes_are_not_allowed(status, action, message):
    with pytest.raises(rules.NotAllowed) as refused:
        rules.next_status(status, action)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("old", "new", "frees"),
    [
        (GRANTED, REJECTED, True),
        (GRANTED, WITHDRAWN, True),
        (GRANTED, GRANTED, False),
        (WAITING, REJECTED, False),
        (WAITING, WITHDRAWN, False),
        (WAITING, GRANTED, False),
    ],
)
def test_frees_a_voucher(old, new, frees):
    assert rules.frees_a_voucher(old, new) is frees


def test_a_confirmed_voucher_still_holds_its_place_and_frees_it_when_withdrawn():
    assert rules.HOLDING == (GRANTED, CONFIRMED)
    assert not rules.frees_a_voucher(GRANTED, CONFIRMED)  # confirming frees nothing
    assert rules.frees_a_voucher(CONFIRMED, WITHDRAWN)
    assert rules.frees_a_voucher(GRANTED, REJECTED)
    assert not rules.frees_a_voucher(WAITING, REJECTED)


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (WAITING, ["grant", "reject", "withdraw"]),
        (GRANTED, ["confirm", "reject", "withdraw"]),
        (CONFIRMED, ["withdraw"]),
        (REJECTED, []),
        (WITHDRAWN, []),
    ],
)
def test_the_actions_offered_from_each_status(status, actions):
    assert rules.actions_from(status) == actions
