from .current import current_strategy
from .landing import login_next


def site(request):
    """The current strategy for the header and footer of every page.

    Lazy so that pages that do not show it (the admin) cost no query.
    """
    return {
        "current_strategy": lambda: current_strategy(request),
        "login_next": lambda: login_next(request),
    }
