"""The downloadable template file: the user's indicators and their next periods.

One row per active indicator the user may record, with the period that
awaits a reading (``due``), so that filling in the value column and importing
the file records exactly those. CSV the Finnish way (semicolon, UTF-8 with
BOM, which Excel opens with ä and ö intact) or XLSX.
"""

import csv
import datetime
import io

from .. import permissions
from ..choices import Frequency
from ..due import indicator_due
from ..models import Indicator
from .parsing import TEMPLATE_COLUMNS


def template_rows(user, today: datetime.date) -> list[list[str]]:
    indicators = Indicator.objects.active().select_related("strategy").order_by("name")
    if not permissions.records_for_all(user):
        indicators = indicators.filter(department__in=permissions.department_ids(user))
    rows = []
    for indicator in indicators:
        latest = indicator.readings.valid().latest_first().first()
        period = indicator_due(indicator, latest, today).period
        if period is None:
            continue
        cells = {
            "mittari": str(indicator.pk),
            "nimi": indicator.name,
            "yksikkö": indicator.unit if indicator.is_numeric else "",
            "vuosi": str(period.year),
            "jakso": ""
            if indicator.frequency == Frequency.YEARLY
            else str(period.part),
        }
        rows.append([cells.get(column, "") for column in TEMPLATE_COLUMNS])
    return rows


def template_csv(user, today: datetime.date) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    writer.writerows(template_rows(user, today))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(user, today: datetime.date) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tulokset"
    sheet.append(TEMPLATE_COLUMNS)
    for row in template_rows(user, today):
        # Numbers as numbers, so that Excel neither warns nor reformats them.
        sheet.append([int(c) if c.isdigit() else c for c in row])
    sheet.column_dimensions["B"].width = 40
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
