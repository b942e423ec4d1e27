from django.db import migrations, models


class Migration(migrations.Migration):
    """Reading.version becomes lock_version: the optimistic lock's counter,
    shared in name and mechanism with the report drafts (indicators/locking.py).
    """

    dependencies = [
        ("indicators", "0004_finnish_field_names"),
    ]

    operations = [
        migrations.RenameField("reading", "version", "lock_version"),
        migrations.RenameField("historicalreading", "version", "lock_version"),
        migrations.AlterField(
            model_name="reading",
            name="lock_version",
            field=models.PositiveIntegerField(default=1, verbose_name="lukitusversio"),
        ),
        migrations.AlterField(
            model_name="historicalreading",
            name="lock_version",
            field=models.PositiveIntegerField(default=1, verbose_name="lukitusversio"),
        ),
    ]
