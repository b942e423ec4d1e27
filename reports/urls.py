from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    # /raportit/: reading (everyone for published reports)
    path("raportit/", views.report_list, name="list"),
    path("raportit/<int:pk>/", views.report_detail, name="detail"),
    path("raportit/<int:pk>/pdf/", views.report_pdf, name="pdf"),
    path("raportit/<int:pk>/docx/", views.report_docx, name="docx"),
    path(
        "raportit/<int:pk>/lukemat.<str:extension>",
        views.report_data,
        name="data",
    ),
    # /raportit/…: writing (the mayor's office)
    path("raportit/uusi/", views.report_create, name="create"),
    path("raportit/<int:pk>/muokkaa/", views.report_update, name="update"),
    path("raportit/<int:pk>/julkaise/", views.report_publish, name="publish"),
    path(
        "raportit/<int:pk>/uusi-versio/",
        views.report_new_version,
        name="new_version",
    ),
]
