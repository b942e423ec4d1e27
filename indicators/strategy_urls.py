"""The strategy's pages, under the ``strategy`` namespace (strategy_views.py)."""

from django.urls import path

from . import strategy_views

app_name = "strategy"

urlpatterns = [
    path("", strategy_views.home, name="home"),
    # /painopistealueet/
    path(
        "painopistealueet/<int:number>/", strategy_views.focus_area, name="focus_area"
    ),
    # /menestystekijat/
    path("menestystekijat/", strategy_views.success_factors, name="success_factors"),
    # /saavutettavuus/
    path("saavutettavuus/", strategy_views.accessibility, name="accessibility"),
]
