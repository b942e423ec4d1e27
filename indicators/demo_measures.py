"""Invented progress of the strategy's measures for the demo (load_demo).

Each measure named here gets a department and a contact (if it has none) and
its example updates (if it has no updates yet), marked ``is_demo`` so that the
pages say they are example data. Rows that exist are left alone, as with the
rest of the demo, so a second run changes nothing.
"""

import datetime
from collections import Counter

from strategy.models import (
    ContactPerson,
    Department,
    Measure,
    MeasureUpdate,
    Phase,
    User,
)

# code: (department, contact, [(months before today, phase, Finnish, English)])
PROGRESS = {
    "1.1": (
        "Elinvoimapalvelut",
        "Eino Elinvoima",
        [
            (14, Phase.IN_PROGRESS, "Kylätapahtumien avustushaku avattiin.", ""),
            (
                2,
                Phase.IN_PROGRESS,
                "Kuusi kyläyhdistystä sai avustuksen kesän tapahtumiin.",
                "Six village associations received grants for summer events.",
            ),
        ],
    ),
    "1.2": (
        "Tekniset palvelut",
        "Tiina Tekninen",
        [
            (10, Phase.IN_PROGRESS, "Esteettömyyskartoitus aloitettiin.", ""),
            (
                1,
                Phase.DELAYED,
                "Kartoitus viivästyi urakoitsijan vaihdon vuoksi.",
                "",
            ),
        ],
    ),
    "2.1": (
        "Konsernipalvelut",
        "",
        [
            (
                5,
                Phase.DONE,
                "Sähköinen ajanvaraus otettiin käyttöön kaikissa palvelupisteissä.",
                "Online booking was introduced at every service point.",
            )
        ],
    ),
    "2.3": (
        "Sivistyspalvelut",
        "Sanna Sivistys",
        [(3, Phase.IN_PROGRESS, "Lukion opetussuunnitelman päivitys käynnissä.", "")],
    ),
    "4.1": (
        "Tekniset palvelut",
        "",
        [
            (
                6,
                Phase.SUSPENDED,
                "Kaukolämmön hybridiratkaisun suunnittelu keskeytettiin "
                "rahoituspäätöksen ajaksi.",
                "",
            )
        ],
    ),
}

# Who writes the example updates: a member of the department, as the rule asks.
WRITERS = {"Tekniset palvelut": "kirjaaja", "Sivistyspalvelut": "sivistys"}
DEFAULT_WRITER = "koordinaattori"


def _months_before(today: datetime.date, months: int) -> datetime.date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime.date(year, month, min(today.day, 28))


def load_measure_progress(
    strategy, departments: dict[str, Department], users: dict[str, User], today
) -> Counter:
    """Add the example progress; returns how many rows of each kind it made."""
    created = Counter()
    measures = {
        m.code: m
        for m in Measure.objects.filter(focus_area__strategy=strategy).select_related(
            "focus_area"
        )
    }
    for code, (department, contact, updates) in PROGRESS.items():
        measure = measures.get(code)
        writer = users.get(WRITERS.get(department, DEFAULT_WRITER))
        if measure is None or department not in departments or writer is None:
            continue  # a demo file of its own, without these
        if measure.department_id is None:
            measure.department = departments[department]
            if measure.contact_id is None:
                # Example people: one ContactPerson row per name (a demo title).
                measure.contact, _ = ContactPerson.objects.get_or_create(
                    name=contact,
                    defaults={
                        "title": "Esimerkkiyhteyshenkilö",
                        "title_en": "Example contact person",
                    },
                )
            measure.save(update_fields=["department", "contact"])
        if measure.updates.exists():
            continue
        for months, phase, text, text_en in updates:
            update = MeasureUpdate(
                measure=measure,
                date=_months_before(today, months),
                phase=phase,
                text=text,
                text_en=text_en,
                created_by=writer,
                updated_by=writer,
                is_demo=True,
            )
            update._history_user = writer
            update.save()
            created["measure updates"] += 1
    return created
