"""A form posted into an ended session, kept for the same user's next visit.

When a session ends between opening a form and saving it, the posted fields
(minus the CSRF token) are kept in the new, anonymous session together with
the path they were posted to. Logging in keeps that session's data (Django
cycles the key, not the contents), so the form's view, asked for the same path
by GET, gets the fields back from :func:`posted` and shows the form filled in
and checked, for the user to save again. Nothing is saved without that click.
"""

from django.http import QueryDict

KEY = "_restored_post"


def keep(request, data: QueryDict) -> None:
    data = data.copy()
    data.pop("csrfmiddlewaretoken", None)
    request.session[KEY] = {"path": request.path, "data": data.urlencode()}


def posted(request):
    """The POST data to bind a form to: the request's, or a kept one."""
    if request.method == "POST":
        return request.POST or None
    kept = request.session.get(KEY) if hasattr(request, "session") else None
    if (
        not kept
        or kept.get("path") != request.path
        or not request.user.is_authenticated
    ):
        return None
    del request.session[KEY]
    return QueryDict(kept["data"])
