"""National statistics files: Sotkanet JSON with its regions, PxWeb JSON-stat2;
the management command and the coordinator's upload on /tuonti/; the peers."""

from decimal import Decimal

from django.core.management import CommandError, call_command

import pytest

from indicators.models import Peer, PeerValue, Reading
from indicators.statistics.areas import StatisticsFileError
from indicators.statistics.pxweb import read_pxweb
from indicators.statistics.sotkanet import read_sotkanet

from .import_files import jsonstat_bytes, sotkanet_bytes, upload

pytestmark = pytest.mark.usefixtures("on_2026_06_15")

KEMIJARVI, ROVANIEMI, LAPLAND, FINLAND = 833, 906, 652, 658


# The readers, without a database.


def test_it_reads_sotkanet_rows_in_municipality_codes():
    data, regions = sotkanet_bytes(
        4, {KEMIJARVI: {2024: 31.2}, LAPLAND: {2024: 26.0}, 999: {2024: 1}}
    )
    figures = read_sotkanet(data, regions)
    assert [(f.key, f.area, f.area_name, f.year, f.value) for f in figures] == [
        ("sotkanet:4", "KU320", "Kemijärvi", 2024, Decimal("31.2")),
        ("sotkanet:4", "MK19", "Lappi", 2024, Decimal("26.0")),
    ]  # the female rows and the hospital district are left out


@pytest.mark.parametrize(
    ("data", "regions", "words"),
    [
        (b"not json", sotkanet_bytes(1, {})[1], "Sotkanetin datatiedosto ei ole JSON"),
        (b"[]", b"{}", "luettelo alueista"),
        (
            b'[{"region": 833, "year": 2024, "value": 1}]',
            sotkanet_bytes(1, {})[1],
            "rivi 1: tarvitaan indicator",
        ),
    ],
)
def test_it_refuses_a_bad_sotkanet_file(data, regions, words):
    with pytest.raises(StatisticsFileError) as exc:
        read_sotkanet(data, regions)
    assert words in str(exc.value)


def test_it_reads_a_pxweb_jsonstat2_file_and_its_preliminary_year():
    content = jsonstat_bytes(
        "11ra",
        "vaesto",
        {"KU320": "Kemijärvi", "SSS": "KOKO MAA"},
        ["2023", "2024"],
        [7080, 6990, 5603179, 5635971],
        year_labels={"2023": "2023", "2024": "2024*"},
    )
    figures = read_pxweb(content)
    assert [(f.key, f.area, f.year, f.value, f.preliminary) for f in figures] == [
        ("statfin:11ra:vaesto", "KU320", 2023, 7080, False),
        ("statfin:11ra:vaesto", "KU320", 2024, 6990, True),
        ("statfin:11ra:vaesto", "SSS", 2023, 5603179, False),
        ("statfin:11ra:vaesto", "SSS", 2024, 5635971, True),
    ]


def test_a_status_symbol_marks_a_preliminary_figure_and_null_is_skipped():
    content = jsonstat_bytes(
        "11ra",
        "vaesto",
        {"KU320": "Kemijärvi"},
        ["2023", "2024"],
        [None, 6990],
        statuses={"0": ".", "1": "*"},
    )
    [figure] = read_pxweb(content)
    assert (figure.year, figure.preliminary) == (2024, True)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{}", "JSON-stat2-aineisto"),
        (b'{"class": "dataset", "id": ["A"], "size": [1]}', "puuttuu id"),
    ],
)
def test_it_refuses_a_file_that_is_not_jsonstat2(content, words):
    with pytest.raises(StatisticsFileError) as exc:
        read_pxweb(content)
    assert words in str(exc.value)


# The command and the page, with the database.


@pytest.fixture
def population(make_indicator, technical):
    return make_indicator(
        name="Väkiluku 31.12.",
        unit="asukasta",
        decimals=0,
        direction="increase",
        baseline_value=Decimal("7000"),
        baseline_year=2023,
        target_value=Decimal("7200"),
        target_year=2028,
        external_id="statfin:11ra:vaesto",
    )


@pytest.fixture
def disability(make_indicator):
    """A Sotkanet indicator by its bare number, as the admin's help suggests."""
    return make_indicator(
        name="Työkyvyttömyyseläkettä saavat 25–64-vuotiaat",
        unit="%",
        decimals=1,
        direction="decrease",
        baseline_value=Decimal("12.0"),
        target_value=Decimal("10.0"),
        external_id="4",
    )


@pytest.fixture
def peers(strategy):
    return [
        Peer.objects.create(strategy=strategy, code="SSS", name="Koko maa", order=1),
        Peer.objects.create(strategy=strategy, code="MK19", name="Lappi", order=2),
        Peer.objects.create(strategy=strategy, code="KU698", name="Rovaniemi", order=3),
    ]


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def test_the_command_records_own_figures_and_keeps_peers_apart(
    tmp_path, coordinator, disability, peers
):
    data, regions = sotkanet_bytes(
        4,
        {
            KEMIJARVI: {2024: 13.04, 2025: 12.55},
            ROVANIEMI: {2024: 9.1},
            LAPLAND: {2024: 10.2},
            FINLAND: {2024: 8.9},
        },
    )
    args = [
        "import_statistics",
        "sotkanet",
        _write(tmp_path, "sotkanet.json", data),
        "--alueet",
        _write(tmp_path, "alueet.json", regions),
        "--kayttaja",
        coordinator.username,
    ]
    call_command(*args)
    readings = Reading.objects.filter(indicator=disability).order_by("year")
    # Rounded half up to the indicator's one decimal.
    assert [(r.year, r.value) for r in readings] == [
        (2024, Decimal("13.0")),
        (2025, Decimal("12.6")),
    ]
    assert readings[0].evidence == "THL Sotkanet"
    assert readings[0].history.latest().history_change_reason == (
        "Tuonti tiedostosta sotkanet.json; vahvisti Koordinaattori"
    )
    values = {
        v.peer.code: v.value for v in PeerValue.objects.filter(indicator=disability)
    }
    assert values == {
        "SSS": Decimal("8.9"),
        "MK19": Decimal("10.2"),
        "KU698": Decimal("9.1"),
    }
    # Peers never become readings of the city.
    assert Reading.objects.count() == 2

    # Re-running changes nothing that did not change.
    history = sum(r.history.count() for r in Reading.objects.all())
    imported_at = set(PeerValue.objects.values_list("imported_at", flat=True))
    call_command(*args)
    assert sum(r.history.count() for r in Reading.objects.all()) == history
    assert set(PeerValue.objects.values_list("imported_at", flat=True)) == imported_at


def test_the_command_imports_a_preliminary_figure_as_preliminary(
    tmp_path, coordinator, population
):
    content = jsonstat_bytes(
        "11ra",
        "vaesto",
        {"KU320": "Kemijärvi"},
        ["2024", "2025"],
        [7100, 7050],
        year_labels={"2024": "2024", "2025": "2025*"},
    )
    call_command(
        "import_statistics",
        "pxweb",
        _write(tmp_path, "vaesto.json", content),
        "--kayttaja",
        coordinator.username,
    )
    readings = {r.year: r for r in Reading.objects.filter(indicator=population)}
    assert readings[2024].preliminary is False
    assert readings[2025].preliminary is True
    # The final figure arrives: the ordinary correction clears the mark.
    final = jsonstat_bytes("11ra", "vaesto", {"KU320": "Kemijärvi"}, ["2025"], [7046])
    call_command(
        "import_statistics",
        "pxweb",
        _write(tmp_path, "vaesto2.json", final),
        "--kayttaja",
        coordinator.username,
    )
    reading = Reading.objects.get(indicator=population, year=2025)
    assert (reading.value, reading.preliminary) == (Decimal("7046"), False)
    assert reading.corrected_at is not None
    assert [h.preliminary for h in reading.history.order_by("history_date")] == [
        True,
        False,
    ]


def test_the_command_saves_nothing_when_a_row_is_refused(
    tmp_path, coordinator, population
):
    content = jsonstat_bytes(
        "11ra", "vaesto", {"KU320": "Kemijärvi"}, ["2025", "2030"], [7100, 7000]
    )
    with pytest.raises(CommandError) as exc:
        call_command(
            "import_statistics",
            "pxweb",
            _write(tmp_path, "v.json", content),
            "--kayttaja",
            coordinator.username,
        )
    assert "mitään ei tallennettu" in str(exc.value)
    assert not Reading.objects.exists()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--kayttaja", "nobody"], "Käyttäjää nobody ei ole"),
    ],
)
def test_the_command_refuses_an_unknown_user(tmp_path, population, extra, words):
    content = jsonstat_bytes("11ra", "vaesto", {"KU320": "Kemijärvi"}, ["2025"], [1])
    with pytest.raises(CommandError) as exc:
        call_command(
            "import_statistics", "pxweb", _write(tmp_path, "v.json", content), *extra
        )
    assert words in str(exc.value)


def test_the_command_names_a_file_without_our_municipality(
    tmp_path, coordinator, population
):
    content = jsonstat_bytes("11ra", "vaesto", {"KU698": "Rovaniemi"}, ["2025"], [1])
    with pytest.raises(CommandError) as exc:
        call_command(
            "import_statistics",
            "pxweb",
            _write(tmp_path, "v.json", content),
            "--kayttaja",
            coordinator.username,
        )
    assert "Tiedostossa ei ole kuntaa City of Kemijärvi" in str(exc.value)


def test_the_command_names_a_file_no_indicator_matches(
    tmp_path, coordinator, population
):
    content = jsonstat_bytes("12ab", "muut", {"KU320": "Kemijärvi"}, ["2025"], [1])
    with pytest.raises(CommandError) as exc:
        call_command(
            "import_statistics",
            "pxweb",
            _write(tmp_path, "v.json", content),
            "--kayttaja",
            coordinator.username,
        )
    assert "statfin:12ab:muut" in str(exc.value)


def test_a_coordinator_uploads_a_statistics_file_with_preview(
    client, coordinator, disability, peers
):
    data, regions = sotkanet_bytes(4, {KEMIJARVI: {2025: 12.5}, LAPLAND: {2025: 10.0}})
    client.force_login(coordinator)
    assert "Tilastotiedosto" in client.get("/tuonti/").content.decode()
    r = client.post(
        "/tuonti/tilastot/",
        {
            "tilasto-source": "sotkanet",
            "tilasto-data": upload("sotkanet.json", data),
            "tilasto-regions": upload("alueet.json", regions),
        },
    )
    assert r.status_code == 302
    page = client.get("/tuonti/esikatselu/")
    html = page.content.decode()
    assert "Lappi: 1" in html
    assert not Reading.objects.exists() and not PeerValue.objects.exists()
    client.post("/tuonti/esikatselu/", {"token": page.context["token"]})
    assert Reading.objects.get().value == Decimal("12.5")
    assert PeerValue.objects.get().value == Decimal("10.0")


def test_staff_may_not_upload_statistics(client, recorder, disability):
    client.force_login(recorder)
    r = client.post("/tuonti/tilastot/", {"tilasto-source": "pxweb"})
    assert r.status_code == 403


def test_the_upload_needs_the_regions_file_for_sotkanet(
    client, coordinator, disability
):
    data, _regions = sotkanet_bytes(4, {KEMIJARVI: {2025: 12.5}})
    client.force_login(coordinator)
    r = client.post(
        "/tuonti/tilastot/",
        {"tilasto-source": "sotkanet", "tilasto-data": upload("s.json", data)},
    )
    assert r.status_code == 400
    assert "Sotkanetin tiedot tarvitsevat aluetiedoston." in r.content.decode()
    r = client.post(
        "/tuonti/tilastot/",
        {"tilasto-source": "pxweb", "tilasto-data": upload("s.json", b"{oops")},
    )
    assert r.status_code == 400
    assert "ei ole JSON-tiedosto" in r.content.decode()
