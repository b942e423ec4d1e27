"""No form is forgotten: every view that takes a POST has a fuzz test, and
every fuzz test also had a post accepted (so its checks of saved rows ran)."""

import pytest

from tests.security.test_access_matrix import RULES, project_patterns

from . import test_fuzz_forms, test_fuzz_imports  # noqa: F401 (fill COVERED)
from .harness import OUTCOMES
from .surfaces import COVERED


def takes_post(post_rule: dict) -> bool:
    """Some visitor's POST reaches the view's form (the access matrix checks
    these rules against the views themselves)."""
    return any(outcome in ("ok", "400") for outcome in post_rule.values())


def test_every_view_that_takes_a_post_has_a_fuzz_test():
    names = [name for _pattern, name in project_patterns()]
    missing_rules = [name for name in names if name not in RULES]
    assert missing_rules == [], "the access matrix needs a rule first"
    posted = {name for name in names if takes_post(RULES[name][2])}
    assert len(posted) > 10
    assert sorted(posted - COVERED) == [], "add a fuzz test (tests/fuzz/)"
    assert sorted(COVERED - posted) == []


@pytest.mark.last
def test_every_fuzzed_view_also_accepted_a_post():
    """Run after the fuzz tests (tests/fuzz/conftest.py orders it last)."""
    never_accepted = sorted(
        name for name, seen in OUTCOMES.items() if "accepted" not in seen
    )
    assert never_accepted == []
