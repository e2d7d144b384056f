"""Unsubscribe keys are stored hashed, like the other private links (issue 14): the database
holds no key that works as a link, the link in a mail still unsubscribes, and a link from a mail
sent before the keys were hashed keeps working after the migration."""

import importlib
import secrets
from types import SimpleNamespace

import pytest
from django.db import connection

from kennislab.challenge import services
from kennislab.challenge.models import Participant, new_unsubscribe_fields, unsubscribe_key_for
from kennislab.core.models import OutgoingEmail
from kennislab.privacy import services as privacy

from .factories import ParticipantFactory, sign_up
from .helpers import UNSUBSCRIBE_LINK, text

pytestmark = pytest.mark.django_db

migration = importlib.import_module("kennislab.challenge.migrations.0002_hashed_unsubscribe_keys")
ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def every_stored_value() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Participant._meta.db_table}")  # noqa: S608 (a model)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def subscribed(participant) -> bool:
    return Participant.objects.get(pk=participant.pk).subscribed


def test_the_database_holds_no_unsubscribe_key(challenge):
    participant = sign_up(challenge).participant
    [mail] = OutgoingEmail.objects.all()
    key = UNSUBSCRIBE_LINK.search(mail.body).group(1)
    assert key == participant.unsubscribe_key
    assert key in mail.headers["List-Unsubscribe"]
    assert key not in every_stored_value()
    stored = Participant.objects.get(pk=participant.pk)
    assert stored.unsubscribe_hash != key and stored.unsubscribe_seed != key
    assert stored.old_unsubscribe_hash is None
    assert services.by_unsubscribe_key(key) == participant  # found by its hash


def test_the_link_in_the_mail_unsubscribes(client, challenge):
    participant = sign_up(challenge).participant
    [mail] = OutgoingEmail.objects.all()
    key = UNSUBSCRIBE_LINK.search(mail.body).group(1)

    response = client.post(f"/uitdaging/afmelden/{key}/", ONE_CLICK)

    assert response.status_code == 200
    assert "Je bent afgemeld." in text(response)
    assert not subscribed(participant)


def test_a_participant_made_directly_gets_a_working_key(client, challenge):
    participant = ParticipantFactory(page=challenge)
    assert participant.unsubscribe_key not in every_stored_value()
    assert client.get(f"/uitdaging/afmelden/{participant.unsubscribe_key}/").status_code == 200


def test_the_key_is_not_the_seed_and_a_guess_finds_nothing(challenge):
    participant = sign_up(challenge).participant
    assert services.by_unsubscribe_key(participant.unsubscribe_seed) is None
    assert services.by_unsubscribe_key(participant.unsubscribe_hash) is None
    assert services.by_unsubscribe_key(secrets.token_urlsafe(24)) is None
    assert services.by_unsubscribe_key("") is None
    assert services.by_unsubscribe_key("x" * 101) is None


@pytest.mark.parametrize("kind", ["seed", "hash", "guess", "long"])
def test_a_wrong_key_is_the_dutch_404(client, challenge, kind):
    participant = sign_up(challenge).participant
    key = {
        "seed": participant.unsubscribe_seed,
        "hash": participant.unsubscribe_hash,
        "guess": secrets.token_urlsafe(24),
        "long": "x" * 500,
    }[kind]
    for response in (
        client.get(f"/uitdaging/afmelden/{key}/"),
        client.post(f"/uitdaging/afmelden/{key}/", ONE_CLICK),
        client.post(f"/uitdaging/afmelden/{key}/", {"actie": "afmelden"}),
    ):
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in text(response)
    assert subscribed(participant)


def test_a_link_from_before_the_migration_still_unsubscribes(client, challenge):
    """The migration's function on a row as it was (with its raw key), then the old link."""
    old_key = secrets.token_urlsafe(24)
    participant = ParticipantFactory(page=challenge)
    row = SimpleNamespace(unsubscribe_key=old_key)
    migration.hash_keys_of(row)
    assert old_key not in (row.old_unsubscribe_hash, row.unsubscribe_seed, row.unsubscribe_hash)
    Participant.objects.filter(pk=participant.pk).update(
        old_unsubscribe_hash=row.old_unsubscribe_hash, unsubscribe_seed=row.unsubscribe_seed,
        unsubscribe_hash=row.unsubscribe_hash,
    )  # fmt: skip
    assert old_key not in every_stored_value()

    response = client.post(f"/uitdaging/afmelden/{old_key}/", ONE_CLICK)

    assert response.status_code == 200
    assert not subscribed(participant)
    # the new link of that participant works as well
    migrated = Participant.objects.get(pk=participant.pk)
    assert services.by_unsubscribe_key(migrated.unsubscribe_key) == migrated
    assert client.post(f"/uitdaging/afmelden/{migrated.unsubscribe_key}/",
                       {"actie": "aanmelden"}).status_code == 200  # fmt: skip
    assert subscribed(participant)


def test_the_migration_derives_the_same_key_as_the_model():
    assert migration.derived_key("zaad") == unsubscribe_key_for("zaad")


def test_erasing_the_person_ends_every_unsubscribe_link(client, challenge):
    old_key = secrets.token_urlsafe(24)
    participant = ParticipantFactory(page=challenge, email="weg@example.org")
    Participant.objects.filter(pk=participant.pk).update(
        old_unsubscribe_hash=migration.key_hash(old_key)
    )
    new_key = participant.unsubscribe_key

    privacy.erase(privacy.normalise("weg@example.org"))

    erased = Participant.objects.get(pk=participant.pk)
    assert "weg@example.org" not in every_stored_value()
    for key in (old_key, new_key, erased.unsubscribe_key):
        assert client.get(f"/uitdaging/afmelden/{key}/").status_code == 404


def test_participants_written_in_bulk_get_working_keys(client, challenge):
    """As the benchmarks write them (bulk_create calls no save())."""
    made = Participant.objects.bulk_create(
        Participant(
            page=challenge, status="confirmed", name=f"Bulk {n}", email=f"bulk{n}@example.org",
            email_key=f"bulk{n}@example.org", theme="exercise", goal="Wandelen",
            consent_text="Ja.", token_hash=f"bulk-{n}",
            token_expires_at=challenge.links_expire_at(), **new_unsubscribe_fields(),
        )
        for n in range(3)
    )  # fmt: skip
    for participant in made:
        assert services.by_unsubscribe_key(participant.unsubscribe_key).pk == participant.pk
    assert made[0].unsubscribe_key not in every_stored_value()
