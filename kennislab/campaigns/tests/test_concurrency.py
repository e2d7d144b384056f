"""The capacity holds under concurrency, on SQLite and on PostgreSQL: many threads, each with its
own database connection, sign up for one event (some with the same address) while others cancel.
Afterwards the event never has more registered than places, every accepted registration is
stored once, the waiting list is in arrival order, and nobody waits while a place is free."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.campaigns import services
from kennislab.campaigns.models import AgendaPage, EventPage, Registration, Status
from kennislab.content.site import ensure_home
from kennislab.core.testing import run_in_threads

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CAPACITY = 5
THREADS = 16
PER_THREAD = 3


def make_event(capacity=CAPACITY) -> EventPage:
    home = ensure_home()
    agenda = AgendaPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)
    start = timezone.now() + timedelta(days=10)
    event = EventPage(title="Drukbezocht webinar", slug="drukbezocht-webinar", online=True,
                      starts_at=start, ends_at=start + timedelta(hours=1), capacity=capacity)  # fmt: skip
    agenda.add_child(instance=event)
    return event


def data(name: str) -> dict:
    return {"name": name, "email": f"{name.lower().replace(' ', '.')}@voorbeeld.example"}


def signer(event_id: int, thread: int):
    def job():
        outcomes = []
        for name in [f"Deelnemer {thread}-{n}" for n in range(PER_THREAD)] + ["Dubbele Deelnemer"]:
            try:
                signed_up = services.register(event_id, data(name), "Toestemming.")
            except services.Refused as refused:
                outcomes.append(("refused", refused.field, name))
            else:
                kind = "accepted" if signed_up.created else "duplicate"
                outcomes.append((kind, signed_up.registration.pk, signed_up.token))
        return outcomes

    return job


def assert_invariants(event: EventPage):
    registrations = list(Registration.objects.filter(event=event).order_by("sequence"))
    registered = [r for r in registrations if r.status == Status.REGISTERED]
    waiting = [r for r in registrations if r.status == Status.WAITING]
    assert len(registered) <= CAPACITY
    if waiting:  # nobody waits while a place is free
        assert len(registered) == CAPACITY
    sequences = [r.sequence for r in registrations]
    assert len(sequences) == len(set(sequences))  # every registration once, its own number
    active = [r.email_key for r in registrations if r.status != Status.CANCELLED]
    assert len(active) == len(set(active))  # one active registration per address


def test_capacity_holds_under_concurrent_sign_ups():
    event = make_event()
    results = run_in_threads([signer(event.pk, thread) for thread in range(THREADS)])
    errors = [result for result in results if isinstance(result, Exception)]
    assert errors == []
    outcomes = [outcome for result in results for outcome in result]
    accepted = [outcome for outcome in outcomes if outcome[0] == "accepted"]
    duplicates = [outcome for outcome in outcomes if outcome[0] == "duplicate"]
    # every own name is accepted; of the shared one exactly one is stored, and the others get a
    # fresh link to that same registration (the neutral answer)
    assert len(accepted) == THREADS * PER_THREAD + 1
    assert len(duplicates) == THREADS - 1
    shared = Registration.objects.get(event=event, email_key="dubbele.deelnemer@voorbeeld.example")
    assert {outcome[1] for outcome in duplicates} == {shared.pk}
    tokens = [outcome[2] for outcome in outcomes if outcome[1] == shared.pk]
    assert len(tokens) == THREADS  # every answer carried a link ...
    assert sum(services.by_token(token) is not None for token in tokens) == 1  # ... one works
    stored = Registration.objects.filter(event=event)
    assert sorted(stored.values_list("pk", flat=True)) == sorted(a[1] for a in accepted)
    assert stored.filter(status=Status.REGISTERED).count() == CAPACITY
    assert stored.filter(status=Status.WAITING).count() == len(accepted) - CAPACITY
    assert_invariants(event)


def test_cancellations_racing_sign_ups_keep_the_capacity_and_the_queue():
    event = make_event()
    first = [services.register(event.pk, data(f"Vroege Vogel {n}"), "Toestemming.")
             for n in range(CAPACITY + 3)]  # fmt: skip
    first = [(signed_up.registration, signed_up.token) for signed_up in first]
    cancellers = [
        (lambda token=token: services.cancel(token)) for _registration, token in first[:4]
    ]
    signers = [signer(event.pk, thread) for thread in range(8)]
    results = run_in_threads(cancellers + signers)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert_invariants(event)
    stored = Registration.objects.filter(event=event)
    assert stored.filter(status=Status.CANCELLED).count() == 4
    # the 4 freed places went to the waiting list in arrival order: the 3 early waiting ones
    # first, then the earliest of the rest
    registered = stored.filter(status=Status.REGISTERED).count()
    assert registered == CAPACITY
    still_waiting = list(stored.filter(status=Status.WAITING).order_by("sequence"))
    promoted = stored.filter(status=Status.REGISTERED).exclude(
        pk__in=[registration.pk for registration, _token in first]
    )
    if still_waiting and promoted.exists():
        assert max(promoted.values_list("sequence", flat=True)) < still_waiting[0].sequence
    for registration, _token in first[CAPACITY:]:
        registration.refresh_from_db()
        assert registration.status == Status.REGISTERED  # the early waiting ones moved up
