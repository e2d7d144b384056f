from django.db import migrations, models

import kennislab.challenge.models


class Migration(migrations.Migration):
    dependencies = [("challenge", "0002_hashed_unsubscribe_keys")]

    operations = [
        migrations.RemoveField(model_name="participant", name="unsubscribe_key"),
        migrations.AlterField(
            model_name="participant",
            name="unsubscribe_seed",
            field=models.CharField(
                default=kennislab.challenge.models.new_unsubscribe_seed,
                editable=False,
                max_length=64,
            ),
        ),
        migrations.AlterField(
            model_name="participant",
            name="unsubscribe_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
