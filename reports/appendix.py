"""The report's appendix: one row per indicator and year.

A council member reads a year's figure, not 12 monthly ones: for each year
the row gives the year's last reading and, for monthly and quarterly
indicators, the value the status rule compared on the indicator's status
basis at that reading (say the twelve-month mean) with the planned value and
the status it gave; a qualitative indicator's row gives the year's last
assessment in words with its explanation. The rows are the status rule's own
answers (``indicators.status.assess_on_basis``), taken when the report is
frozen and stored with it (``reports.freeze``), so a published appendix does
not move when the rule does. Every reading goes with the report as data
(``reports.readings_data``).
"""

from dataclasses import dataclass
from decimal import Decimal

from indicators import status as rule
from indicators.choices import Basis, Status
from indicators.state import IndicatorState
from strategy.i18n import Text


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    part: int  # the period of the year's last reading
    value: Decimal | None  # the year's last reading (numeric)
    basis: str  # what the status compared at that reading
    basis_value: Decimal | None  # e.g. the twelve-month mean
    planned: Decimal | None  # the planned value it was compared with
    status: Status | None  # None for a year before the strategy period
    assessed: str = ""  # the assessment (qualitative)
    narrative: Text = Text()  # the explanation of the year's last reading
    preliminary: bool = False  # the year's last reading is a preliminary figure

    @property
    def before_period(self) -> bool:
        return self.status is None


def year_rows(state: IndicatorState) -> list[YearRow]:
    """The indicator's years, oldest first, as the status rule saw them."""
    definition = state.definition
    readings = state.readings
    last_of_year = {r.year: i for i, r in enumerate(readings)}
    rows = []
    for year, index in sorted(last_of_year.items()):
        reading = readings[index]
        if reading.before_period:
            found = rule.Assessment(Status.NO_DATA, basis=Basis.LATEST)
        else:
            found = rule.assess_on_basis(
                definition, readings[: index + 1], state.targets
            )
        rows.append(
            YearRow(
                year=year,
                part=reading.part,
                value=reading.value,
                basis=str(found.basis),
                basis_value=found.value,
                planned=found.planned,
                status=None if reading.before_period else found.status,
                assessed=reading.assessed,
                narrative=reading.narrative,
                preliminary=reading.preliminary,
            )
        )
    return rows


# -- frozen JSON: a compact list per row ------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def row_to_json(row: YearRow) -> list:
    return [
        row.year,
        row.part,
        _dec(row.value),
        row.basis,
        _dec(row.basis_value),
        _dec(row.planned),
        str(row.status) if row.status else None,
        row.assessed,
        row.narrative.to_json() if row.narrative else "",
        row.preliminary,
    ]


def row_from_json(data: list) -> YearRow:
    # Rows frozen before the preliminary mark have nine items.
    year, part, value, basis, basis_value, planned, status, assessed, text = data[:9]
    preliminary = bool(data[9]) if len(data) > 9 else False
    return YearRow(
        year=year,
        part=part,
        value=_undec(value),
        basis=basis,
        basis_value=_undec(basis_value),
        planned=_undec(planned),
        status=Status(status) if status else None,
        assessed=assessed,
        narrative=Text.from_json(text) if text else Text(),
        preliminary=preliminary,
    )
