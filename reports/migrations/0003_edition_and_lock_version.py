from django.db import migrations, models


class Migration(migrations.Migration):
    """The report's edition number is no longer called ``version`` beside a
    lock counter; drafts get the optimistic lock that readings have."""

    dependencies = [
        ("reports", "0002_finnish_field_names"),
    ]

    operations = [
        migrations.RenameField("midtermreport", "version", "edition"),
        migrations.RenameField("historicalmidtermreport", "version", "edition"),
        migrations.AlterModelOptions(
            name="midtermreport",
            options={
                "ordering": ["-cutoff_date", "-edition", "-pk"],
                "verbose_name": "väliraportti",
                "verbose_name_plural": "väliraportit",
            },
        ),
        migrations.AddField(
            model_name="midtermreport",
            name="lock_version",
            field=models.PositiveIntegerField(default=1, verbose_name="lukitusversio"),
        ),
        migrations.AddField(
            model_name="historicalmidtermreport",
            name="lock_version",
            field=models.PositiveIntegerField(default=1, verbose_name="lukitusversio"),
        ),
    ]
