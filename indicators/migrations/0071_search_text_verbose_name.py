from django.db import migrations, models


class Migration(migrations.Migration):
    # The column's Finnish name (tests/strategy/test_field_names.py); 0070 is
    # left as merged, as databases may have applied it.
    dependencies = [
        ("indicators", "0070_indicator_search_text"),
    ]

    operations = [
        migrations.AlterField(
            model_name="indicator",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="hakuteksti"
            ),
        ),
    ]
