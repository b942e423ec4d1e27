"""The 400 page in the site's layout, and 413 for a request that is too large."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render


def bad_request(request, exception=None):
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    return render(
        request,
        "400.html",
        {"too_large": too_large},
        status=413 if too_large else 400,
    )
