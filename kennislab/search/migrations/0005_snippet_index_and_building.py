import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kennislab_search", "0004_state_totals"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="snippet_index",
            field=models.TextField(blank=True, verbose_name="woordposities voor fragmenten"),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="building",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="kennislab_search.searchsegment",
                verbose_name="segment in opbouw",
            ),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="building_since",
            field=models.DateTimeField(blank=True, null=True, verbose_name="opbouw begonnen op"),
        ),
    ]
