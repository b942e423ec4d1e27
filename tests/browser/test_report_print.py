"""Clean tables in print: the report page printed from Chromium keeps every
cell's content inside its box (long units, status badges, trend lines), and
on a phone the indicator tables keep their column labels."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The A4 text width of report.css's print rules (210 mm less 38 mm margins).
A4_TEXT_WIDTH = 650

# Every table cell of the report whose content is wider than the cell, or
# whose child boxes (badges, trend lines, spans) reach outside it.
OVERFLOWS = """
() => {
  const found = [];
  for (const cell of document.querySelectorAll('.report table th, .report table td')) {
    const box = cell.getBoundingClientRect();
    if (cell.scrollWidth > cell.clientWidth + 1) {
      const text = cell.textContent.trim().slice(0, 60);
      found.push(`${text}: ${cell.scrollWidth} > ${cell.clientWidth}`);
      continue;
    }
    for (const child of cell.querySelectorAll('*')) {
      const r = child.getBoundingClientRect();
      if (!r.width) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        found.push(`${child.textContent.trim().slice(0, 60)} sticks out of its cell`);
        break;
      }
    }
  }
  return found;
}
"""

# Status badges on one line must not overlap each other (the summary's header).
BADGES_OVERLAP = """
() => {
  const boxes = [...document.querySelectorAll('.report .summary-table thead .status')]
    .map(b => b.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const across = a.left < b.right - 1 && b.left < a.right - 1;
      const down = a.top < b.bottom - 1 && b.top < a.bottom - 1;
      if (across && down) n++;
    }
  return n;
}
"""


@pytest.mark.parametrize("language", ["fi", "en"])
def test_it_prints_the_report_with_every_cell_inside_its_box(
    page, live_server, site, language
):
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server.url}/raportit/{site.report.pk}/")
    page.emulate_media(media="print")
    text = page.locator(".report").inner_text()
    assert "kotitalouksista" in text or "households" in text  # the long unit
    assert page.evaluate(OVERFLOWS) == []
    assert page.evaluate(BADGES_OVERLAP) == 0
    # And Chromium prints it to PDF (what "Tulosta" gives a reader).
    assert page.pdf(format="A4").startswith(b"%PDF-")


def test_it_keeps_the_column_labels_on_a_phone(phone, live_server, site):
    phone.goto(f"{live_server.url}/raportit/{site.report.pk}/")
    cells = phone.locator(".report .indicator-table tbody td[data-label]")
    assert cells.count() > 0
    labels = cells.evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert set(labels) == {
        '"Lähtötaso"',
        '"Tilannepäivänä"',
        '"Tavoite"',
        '"Tila"',
        '"Kehitys"',
    }
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
