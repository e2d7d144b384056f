"""Unsubscribe keys stored hashed (issue 14): every participant gets a seed for new keys and the
hash of a new key; the hash of the key it had is kept, so links in mails sent (or queued) before
this migration keep working. The raw keys are removed (0003)."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import migrations, models


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def derived_key(seed: str) -> str:  # as challenge.models.unsubscribe_key_for
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"kennislab.challenge.unsubscribe:{seed}".encode(),
        hashlib.sha256,
    ).digest()  # fmt: skip
    return base64.urlsafe_b64encode(digest[:24]).decode()


def hash_keys_of(participant) -> None:
    """Fill the new fields of one participant from its raw key (the raw key is dropped later)."""
    if participant.unsubscribe_key:
        participant.old_unsubscribe_hash = key_hash(participant.unsubscribe_key)
    participant.unsubscribe_seed = secrets.token_urlsafe(24)
    participant.unsubscribe_hash = key_hash(derived_key(participant.unsubscribe_seed))


def hash_existing_keys(apps, schema_editor):
    Participant = apps.get_model("challenge", "Participant")
    for participant in Participant.objects.only("pk", "unsubscribe_key").iterator():
        hash_keys_of(participant)
        participant.save(
            update_fields=["old_unsubscribe_hash", "unsubscribe_seed", "unsubscribe_hash"]
        )


class Migration(migrations.Migration):
    dependencies = [("challenge", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="old_unsubscribe_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
        migrations.AddField(
            model_name="participant",
            name="unsubscribe_seed",
            field=models.CharField(editable=False, max_length=64, default=""),
        ),
        migrations.AddField(
            model_name="participant",
            name="unsubscribe_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(hash_existing_keys, migrations.RunPython.noop, elidable=False),
    ]
