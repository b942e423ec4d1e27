"""The strategy's pages, under the ``strategy`` namespace (strategy_views.py)."""

from django.urls import path

from . import measure_views, strategy_views

app_name = "strategy"

urlpatterns = [
    path("", strategy_views.home, name="home"),
    # /painopistealueet/
    path(
        "painopistealueet/<int:number>/", strategy_views.focus_area, name="focus_area"
    ),
    # /menestystekijat/
    path("menestystekijat/", strategy_views.success_factors, name="success_factors"),
    # /toimenpiteet/, /toimenpidepaivitykset/
    path("toimenpiteet/<int:pk>/", measure_views.measure, name="measure"),
    path(
        "toimenpiteet/<int:pk>/paivita/",
        measure_views.update_create,
        name="measure_update_create",
    ),
    path(
        "toimenpidepaivitykset/<int:pk>/muokkaa/",
        measure_views.update_edit,
        name="measure_update_edit",
    ),
    # /saavutettavuus/
    path("saavutettavuus/", strategy_views.accessibility, name="accessibility"),
]
