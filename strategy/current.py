"""The current strategy: the one way to find it.

Cached on the request, so that the header, the footer and the view share one
query.
"""

from django.http import Http404

from .models import Strategy


def current_strategy(request=None) -> Strategy | None:
    """The strategy marked current, or None when none has been loaded."""
    if request is None:
        return Strategy.objects.current()
    if not hasattr(request, "_current_strategy"):
        request._current_strategy = Strategy.objects.current()
    return request._current_strategy


def current_strategy_or_404(request=None) -> Strategy:
    strategy = current_strategy(request)
    if strategy is None:
        raise Http404("No current strategy has been loaded.")
    return strategy
