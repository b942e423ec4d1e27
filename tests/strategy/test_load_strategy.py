import re
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from strategy.loader import DEFAULT_FILE, load_strategy_file
from strategy.models import FocusArea, Measure, Strategy, SuccessFactor, Value

SEED = Path(__file__).resolve().parents[2] / "strategy" / "data" / "seed-2024-2028.txt"
# The spelling slips of the adopted text that the data file corrects (DESIGN.md).
FIXES = {
    "maaseutuuyrittäjyyttä": "maaseutuyrittäjyyttä",
    "tulokellinen": "tuloksellinen",
    "kestävyteen": "kestävyyteen",
    "elinvoimasta tulevaisuutta": "elinvoimaista tulevaisuutta",
}
HEADINGS = {
    "Kemijärven kaupunkistrategia 2024-2028",
    "Toimintaympäristömme",
    "Menestystekijämme",
    "Arvomme",
    "Toimintamme tärkeimmät kohteet",
    "Kriittiset menestystekijämme",
    "Mittarit ja seuranta",
}


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for wrong, right in FIXES.items():
        text = text.replace(wrong, right)
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line in HEADINGS:
            continue
        line = re.sub(r"^(\d\.|-) ", "", line)
        # Split after a full stop followed by a capital letter.
        sentences += re.split(r"(?<=\.) (?=[A-ZÄÖ])", line)
    return sentences


def loaded_text() -> str:
    parts = []
    for s in Strategy.objects.all():
        parts += [
            s.operating_environment,
            s.vision,
            s.mission,
            s.values_intro,
            s.monitoring,
        ]
    parts += [a.lead for a in FocusArea.objects.all()]
    parts += [m.text for m in Measure.objects.all()]
    parts += [f.text for f in SuccessFactor.objects.all()]
    return "\n".join(parts)


def counts() -> tuple:
    return tuple(
        m.objects.count() for m in (Strategy, Value, FocusArea, Measure, SuccessFactor)
    )


def test_it_loads_every_sentence_of_the_seed(db):
    load_strategy_file()
    text = loaded_text()
    sentences = seed_sentences()
    assert len(sentences) > 20
    missing = [s for s in sentences if s not in text]
    assert missing == []


def test_it_loads_the_structure(db):
    strategy = load_strategy_file().strategy
    assert strategy.is_current
    assert (strategy.start_year, strategy.end_year) == (2024, 2028)
    assert [v.name for v in strategy.values.all()] == [
        "avoimuus",
        "vastuullisuus",
        "turvallisuus",
        "yhteisöllisyys",
        "taloudellisuus",
    ]
    assert list(strategy.focus_areas.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert strategy.success_factors.count() == 5
    assert all(m.text_en for m in Measure.objects.all())


def test_it_changes_nothing_on_a_second_run(db):
    load_strategy_file()
    before = counts()
    stamp = list(Measure.objects.values_list("pk", "text"))
    result = load_strategy_file()
    assert not result.changed
    assert counts() == before
    assert list(Measure.objects.values_list("pk", "text")) == stamp


def test_it_updates_in_place_after_an_edit(db, tmp_path):
    load_strategy_file()
    measure = Measure.objects.get(focus_area__number=4, order=2)
    edited = tmp_path / "edited.toml"
    edited.write_text(
        DEFAULT_FILE.read_text(encoding="utf-8").replace(
            "Keskitymme talouden kestävyyteen ja tasapainoon.",
            "Keskitymme talouden kestävyyteen.",
        ),
        encoding="utf-8",
    )
    before = counts()
    result = load_strategy_file(edited)
    assert result.updated == 1
    assert counts() == before
    measure.refresh_from_db()
    assert measure.text == "Keskitymme talouden kestävyyteen."


def test_it_refuses_a_malformed_file_and_changes_nothing(db, tmp_path):
    load_strategy_file()
    before = list(Measure.objects.values_list("pk", "text"))
    broken = tmp_path / "broken.toml"
    # Valid TOML, but a measure without text after other rows would be updated.
    broken.write_text(
        DEFAULT_FILE.read_text(encoding="utf-8")
        .replace("Keskitymme talouden kestävyyteen ja tasapainoon.", "")
        .replace("Kasvatamme kylien", "Kasvatamme KYLIEN"),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as exc:
        call_command("load_strategy", str(broken))
    assert "broken.toml" in str(exc.value)
    assert "measures[2]" in str(exc.value)
    assert list(Measure.objects.values_list("pk", "text")) == before


def test_it_refuses_a_file_that_is_not_toml(db, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[strategy\nslug = ", encoding="utf-8")
    with pytest.raises(CommandError, match="bad.toml: not valid TOML"):
        call_command("load_strategy", str(bad))
    assert Strategy.objects.count() == 0


def test_it_reports_a_second_run_as_up_to_date(db, capsys):
    call_command("load_strategy")
    call_command("load_strategy")
    assert "already up to date" in capsys.readouterr().out
