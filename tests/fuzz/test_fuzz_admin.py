"""The admin's indicator form, where coordinators define indicators and their
annual targets (``IndicatorAdminForm``, ``AnnualTargetFormSet``), posted with
odd input. Django's own admin forms are Django's to fuzz; these are ours."""

from hypothesis import given
from hypothesis import strategies as st

from indicators.choices import Basis, Direction, Frequency, Kind
from strategy.models import Department
from tests.indicators.test_admin import add_data  # noqa: F401 (the valid post)
from tests.sample import measure

from . import values as V
from .harness import post_and_check

TARGETS = "annual_targets"


def indicator_fields(measures, departments) -> dict:
    number = V.number()
    return {
        "name": V.text(),
        "name_en": V.text(),
        "description": V.text(),
        "kind": V.choice(*Kind.values),
        "unit": V.text(),
        "decimals": st.one_of(V.choice("0", "1", "2", "4", "5", "-1"), number),
        "direction": V.choice(*Direction.values),
        "baseline_value": number,
        "baseline_year": V.year(),
        "target_value": number,
        "target_year": V.year(),
        "min_value": number,
        "max_value": number,
        "frequency": V.choice(*Frequency.values),
        "status_basis": V.choice(*Basis.values),
        "data_source": V.text(),
        "source_url": V.choice("https://example.fi/", "example.fi"),
        "external_id": V.text(),
        "department": V.identifier(*departments),
        "measures": V.identifier(*measures),
        f"{TARGETS}-TOTAL_FORMS": st.one_of(V.choice("0", "1", "2", "1001"), number),
        f"{TARGETS}-INITIAL_FORMS": st.one_of(V.choice("0", "1"), number),
        f"{TARGETS}-0-year": V.year(),
        f"{TARGETS}-0-value": number,
        f"{TARGETS}-1-year": V.year(),
        f"{TARGETS}-1-value": number,
    }


@given(data=st.data())
def test_adding_an_indicator_in_the_admin(data, add_data, staff_coordinator):  # noqa: F811
    departments = Department.objects.values_list("pk", flat=True)
    fields = indicator_fields([measure("2.1").pk, 0], list(departments))
    post = data.draw(V.mutated(add_data, fields))
    post_and_check(staff_coordinator, "/hallinta/indicators/indicator/add/", post)
