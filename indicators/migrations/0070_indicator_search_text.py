from django.db import migrations, models

from indicators import search

# The fields of Indicator.SEARCHED_FIELDS when this migration was written.
SEARCHED = (
    "name",
    "name_en",
    "description",
    "description_en",
    "data_source",
    "data_source_en",
)


def fill(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for indicator in Indicator.objects.only("pk", *SEARCHED):
        text = search.document(*(getattr(indicator, name) for name in SEARCHED))
        Indicator.objects.filter(pk=indicator.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0050_drafts_contacts"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
