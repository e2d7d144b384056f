"""Unsubscribe keys are stored hashed, like the other private links (issue 14): the database
holds no key that works as a link, the link in a mail still works, and a link from a mail sent
before the keys were hashed keeps working after the migration."""

import importlib
import secrets
from types import SimpleNamespace

import pytest
from django.db import connection

from kennislab.newsletter import services
from kennislab.newsletter.models import Status, Subscriber

from .helpers import UNSUBSCRIBE_LINK, subscribe

pytestmark = pytest.mark.django_db

migration = importlib.import_module("kennislab.newsletter.migrations.0002_hashed_unsubscribe_keys")


def every_stored_value() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Subscriber._meta.db_table}")  # noqa: S608 (a model)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_the_database_holds_no_unsubscribe_key(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = subscribe("lezer@example.org")
    key = UNSUBSCRIBE_LINK.search(mailoutbox[0].body).group(1)
    assert key == subscriber.unsubscribe_key
    assert key not in every_stored_value()
    assert Subscriber.objects.get(pk=subscriber.pk).unsubscribe_hash != key
    assert services.by_unsubscribe_key(key) == subscriber  # found by its hash


def test_the_key_is_not_the_seed_and_a_guess_finds_nothing():
    subscriber = subscribe("lezer@example.org")
    assert services.by_unsubscribe_key(subscriber.unsubscribe_seed) is None
    assert services.by_unsubscribe_key(subscriber.unsubscribe_hash) is None
    assert services.by_unsubscribe_key(secrets.token_urlsafe(24)) is None
    assert services.by_unsubscribe_key("") is None


def test_a_link_from_before_the_migration_still_unsubscribes(client):
    """The migration's function on a row as it was (with its raw key), then the old link."""
    old_key = secrets.token_urlsafe(24)
    subscriber = subscribe("oud@example.org")
    row = SimpleNamespace(unsubscribe_key=old_key)
    migration.hash_keys_of(row)
    assert old_key not in (row.old_unsubscribe_hash, row.unsubscribe_seed, row.unsubscribe_hash)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        old_unsubscribe_hash=row.old_unsubscribe_hash, unsubscribe_seed=row.unsubscribe_seed,
        unsubscribe_hash=row.unsubscribe_hash,
    )  # fmt: skip
    assert old_key not in every_stored_value()

    response = client.post(f"/nieuwsbrief/afmelden/{old_key}/", {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Status.UNSUBSCRIBED
    # the new link of that subscriber works as well
    migrated = Subscriber.objects.get(pk=subscriber.pk)
    assert services.by_unsubscribe_key(migrated.unsubscribe_key) == migrated


def test_the_migration_derives_the_same_key_as_the_model():
    from kennislab.newsletter.models import unsubscribe_key_for

    assert migration.derived_key("zaad") == unsubscribe_key_for("zaad")


def test_links_in_mails_sent_before_keep_their_key():
    """The shared core.tokens.derived_key gives the same keys as the formula the data
    migration froze (the links in mails already sent keep working)."""
    from importlib import import_module

    from kennislab.challenge import models as challenge_models
    from kennislab.newsletter import models as newsletter_models

    for app, models in (("newsletter", newsletter_models), ("challenge", challenge_models)):
        frozen = import_module(f"kennislab.{app}.migrations.0002_hashed_unsubscribe_keys")
        for seed in ("abc", models.new_unsubscribe_seed()):
            assert models.unsubscribe_key_for(seed) == frozen.derived_key(seed)
            assert models.key_hash("x") == frozen.key_hash("x")
