"""A URL that fails, for the 500 page's headers (test_headers.py)."""

from django.urls import path


def boom(request):
    raise RuntimeError("a test of the 500 page")


urlpatterns = [path("boom/", boom)]
