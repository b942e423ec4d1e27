"""The roles of DESIGN.md, as Django groups (created by a data migration)."""

RECORDERS = "Kirjaajat"
COORDINATORS = "Strategiakoordinaattorit"
MAYORS_OFFICE = "Kaupunginjohtajan toimisto"
COUNCILLORS = "Valtuutetut"

ALL = [RECORDERS, COORDINATORS, MAYORS_OFFICE, COUNCILLORS]


def in_group(user, name: str) -> bool:
    """True for superusers and for active members of the group."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached per request object: permission checks run several times a page.
    cache = getattr(user, "_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._group_names = cache
    return name in cache


def is_coordinator(user) -> bool:
    return in_group(user, COORDINATORS)


def is_mayors_office(user) -> bool:
    return in_group(user, MAYORS_OFFICE)


# Who sees an indicator still being drafted (DESIGN.md's staff roles).
DRAFT_READERS = (RECORDERS, COORDINATORS, MAYORS_OFFICE)


def sees_drafts(user) -> bool:
    """Recorders, coordinators, the mayor's office and superusers."""
    return any(in_group(user, name) for name in DRAFT_READERS)
