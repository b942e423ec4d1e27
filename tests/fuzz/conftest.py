"""Hypothesis settings of the fuzz tests, and the site they post to.

Profiles (``HYPOTHESIS_PROFILE``): ``ci``, the default, is small and
derandomised, so that every run of the suite posts the same examples and a
failure in CI fails again locally; ``deep`` is for long local runs (hundreds
of examples per surface, fresh ones each run, failures kept in
``.hypothesis/`` to be tried first next time).

Why plain pytest functions and savepoints rather than
``hypothesis.extra.django.TestCase``: the fuzz tests need the suite's pytest
fixtures (the role users, the sample site, the access matrix's objects), which
unittest-style test cases cannot take. pytest-django's ``db`` fixture runs a
test in one transaction, and ``harness.rolled_back`` gives each example a
savepoint of its own inside it, so examples cannot see each other's writes.
Hypothesis warns about function-scoped fixtures with ``@given`` because they
are not reset between examples; the savepoint is what resets the database.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

# The access matrix knows every URL, the objects that fill its path and who
# may post to it; the fuzz tests reuse it rather than keep a second list.
from tests.security.test_access_matrix import objects  # noqa: F401

SUPPRESSED = [
    HealthCheck.function_scoped_fixture,
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "ci",
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=SUPPRESSED,
    print_blob=True,
)
settings.register_profile(
    "deep",
    max_examples=300,
    deadline=None,
    suppress_health_check=SUPPRESSED,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``last`` go to the end: the coverage test checks what the
    fuzz tests saw (as tests/browser/conftest.py does for its pages)."""
    last = [item for item in items if item.get_closest_marker("last")]
    if last:
        items[:] = [item for item in items if item not in last] + last
