"""The fuzz tests' checks can fail: a refused post that saved, an accepted
post that saved an invalid row, and a server error are each caught."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError

import pytest

from .harness import check, snapshot


def answer(status: int):
    return SimpleNamespace(status_code=status)


def test_a_refused_post_that_saved_a_row_is_caught(indicator, recorder, make_reading):
    before = snapshot()
    make_reading(indicator, 2025, "130", user=recorder)
    after = snapshot()
    with pytest.raises(AssertionError, match="refused with 200 yet saved"):
        check(answer(200), before, after)
    check(answer(302), before, after)  # accepted, and the row is valid


def test_an_accepted_post_that_saved_an_invalid_row_is_caught(
    indicator, recorder, make_reading
):
    before = snapshot()
    # Not one of the choices: the database takes it, the model not.
    make_reading(indicator, 2025, "130", user=recorder, qualitative_status="bogus")
    with pytest.raises(ValidationError):
        check(answer(302), before, snapshot())


def test_an_accepted_post_that_saved_a_text_over_its_limit_is_caught(
    indicator, recorder, make_reading
):
    before = snapshot()
    # A TextField's max_length binds only forms: full_clean() takes this.
    make_reading(indicator, 2025, "130", user=recorder, narrative="x" * 4001)
    with pytest.raises(AssertionError, match="over its limit"):
        check(answer(302), before, snapshot())


def test_a_server_error_is_caught(db):
    state = snapshot()
    with pytest.raises(AssertionError):
        check(answer(500), state, state)
