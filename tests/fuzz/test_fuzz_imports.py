"""The imports, fed odd files: spreadsheets of readings (upload, preview,
confirmation) and national statistics files, through the page and through
``manage.py import_statistics``.

A file is built from rows that would be accepted, with some cells, columns
or the whole file replaced by odd ones (``values``); the preview is then
confirmed with its own token or a wrong one. Each step is checked as a form
is (``harness``): no server error, nothing saved by a refusal, only valid
rows saved by an acceptance.
"""

import io
import json
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from indicators.imports.parsing import COLUMNS
from indicators.models import Peer
from tests.indicators.import_files import SOTKANET_REGIONS, jsonstat_bytes

from . import values as V
from .harness import (
    assert_saved_rows_valid,
    changed_rows,
    checked_post,
    csrf_client,
    rolled_back,
    snapshot,
)
from .surfaces import covers

ALIASES = sorted({alias for aliases in COLUMNS.values() for alias in aliases})
FILE_NAME = st.one_of(
    st.sampled_from(["tulokset.csv", "tulokset.xlsx", "t.txt", "t.CSV", "t.pdf"]),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'),
        min_size=1,
        max_size=20,
    ),
)


def cell_fields(indicator_ids) -> dict:
    return {
        "mittari": V.identifier(*indicator_ids),
        "vuosi": V.year(),
        "jakso": V.number(),
        "arvo": V.number(),
        "ennakkotieto": V.flag(),
        "tila": V.choice("on_track", "riskissä", "Saavutettu"),
        "selitys": V.text(),
        "lähde": V.text(),
        "vahvistus": V.flag(),
    }


@st.composite
def table(draw, valid_row: dict, indicator_ids) -> list[list[str]]:
    """A header and rows: valid ones with odd cells, odd columns at times."""
    header = draw(
        st.one_of(
            st.just(list(valid_row)),
            st.lists(st.one_of(st.sampled_from(ALIASES), V.text()), max_size=6),
        )
    )
    fields = cell_fields(indicator_ids)
    rows = draw(st.lists(V.mutated(valid_row, fields), min_size=1, max_size=3))
    canonical = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}
    return [header] + [
        [row.get(canonical.get(title, title), "") for title in header] for row in rows
    ]


def csv_file(rows, sep: str, encoding: str) -> bytes:
    out = io.StringIO()
    for row in rows:
        out.write(sep.join(f'"{c}"' if sep in c else c for c in row) + "\r\n")
    return out.getvalue().encode(encoding, errors="replace")


def xlsx_file(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@st.composite
def spreadsheet(draw, valid_row: dict, indicator_ids) -> tuple[str, bytes]:
    rows = draw(table(valid_row, indicator_ids))
    kind = draw(st.sampled_from(["csv", "xlsx", "bytes", "broken xlsx"]))
    if kind == "csv":
        sep = draw(st.sampled_from([";", ",", "\t"]))
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
        content = csv_file(rows, sep, encoding)
    elif kind == "xlsx":
        content = xlsx_file(rows)
    elif kind == "bytes":
        content = draw(st.binary(max_size=2000))
    else:
        whole = xlsx_file(rows)
        # Not drawn up to len(whole): a workbook's size varies with its
        # timestamps, and Hypothesis needs the same draws for the same example.
        cut = draw(st.integers(min_value=0, max_value=20_000)) % (len(whole) + 1)
        content = whole[:cut] + draw(st.binary(max_size=50))
    name = draw(st.one_of(st.just(f"tulokset.{kind[-4:].strip()}"), FILE_NAME))
    return name, content


def upload_and_confirm(data, client, upload_path: str, post: dict) -> None:
    """Post the upload, and when it is taken, open the preview and confirm
    it with its own token or another; each post checked."""
    response = checked_post(client, upload_path, post)
    if response.status_code != 302:
        return
    page = client.get("/tuonti/esikatselu/")
    assert page.status_code < 500
    if page.status_code != 200:
        return
    token = data.draw(st.one_of(st.just(page.context["token"]), V.text()))
    checked_post(client, "/tuonti/esikatselu/", {"token": token})


@covers("indicators:import_start", "indicators:import_preview")
@given(data=st.data())
def test_importing_a_spreadsheet(data, sample_site, recorder):
    indicators = sample_site.indicators
    valid_row = {
        "mittari": str(indicators["no_data"].pk),
        "vuosi": "2025",
        "arvo": "50",
        "selitys": "Selitys.",
    }
    ids = [ind.pk for ind in indicators.values()]
    name, content = data.draw(spreadsheet(valid_row, ids))
    with rolled_back():
        client = csrf_client(recorder)
        post = {"file": SimpleUploadedFile(name, content)}
        upload_and_confirm(data, client, "/tuonti/", post)


KEMIJARVI = 833
REGION_IDS = [region["id"] for region in SOTKANET_REGIONS]

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(),
        V.text(),
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIGURE = st.one_of(
    st.floats(min_value=0, max_value=100),
    st.floats(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from(V.ODD_NUMBERS),
    st.none(),
)


def sotkanet_row() -> st.SearchStrategy[dict]:
    valid = {
        "indicator": 4,
        "region": KEMIJARVI,
        "year": 2025,
        "gender": "total",
        "value": 12.5,
    }
    fields = {
        "indicator": st.one_of(st.just("4"), json_values),
        "region": st.one_of(st.sampled_from(REGION_IDS), json_values),
        "year": st.one_of(st.integers(min_value=-10, max_value=10**6), json_values),
        "gender": st.one_of(st.sampled_from(["total", "female", "male"]), json_values),
        "value": st.one_of(FIGURE, json_values),
    }
    return V.mutated(valid, fields)


def as_json(value) -> bytes:
    # NaN and Infinity as Python writes them: not JSON, but files do have them.
    return json.dumps(value).encode()


@st.composite
def sotkanet_files(draw) -> tuple[bytes, bytes]:
    rows = draw(st.lists(sotkanet_row(), min_size=1, max_size=4))
    regions = draw(
        st.one_of(
            st.just(SOTKANET_REGIONS),
            st.lists(V.mutated(SOTKANET_REGIONS[0], {"id": json_values}), max_size=3),
            json_values,
        )
    )
    data = draw(st.one_of(st.just(as_json(rows)), st.binary(max_size=200)))
    return data, draw(st.one_of(st.just(as_json(regions)), st.binary(max_size=100)))


@st.composite
def pxweb_file(draw) -> bytes:
    years = draw(
        st.one_of(
            st.just(["2024", "2025"]),
            st.lists(
                st.one_of(st.sampled_from(["2025", "2025*"]), V.year()), max_size=3
            ),
        )
    )
    areas = draw(
        st.one_of(
            st.just({"KU320": "Kemijärvi", "SSS": "KOKO MAA"}),
            st.dictionaries(
                st.one_of(st.sampled_from(["KU320", "SSS", "MK19"]), V.text()),
                V.text(),
                max_size=3,
            ),
        )
    )
    values = draw(st.lists(FIGURE, max_size=2 * len(years) * len(areas) + 1))
    valid = json.loads(
        jsonstat_bytes("11ra", "vaesto", areas, years, [0] * (len(years) * len(areas)))
    )
    valid["value"] = values
    document = draw(V.mutated(valid, dict.fromkeys(valid, json_values)).filter(bool))
    return draw(st.one_of(st.just(as_json(document)), st.binary(max_size=200)))


@pytest.fixture
def statistics_indicators(make_indicator, strategy):
    for order, code in enumerate(["SSS", "MK19", "KU698"], start=1):
        Peer.objects.create(strategy=strategy, code=code, name=code, order=order)
    return [
        make_indicator(
            name="Työkyvyttömyyseläkettä saavat",
            unit="%",
            direction="decrease",
            baseline_value=Decimal("12.0"),
            target_value=Decimal("10.0"),
            external_id="4",
        ),
        make_indicator(
            name="Väkiluku",
            unit="asukasta",
            decimals=0,
            baseline_value=Decimal("7000"),
            target_value=Decimal("7200"),
            external_id="statfin:11ra:vaesto",
        ),
    ]


@st.composite
def statistics_post(draw) -> dict:
    source = draw(V.choice("sotkanet", "pxweb"))
    if source == "sotkanet":
        data, regions = draw(sotkanet_files())
    else:
        data, regions = draw(pxweb_file()), None
    post = {
        "tilasto-source": source,
        "tilasto-data": SimpleUploadedFile("d.json", data),
    }
    # Sotkanet needs the regions file; PxWeb has none, but one may be sent.
    odd = draw(st.booleans())
    if regions is not None and not odd:
        post["tilasto-regions"] = SimpleUploadedFile("alueet.json", regions)
    elif regions is None and odd:
        post["tilasto-regions"] = SimpleUploadedFile("alueet.json", b"[]")
    return post


@covers("indicators:import_statistics")
@given(data=st.data())
def test_importing_a_statistics_file(data, statistics_indicators, coordinator):
    post = data.draw(statistics_post())
    with rolled_back():
        client = csrf_client(coordinator)
        upload_and_confirm(data, client, "/tuonti/tilastot/", post)


@given(data=st.data())
def test_the_statistics_command(data, statistics_indicators, coordinator, tmp_path):
    source = data.draw(st.sampled_from(["sotkanet", "pxweb"]))
    if source == "sotkanet":
        content, regions = data.draw(sotkanet_files())
    else:
        content, regions = data.draw(pxweb_file()), b"[]"
    (tmp_path / "d.json").write_bytes(content)
    (tmp_path / "r.json").write_bytes(regions)
    args = [source, str(tmp_path / "d.json"), "--kayttaja", coordinator.username]
    if source == "sotkanet":
        args += ["--alueet", str(tmp_path / "r.json")]
    with rolled_back():
        before = snapshot()
        try:
            call_command("import_statistics", *args, stdout=io.StringIO())
        except CommandError:
            assert changed_rows(before, snapshot()) == {}
        else:
            assert_saved_rows_valid(changed_rows(before, snapshot()))
