"""Services: concurrent double submits of the same interest registration store one; the audit
log cannot be changed; the demo loader is idempotent."""

import pytest
from django.core.exceptions import ValidationError

from kennislab.core.testing import run_in_threads
from kennislab.questions import demo, services
from kennislab.questions.models import (
    AdviserRoute,
    InterestRegistration,
    LearningCommunity,
    Question,
    QuestionEvent,
)

DATA = {"name": "Bart Proef", "email": "bart@voorbeeld.example", "organisation": "Proefstad"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_submit_stores_one():
    community = LearningCommunity.objects.create(name="Kring", slug="kring")
    results = run_in_threads(
        [lambda: services.register_interest(community.pk, dict(DATA), "ok")] * 4
    )
    stored = [r for r in results if isinstance(r, InterestRegistration)]
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert len(stored) == 1 and len(refused) == 3, results
    assert InterestRegistration.objects.count() == 1


@pytest.mark.django_db
def test_the_log_cannot_be_changed(theme):
    question = services.ask({"theme": theme, "name": "An", "email": "an@voorbeeld.example",
                             "question": "?"}, "ok")  # fmt: skip
    event = QuestionEvent.objects.get(question=question)
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()


@pytest.mark.django_db
def test_the_demo_without_staff_uses_the_general_inbox():
    first = demo.load_demo()
    assert first.created
    assert LearningCommunity.objects.get(slug="health-transformation-community").is_open
    assert not AdviserRoute.objects.exists()
    assert Question.objects.count() == 3
    assert not Question.objects.filter(assigned_to__isnull=False).exists()
    assert InterestRegistration.objects.count() == 3
    assert {r.status for r in InterestRegistration.objects.all()} == {
        "new", "contacted", "not_suitable"}  # fmt: skip
    assert demo.load_demo().created == []
    assert Question.objects.count() == 3 and demo.database_has_content()


@pytest.mark.django_db
def test_the_demo_routes_two_themes_to_an_existing_staff_user(adviser):
    demo.load_demo()
    routed = set(AdviserRoute.objects.values_list("theme__slug", flat=True))
    assert routed == {"positieve-gezondheid", "leefstijl"}
    assert Question.objects.filter(assigned_to=adviser).count() == 2
    assert demo.load_demo().created == []
    assert AdviserRoute.objects.count() == 2
