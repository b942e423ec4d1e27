from django.urls import path

from . import (
    api,
    coordination_views,
    entry_views,
    export_views,
    feeds,
    import_views,
    views,
)

app_name = "indicators"

urlpatterns = [
    # /mittarit/: public progress pages (views.py)
    path("mittarit/", views.indicator_list, name="list"),
    path("mittarit/<int:pk>/", views.indicator_detail, name="detail"),
    path("lukuohje/", views.how_to_read, name="how_to_read"),
    # /omat/, /mittarit/<pk>/kirjaa/, /kirjaukset/: staff entry (entry_views.py)
    path("omat/", entry_views.mine, name="mine"),
    path(
        "mittarit/<int:pk>/kirjaa/", entry_views.reading_create, name="reading_create"
    ),
    path(
        "mittarit/<int:pk>/tila/", entry_views.status_override, name="status_override"
    ),
    path(
        "kirjaukset/<int:pk>/muokkaa/",
        entry_views.reading_update,
        name="reading_update",
    ),
    path(
        "kirjaukset/<int:pk>/peru/",
        entry_views.reading_withdraw,
        name="reading_withdraw",
    ),
    # /mittarit/<pk>/julkaise/, /toimialat/, /seuranta/: the coordinator's
    # pages (coordination_views.py)
    path("mittarit/<int:pk>/julkaise/", coordination_views.publish, name="publish"),
    path("toimialat/", coordination_views.departments, name="departments"),
    path(
        "toimialat/<int:pk>/jasenet/",
        coordination_views.department_members,
        name="department_members",
    ),
    path("seuranta/", coordination_views.on_time, name="on_time"),
    path("seuranta/csv/", coordination_views.on_time_csv, name="on_time_csv"),
    # /tuonti/: import of readings and statistics files (import_views.py)
    path("tuonti/", import_views.import_start, name="import_start"),
    path("tuonti/esikatselu/", import_views.import_preview, name="import_preview"),
    path("tuonti/tilastot/", import_views.import_statistics, name="import_statistics"),
    path(
        "tuonti/pohja.csv",
        import_views.import_template,
        {"fmt": "csv"},
        name="import_template_csv",
    ),
    path(
        "tuonti/pohja.xlsx",
        import_views.import_template,
        {"fmt": "xlsx"},
        name="import_template_xlsx",
    ),
    # /api/v1/: open data, public indicators only (api.py)
    path("api/v1/", api.index, name="api_index"),
    path("api/v1/strategia/", api.strategy_structure, name="api_strategy"),
    path("api/v1/mittarit/", api.indicator_list, name="api_list"),
    path("api/v1/mittarit/<int:pk>/", api.indicator_detail, name="api_detail"),
    # /avoin-data/, /mittarit/<pk>/tulokset.*: downloads (export_views.py)
    path("avoin-data/", export_views.open_data, name="open_data"),
    path(
        "avoin-data/tulokset.csv",
        export_views.all_readings_csv,
        name="export_readings_csv",
    ),
    path(
        "avoin-data/mittarit.csv",
        export_views.all_indicators_csv,
        name="export_indicators_csv",
    ),
    path(
        "avoin-data/strategia-seuranta.xlsx",
        export_views.all_xlsx,
        name="export_xlsx",
    ),
    path(
        "mittarit/<int:pk>/tulokset.csv",
        export_views.indicator_csv,
        name="indicator_csv",
    ),
    path(
        "mittarit/<int:pk>/tulokset.xlsx",
        export_views.indicator_xlsx,
        name="indicator_xlsx",
    ),
    # /syote/, /painopistealueet/<n>/syote/, /mittarit/<pk>/syote/: Atom (feeds.py)
    path("syote/", feeds.ProgressFeed(), name="feed"),
    path(
        "painopistealueet/<int:number>/syote/",
        feeds.FocusAreaFeed(),
        name="area_feed",
    ),
    path("mittarit/<int:pk>/syote/", feeds.IndicatorFeed(), name="indicator_feed"),
]
