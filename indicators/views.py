"""Public progress pages. (Being built: see the progress-pages issue.)"""

from django.http import Http404


def indicator_list(request):
    raise Http404


def indicator_detail(request, pk: int):
    raise Http404


def how_to_read(request):
    raise Http404
