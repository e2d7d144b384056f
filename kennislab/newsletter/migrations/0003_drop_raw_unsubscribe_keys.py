from django.db import migrations, models

import kennislab.newsletter.models


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0002_hashed_unsubscribe_keys")]

    operations = [
        migrations.RemoveField(model_name="subscriber", name="unsubscribe_key"),
        migrations.AlterField(
            model_name="subscriber",
            name="unsubscribe_seed",
            field=models.CharField(
                default=kennislab.newsletter.models.new_unsubscribe_seed,
                editable=False,
                max_length=64,
            ),
        ),
        migrations.AlterField(
            model_name="subscriber",
            name="unsubscribe_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
