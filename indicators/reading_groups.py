"""An indicator page's readings as the reader meets them: newest first, by year.

A monthly indicator gathers a hundred readings over a strategy period; the
page shows the latest year open and folds the earlier ones (``<details>``,
no script), so the definition is not buried under a long table.
"""

from dataclasses import dataclass
from itertools import groupby

from .state import ReadingState


@dataclass(frozen=True)
class YearGroup:
    year: int
    readings: tuple[ReadingState, ...]  # newest first
    open: bool  # the latest year is shown open, earlier ones folded


def by_year(readings) -> list[YearGroup]:
    """``readings`` (oldest first, as a state keeps them) grouped by year,
    the newest year and the newest reading first."""
    newest_first = sorted(readings, key=lambda r: (r.year, r.part), reverse=True)
    return [
        YearGroup(year, tuple(group), open=i == 0)
        for i, (year, group) in enumerate(groupby(newest_first, key=lambda r: r.year))
    ]
