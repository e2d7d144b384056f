"""Unsubscribe keys stored hashed (issue 14): every subscriber gets a seed for new keys and the
hash of a new key; the hash of the key it had is kept, so links in mails sent (or queued)
before this migration keep working. The raw keys are removed."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import migrations, models


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def derived_key(seed: str) -> str:  # as newsletter.models.unsubscribe_key_for
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"kennislab.newsletter.unsubscribe:{seed}".encode(),
        hashlib.sha256,
    ).digest()  # fmt: skip
    return base64.urlsafe_b64encode(digest[:24]).decode()


def hash_keys_of(subscriber) -> None:
    """Fill the new fields of one subscriber from its raw key (the raw key is dropped later)."""
    if subscriber.unsubscribe_key:
        subscriber.old_unsubscribe_hash = key_hash(subscriber.unsubscribe_key)
    subscriber.unsubscribe_seed = secrets.token_urlsafe(24)
    subscriber.unsubscribe_hash = key_hash(derived_key(subscriber.unsubscribe_seed))


def hash_existing_keys(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    for subscriber in Subscriber.objects.only("pk", "unsubscribe_key").iterator():
        hash_keys_of(subscriber)
        subscriber.save(
            update_fields=["old_unsubscribe_hash", "unsubscribe_seed", "unsubscribe_hash"]
        )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="old_unsubscribe_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="unsubscribe_seed",
            field=models.CharField(editable=False, max_length=64, default=""),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="unsubscribe_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(hash_existing_keys, migrations.RunPython.noop, elidable=False),
    ]
