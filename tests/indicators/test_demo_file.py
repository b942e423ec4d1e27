"""The demo data file (indicators/data/demo.toml): edits load, mistakes are refused."""

import datetime
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from indicators.demo import load_demo
from indicators.demo_file import DEFAULT_FILE
from indicators.models import AnnualTarget, Indicator, Reading
from strategy.models import Department, User

TODAY = datetime.date(2026, 11, 27)
UNEMPLOYMENT_EXPLANATION = (
    'explanation = "Paperilomakkeiden käyttö jatkui ennakoitua pidempään, koska osa '
    'sähköisistä lomakkeista uusittiin saavutettavuuskorjausten vuoksi."\n'
)


def edited(tmp_path, *replacements, name="demo.toml"):
    """A copy of the real file with each (old, new) replaced once."""
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    for old, new in replacements:
        # Guards the test itself: the text to break must be in the file.
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def nothing_loaded() -> bool:
    return not (
        Department.objects.exists()
        or User.objects.exists()
        or Indicator.objects.exists()
        or AnnualTarget.objects.exists()
        or Reading.objects.exists()
    )


REFUSALS = {
    "unknown key": (
        ('unit_en = "residents"', 'unti_en = "residents"'),
        "indicator \"Väkiluku\": unknown key 'unti_en' (did you mean 'unit_en'?)",
    ),
    "too many decimals": (
        ("2024 = 64.1\n", "2024 = 64.15\n"),
        'indicator "Nopean laajakaistan saatavuus": readings 2024: 64.15 has '
        "2 decimals; the indicator has 1",
    ),
    "thirteen months": (
        ("2020 = [17.1, 16.9,", "2020 = [17.0, 17.1, 16.9,"),
        'indicator "Työttömyysaste": readings 2020: must be a list of 1 to 12 '
        "values, the months from the first on",
    ),
    "a number as text": (
        ("2023 = 6990\n", '2023 = "6990"\n'),
        'indicator "Väkiluku": readings 2023: must be a number such as 12.5',
    ),
    "a yearly reading after 2025": (
        ("2025 = 6880\n", "2025 = 6880\n2026 = 6850\n"),
        'indicator "Väkiluku": readings 2026: yearly readings stop at 2025, so '
        "that the demo users have 2026 to record",
    ),
    "a reading behind its plan without an explanation": (
        (UNEMPLOYMENT_EXPLANATION, ""),
        'indicator "Sähköisen asioinnin osuus": the reading of Q1/2028 '
        "falls behind its plan (at_risk) and needs a note or an 'explanation'",
    ),
    "a note without its reading": (
        ("[indicators.notes]\n2025 = ", "[indicators.notes]\n2019 = "),
        'indicator "Väkiluku": notes 2019: there is no reading of 2019',
    ),
    "an unknown assessment status": (
        ('status = "on_track"', 'status = "hyvä"'),
        "indicator \"Kylien elinvoima\": assessments[2]: 'status' must be one of "
        "achieved, on_track, at_risk, off_track",
    ),
    "an unknown department": (
        ('department = "Konsernipalvelut"', 'department = "Konserni"'),
        "indicator \"Väkiluku\": department 'Konserni' is not in [[departments]]",
    ),
    "the model's own check": (
        ('unit = "asukasta"\n', ""),
        "indicator \"Väkiluku\": 'unit': Numeerisella mittarilla on oltava yksikkö.",
    ),
    "an unknown role": (
        ('role = "Valtuutetut"', 'role = "Valtuutettu"'),
        "users[5]: 'role' must be one of Kirjaajat, Strategiakoordinaattorit, "
        "Kaupunginjohtajan toimisto, Valtuutetut",
    ),
    "a recorder who is not a demo user": (
        ('recorder = "kirjaaja"', 'recorder = "kirjuri"'),
        "department 'Tekniset palvelut': 'recorder': 'kirjuri' is not one of the "
        "[[users]]",
    ),
    "an unknown placeholder": (
        ("väestörakenne 31.12. ({period}", "väestörakenne 31.12. ({vuosi}"),
        "indicator \"Väkiluku\": 'evidence' may name only {period}",
    ),
    "an annual target outside the strategy period": (
        ("2028 = 300\n", "2029 = 300\n"),
        "indicator \"Vuosikate\": annual_targets 2029: 'year': Vuoden on oltava "
        "strategiakaudella 2024–2028.",
    ),
    "a contact without a title": (
        (
            'contact = { name = "Oskari Lehtola", title = "opetuspäällikkö", '
            'title_en = "head of education" }',
            'contact = { name = "Oskari Lehtola" }',
        ),
        'indicator "Perusopetuksen päättäneiden sijoittuminen jatko-opintoihin": '
        "'contact': 'title' is missing",
    ),
    "a contact's address that is not one": (
        ('email = "strategia@esimerkki.invalid"', 'email = "strategia"'),
        "indicator \"Väkiluku\": 'contact': 'email': ",
    ),
    "a strategy start the strategy does not have": (
        ("strategy_start = 2024", "strategy_start = 2023"),
        "the file's strategy_start is 2023, but the strategy "
        "'kemijarvi-2024-2028' starts in 2024.",
    ),
    "a preliminary year without a reading": (
        ("preliminary = [2025]\n", "preliminary = [2026]\n"),
        'indicator "Väkiluku": preliminary 2026: there is no reading',
    ),
    "a date that is not a date": (
        ("defined_on = 2024-01-15", 'defined_on = "15.1.2024"'),
        "'defined_on' must be a date such as 2024-01-15",
    ),
}


@pytest.mark.parametrize("replacement, message", REFUSALS.values(), ids=REFUSALS)
def test_it_refuses_a_malformed_file_naming_it_and_the_problem(
    strategy, tmp_path, replacement, message
):
    path = edited(tmp_path, replacement)
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", str(path), stdout=StringIO())
    assert f"nothing changed: {path}: {message}" in str(refused.value)
    assert nothing_loaded()


def test_it_refuses_a_file_that_is_not_toml(strategy, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('[[indicators]\nname = "Väkiluku"\n', encoding="utf-8")
    with pytest.raises(CommandError, match=f"{path}: not valid TOML"):
        call_command("load_demo", str(path), stdout=StringIO())
    assert nothing_loaded()


def test_it_refuses_a_missing_file(strategy, tmp_path):
    path = tmp_path / "missing.toml"
    with pytest.raises(CommandError, match=f"{path}: file not found"):
        call_command("load_demo", str(path), stdout=StringIO())
    assert nothing_loaded()


def test_it_undoes_everything_when_the_file_does_not_fit_the_strategy(
    strategy, tmp_path
):
    # The last indicator fails after the departments, users and 17 indicators
    # with their readings were written: one transaction takes them all back.
    path = edited(
        tmp_path,
        (
            'measures = ["4.2"]\nsuccess_factors = [5]\ndata_source = "Konsernijaoston',
            'measures = ["4.9"]\nsuccess_factors = [5]\ndata_source = "Konsernijaoston',
        ),
    )
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", str(path), stdout=StringIO())
    assert (
        f'{path}: indicator "Omistajaohjauksen toimivuus": measure 4.9 is not in '
        "the strategy 'kemijarvi-2024-2028'"
    ) in str(refused.value)
    assert nothing_loaded()


def test_it_loads_a_reading_added_to_the_file(strategy, tmp_path):
    load_demo(debug=False, today=TODAY)
    # History before the strategy period: a hold indicator 5 % above its
    # baseline, but context, never judged: no explanation is made up for it.
    path = edited(
        tmp_path,
        (
            "[indicators.readings]\n2020 = 7270\n",
            "[indicators.readings]\n2019 = 7345\n2020 = 7270\n",
        ),
    )
    count = Reading.objects.count()

    load_demo(debug=False, today=TODAY, path=path)

    assert Reading.objects.count() == count + 1
    reading = Reading.objects.get(indicator__name="Väkiluku", year=2019)
    assert reading.value == 7345
    assert reading.period_end == datetime.date(2019, 12, 31)
    assert reading.narrative == ""
    assert reading.evidence == "Tilastokeskus, väestörakenne 31.12. (2019)"
    assert reading.created_by.username == "koordinaattori"
