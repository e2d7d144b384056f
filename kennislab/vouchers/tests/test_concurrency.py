"""The caps hold under concurrency, on SQLite and on PostgreSQL: many threads, each with its own
database connection, submit applications (some for the same organisation and example) and
withdraw granted ones at the same time. Afterwards no cap is exceeded, every accepted
application is stored exactly once, and nobody waits while a voucher they fit is free.

The SQLite test database is a file for this (settings/test.py): an in-memory database would be
one shared connection, which proves nothing about locking."""

from collections import Counter

import pytest

from kennislab.core.models import OutgoingEmail
from kennislab.core.testing import run_in_threads
from kennislab.vouchers import rules, services
from kennislab.vouchers.models import Application, Status

from .factories import application_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 24
PER_THREAD = 4


def applications_of(thread_number, examples):
    """A thread's applications: PER_THREAD organisations of its own, spread over the
    examples, plus one organisation that every thread sends for the first example (only the
    first to arrive may be taken)."""
    own = [
        (examples[(thread_number + n) % len(examples)], f"Organisatie {thread_number}-{n}")
        for n in range(PER_THREAD)
    ]
    return [*own, (examples[0], "Stichting Dubbel")]


def submitter(thread_number, examples):
    def job():
        outcomes = []
        for example, organisation in applications_of(thread_number, examples):
            try:
                application, _token = services.submit(
                    example, application_data(organisation=organisation), "Toestemming."
                )
                outcomes.append(("accepted", application.pk, organisation))
            except services.ApplicationRefused as refused:
                outcomes.append(("refused", refused.message, organisation))
        return outcomes

    return job


def assert_invariants(scheme):
    applications = list(Application.objects.filter(scheme=scheme))
    granted = [a for a in applications if a.status == Status.GRANTED]
    per_example = Counter(a.example_id for a in granted)
    assert len(granted) <= scheme.max_vouchers
    assert max(per_example.values(), default=0) <= scheme.max_per_example
    assert sum(a.amount for a in granted) <= scheme.budget_total
    assert all(a.amount is None for a in applications if a.status != Status.GRANTED)
    # one arrival order without gaps, one reference each
    assert sorted(a.sequence for a in applications) == list(range(1, len(applications) + 1))
    assert len({a.reference for a in applications}) == len(applications)
    # nobody waits while a voucher they fit is free
    waiting = [a for a in applications if a.status == Status.WAITING]
    room = rules.move_up(
        services.limits_of(scheme),
        services.state_of(scheme),
        [(a.pk, a.example_id) for a in sorted(waiting, key=lambda a: a.sequence)],
    )
    assert room == []
    return applications, granted, per_example


def test_parallel_applications_never_exceed_a_cap_and_are_stored_once(make_voucher_site):
    site = make_voucher_site(examples=5, max_vouchers=7, max_per_example=2)

    results = run_in_threads([submitter(n, site.examples) for n in range(THREADS)])

    errors = [result for result in results if isinstance(result, Exception)]
    assert errors == []
    outcomes = [outcome for result in results for outcome in result]
    accepted = [pk for kind, pk, _org in outcomes if kind == "accepted"]
    refused = [(message, org) for kind, message, org in outcomes if kind == "refused"]

    applications, granted, per_example = assert_invariants(site.scheme)
    # every accepted application is stored exactly once, and nothing else is stored
    assert len(accepted) == len(set(accepted))
    assert sorted(a.pk for a in applications) == sorted(accepted)
    # the shared organisation was taken once; every other thread was told why
    assert len(accepted) == THREADS * PER_THREAD + 1
    assert [org for _message, org in refused] == ["Stichting Dubbel"] * (THREADS - 1)
    assert all(message == services.duplicate_message() for message, _org in refused)
    # the caps were reached: there were far more applications than vouchers
    assert len(granted) == site.scheme.max_vouchers
    assert len(per_example) >= site.scheme.max_vouchers // site.scheme.max_per_example
    # one confirmation e-mail per stored application
    assert OutgoingEmail.objects.filter(subject__contains="ontvangen").count() == len(accepted)


def test_withdrawals_racing_new_applications_keep_the_caps_and_move_up_in_order(
    make_voucher_site,
):
    site = make_voucher_site(examples=3, max_vouchers=4, max_per_example=2)
    first = [
        services.submit(site.examples[n % 3], application_data(), "Toestemming.")[0]
        for n in range(12)
    ]
    granted_before = [a.pk for a in first if a.status == Status.GRANTED]
    assert len(granted_before) == 4

    def withdraw(pk):
        return lambda: services.decide(pk, "withdraw", "Trekt zich terug.")[0].status

    jobs = [withdraw(pk) for pk in granted_before]
    jobs += [submitter(n, site.examples) for n in range(12)]
    results = run_in_threads(jobs)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert results[: len(granted_before)] == [Status.WITHDRAWN] * len(granted_before)
    _applications, granted, _per_example = assert_invariants(site.scheme)
    assert len(granted) == site.scheme.max_vouchers
    assert not {a.pk for a in granted} & set(granted_before)
    # the freed vouchers went to the waiting list, which came before every new application:
    # the first batch's waiting ones moved up, no newcomer jumped the queue
    first_ids = {a.pk for a in first}
    assert {a.pk for a in granted} <= first_ids


def test_two_staff_deciding_at_once_one_wins_and_the_other_is_told(make_voucher_site):
    """Two staff members open the same provisionally granted application; one confirms it, the
    other rejects it, at the same moment. Exactly one decision is taken; the other is refused
    with the stale-page message and changes nothing (no second event, no second mail)."""
    from kennislab.core.workflow import Stale

    site = make_voucher_site(examples=1, max_vouchers=2, max_per_example=2)
    for _round in range(3):
        application, _ = services.submit(site.examples[0], application_data(), "Toestemming.")
        assert application.status == Status.GRANTED
        mails = OutgoingEmail.objects.count()

        def deciding(action, note, pk=application.pk):
            return lambda: services.decide(pk, action, note,
                                           expected_status=Status.GRANTED)[0].status  # fmt: skip

        results = run_in_threads([deciding("confirm", ""), deciding("reject", "Past niet.")])

        won = [result for result in results if isinstance(result, str)]
        lost = [result for result in results if isinstance(result, Exception)]
        assert len(won) == 1 and len(lost) == 1, results
        assert isinstance(lost[0], Stale), lost
        assert "Iemand anders heeft dit intussen behandeld" in str(lost[0])
        stored = Application.objects.get(pk=application.pk)
        assert stored.status == won[0]
        assert stored.events.count() == 2  # received, and the one decision
        assert OutgoingEmail.objects.count() == mails + 1
        if stored.status == Status.REJECTED:
            assert stored.amount is None
        else:
            assert stored.amount == site.scheme.voucher_amount
        if stored.status == Status.CONFIRMED:  # free the voucher for the next round
            services.decide(application.pk, "withdraw", "Opruimen.")
