from django.urls import path

from . import views

app_name = "strategy"

urlpatterns = [
    path("", views.home, name="home"),
    # /painopistealueet/
    path("painopistealueet/<int:number>/", views.focus_area, name="focus_area"),
    # /menestystekijat/
    path("menestystekijat/", views.success_factors, name="success_factors"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
]
