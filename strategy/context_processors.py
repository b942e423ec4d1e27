from .models import Strategy


def site(request):
    """The current strategy for the header and footer of every page.

    Lazy so that pages that do not show it (the admin) cost no query.
    """

    def current():
        if not hasattr(request, "_current_strategy"):
            request._current_strategy = Strategy.objects.current()
        return request._current_strategy

    return {"current_strategy": current}
