"""Staff pages for recording readings. (Being built: see the indicators issue.)"""

from django.http import Http404


def mine(request):
    raise Http404


def reading_create(request, pk: int):
    raise Http404


def status_override(request, pk: int):
    raise Http404


def reading_update(request, pk: int):
    raise Http404


def reading_withdraw(request, pk: int):
    raise Http404
