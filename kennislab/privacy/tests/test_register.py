"""The register covers every model: a model with an e-mail, name, phone, free-text or file
field that the register neither declares nor calls not personal fails this test."""

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from kennislab.privacy import register
from kennislab.privacy.coverage import candidate_fields, uncovered


def test_every_model_with_personal_fields_is_in_the_register():
    assert uncovered() == {}


@isolate_apps("kennislab.privacy")
def test_a_new_model_that_forgets_the_register_is_found():
    class Booking(models.Model):
        contact_name = models.CharField(max_length=100)
        email = models.EmailField()
        remarks = models.TextField()
        seats = models.PositiveIntegerField()

        class Meta:
            app_label = "privacy"

        def __str__(self):
            return self.contact_name

    assert candidate_fields(Booking) == ["contact_name", "email", "remarks"]
    assert uncovered([Booking]) == {"privacy.Booking": ["contact_name", "email", "remarks"]}


def test_every_project_model_is_either_registered_or_declared_not_personal():
    registered = {entry.model._meta.label for entry in register.entries()}
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("kennislab.")
        and candidate_fields(model)
        and model._meta.label not in registered
        and model._meta.label not in register.NOT_PERSONAL
    ]
    assert missing == []


@pytest.mark.parametrize("entry", register.entries(), ids=lambda entry: entry.key)
def test_each_entry_says_why_how_long_and_on_what_basis(entry):
    assert str(entry.label) and str(entry.purpose)
    assert entry.basis_text.startswith(("toestemming", "uitvoering", "wettelijke", "taak",
                                        "gerechtvaardigd"))  # fmt: skip
    assert entry.retention_lines, f"{entry.key}: no retention"
    if entry.findable and entry.person:
        assert entry.model._meta.get_field(entry.person.split("__")[0])


def test_rule_keys_are_unique_and_terms_positive():
    keys = register.rule_keys()
    assert len(keys) == len(set(keys))
    for _entry, rule in register.rules():
        assert rule.term.days >= 0 and rule.description


def test_a_setting_overrides_a_term(settings):
    rule = next(rule for _entry, rule in register.rules() if rule.key == "outbox_bodies")
    assert rule.term.days == 30
    settings.PRIVACY_RETENTION = {"outbox_bodies": 14}
    assert rule.term.days == 14


@pytest.mark.django_db
def test_the_daily_jobs_apply_the_retention_rules(caplog):
    from datetime import timedelta

    from django.utils import timezone

    from kennislab.core import daily
    from kennislab.core.models import OutgoingEmail

    old = OutgoingEmail.objects.create(to="anna@voorbeeld.example", subject="Oud", body="Tekst",
                                       status="sent")  # fmt: skip
    OutgoingEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=31))
    job = daily.JOBS["privacy: bewaartermijnen toepassen"]
    with caplog.at_level("INFO", logger="kennislab.privacy"):
        assert job() == 1
    assert OutgoingEmail.objects.get(pk=old.pk).body == ""
    assert "outbox_bodies: 1" in caplog.text
    assert job() == 0  # the next day: nothing left
