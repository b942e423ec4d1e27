"""Migration indicators 0050: indicators that existed before drafts count as
published from their creation, in their history too, so that a report as of
a past cut-off still finds them."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

BEFORE = [("indicators", "0006_status_basis_preliminary_english_corrected")]
AFTER = [("indicators", "0050_drafts_contacts")]


@pytest.mark.django_db(transaction=True)
def test_it_publishes_what_existed_from_its_creation():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Strategy = apps.get_model("strategy", "Strategy")
    Department = apps.get_model("strategy", "Department")
    Indicator = apps.get_model("indicators", "Indicator")
    History = apps.get_model("indicators", "HistoricalIndicator")
    strategy = Strategy.objects.create(
        slug="s",
        municipality="K",
        title="S",
        start_year=2024,
        end_year=2028,
        operating_environment="-",
        vision="-",
        mission="-",
        monitoring="-",
    )
    department = Department.objects.create(name="Tekniset palvelut")
    indicator = Indicator.objects.create(
        strategy=strategy, name="Vanha", unit="km", department=department
    )
    History.objects.create(
        id=indicator.pk,
        strategy_id=strategy.pk,
        name="Vanha",
        unit="km",
        department_id=department.pk,
        created_at=indicator.created_at,
        updated_at=indicator.updated_at,
        history_date=indicator.created_at,
        history_type="+",
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    migrated = apps.get_model("indicators", "Indicator").objects.get(pk=indicator.pk)
    assert migrated.published_at == migrated.created_at
    version = apps.get_model("indicators", "HistoricalIndicator").objects.get()
    assert version.published_at == version.created_at

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
