"""Benchmark of the public and staff pages at a large city's volume.

    python bench/pages.py [--repeat 30] [--rebuild] [--only home,list]

Builds (once, then reuses) a dataset in its own SQLite file, bench/out/bench.sqlite3,
or in the database of DATABASE_URL when that is set -- an empty one, or one the
benchmark made: it refuses a database that holds anything else. The Kemijärvi strategy
with 300 indicators, each with 10 years of monthly readings (36 000 readings).
Then, for every page, it reports the SQL query count and the median and 95th
percentile time of a request through Django's test client, beside a *floor*
measured in the same run: a minimal view that fetches the same rows with one
query and renders them as a plain table -- the cost of the content itself.
The figure that matters is the ratio page / floor; the goal is at most 3.

Not part of `make test`: run it with `make bench`.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

N_INDICATORS = 300
N_MONTHS = 120
GOAL_RATIO = 3.0

DEPARTMENTS = [
    ("Tekniset palvelut", "Technical services"),
    ("Sivistyspalvelut", "Education services"),
    ("Hyvinvointipalvelut", "Welfare services"),
    ("Elinvoimapalvelut", "Vitality services"),
    ("Konsernipalvelut", "Group services"),
    ("Kaupunginjohtajan toimisto", "Mayor's office"),
]
PASSWORD = "bench-salasana-123"
# Bumped when the dataset's shape changes, so that an old file is rebuilt.
DATASET_TAG = "(bench v2)"
REPORT_TITLE = "Benchmark: kaupunkistrategian väliraportti"
# When the bench's indicators were defined: before every reading.
DEFINED = datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC)


def setup_django() -> None:
    """Configure Django for a benchmark run: production settings, own database."""
    sys.path.insert(0, str(ROOT))
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kemijarvi.settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-0123456789abcdef")
    # The test client speaks plain HTTP to "testserver".
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SECURE_COOKIES"] = "0"
    import django

    django.setup()
    from django.conf import settings

    # Manifest storage needs collectstatic; the benchmark measures views, not it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


# -- the dataset ------------------------------------------------------------


def months_back(n: int, today: datetime.date) -> list[tuple[int, int]]:
    """The last ``n`` complete months before ``today``, oldest first."""
    year, month = today.year, today.month
    out = []
    for _ in range(n):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((year, month))
    return out[::-1]


def dataset_ready() -> bool:
    from indicators.models import Indicator, Reading

    bench = Indicator.objects.filter(
        external_id__startswith="bench-", description__endswith=DATASET_TAG
    )
    return (
        bench.count() == N_INDICATORS
        and Reading.objects.filter(indicator__in=bench).count()
        == N_INDICATORS * N_MONTHS
    )


def build_dataset(
    out=print, *, n_indicators: int = N_INDICATORS, n_months: int = N_MONTHS
) -> None:
    """The Kemijärvi strategy with 300 indicators × 120 monthly readings (or
    as many as asked: bench/load.py's short trial uses fewer)."""
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.db.models import F

    from simple_history.utils import bulk_create_with_history

    from indicators import periods
    from indicators.models import AnnualTarget, Indicator, Reading
    from strategy import roles
    from strategy.loader import load_strategy_file
    from strategy.models import Department, Measure, SuccessFactor

    started = time.perf_counter()
    with transaction.atomic():
        strategy = load_strategy_file().strategy
        _delete_previous_dataset()

        departments = [
            Department.objects.update_or_create(name=fi, defaults={"name_en": en})[0]
            for fi, en in DEPARTMENTS
        ]
        recorder = _bench_user(BENCH_USERS[0], roles.RECORDERS)
        departments[0].members.add(recorder)
        _bench_user(BENCH_USERS[1], roles.MAYORS_OFFICE)
        Group.objects.get(name=roles.COORDINATORS)  # the migration made the roles

        measures = list(Measure.objects.filter(focus_area__strategy=strategy))
        factors = list(SuccessFactor.objects.filter(strategy=strategy))
        indicators = []
        for i in range(n_indicators):
            qualitative = i % 5 == 4
            direction = ["increase", "decrease", "hold"][i % 3]
            baseline = Decimal(100 + i)
            target = {
                "increase": baseline * Decimal("1.2"),
                "decrease": baseline * Decimal("0.8"),
                "hold": baseline,
            }[direction]
            indicators.append(
                Indicator(
                    strategy=strategy,
                    name=f"Mittari {i + 1:03d}",
                    name_en=f"Indicator {i + 1:03d}",
                    description="Mitä mitataan ja miksi. " + DATASET_TAG,
                    kind="qualitative" if qualitative else "numeric",
                    unit="" if qualitative else "kpl",
                    decimals=0 if qualitative else 1,
                    direction=direction,
                    baseline_value=None if qualitative else baseline,
                    baseline_year=None if qualitative else 2023,
                    target_value=None if qualitative else target,
                    target_year=None if qualitative else 2028,
                    frequency="monthly",
                    data_source="Benchmark-aineisto",
                    department=departments[i % len(departments)],
                    external_id=f"bench-{i + 1:03d}",
                    is_public=i % 10 != 9,
                )
            )
        # No history rows for the definitions: they count as they are now,
        # from their creation date, which must precede every report's cut-off.
        Indicator.objects.bulk_create(indicators)
        Indicator.objects.filter(external_id__startswith="bench-").update(
            published_at=DEFINED, created_at=DEFINED
        )
        indicators = list(
            Indicator.objects.filter(external_id__startswith="bench-").order_by(
                "external_id"
            )
        )

        links = []
        factor_links = []
        for i, ind in enumerate(indicators):
            chosen = {measures[i % len(measures)].pk}
            if i % 3 == 0:
                chosen.add(measures[(i * 7 + 3) % len(measures)].pk)
            links += [
                Indicator.measures.through(indicator_id=ind.pk, measure_id=pk)
                for pk in chosen
            ]
            if i % 4 == 0:
                factor_links.append(
                    Indicator.success_factors.through(
                        indicator_id=ind.pk, successfactor_id=factors[i % 5].pk
                    )
                )
        Indicator.measures.through.objects.bulk_create(links)
        Indicator.success_factors.through.objects.bulk_create(factor_links)

        targets = [
            AnnualTarget(
                indicator=ind,
                year=year,
                value=ind.baseline_value
                + (ind.target_value - ind.baseline_value) * (year - 2023) / 5,
            )
            for ind in indicators
            if ind.kind == "numeric"
            for year in range(2024, 2029)
        ]
        AnnualTarget.objects.bulk_create(targets)

        months = months_back(n_months, datetime.date.today())
        statuses = ["achieved", "on_track", "at_risk", "off_track"]
        readings = []
        for i, ind in enumerate(indicators):
            rnd = random.Random(i)
            for n, (year, month) in enumerate(months):
                fields = {}
                if ind.kind == "numeric":
                    drift = (ind.target_value - ind.baseline_value) * n / n_months
                    noise = Decimal(rnd.uniform(-3, 3)).quantize(Decimal("0.1"))
                    fields["value"] = (ind.baseline_value + drift + noise).quantize(
                        Decimal("0.1")
                    )
                else:
                    fields["qualitative_status"] = rnd.choice(statuses)
                    fields["narrative"] = (
                        "Toimenpiteet etenivät suunnitellusti; kylissä järjestettiin "
                        f"{rnd.randint(1, 9)} tilaisuutta."
                    )
                # Recorded ten days after the period ended, as staff would.
                period_end = periods.Period("monthly", year, month).end
                recorded = datetime.datetime.combine(
                    period_end + datetime.timedelta(days=10),
                    datetime.time(12),
                    tzinfo=datetime.UTC,
                )
                readings.append(
                    Reading(
                        indicator=ind,
                        year=year,
                        part=month,
                        period_end=period_end,
                        created_by=recorder,
                        updated_by=recorder,
                        created_at=recorded,
                        updated_at=recorded,
                        evidence="Benchmark",
                        **fields,
                    )
                )
        bulk_create_with_history(
            readings, Reading, batch_size=2000, default_user=recorder
        )
        # Each reading's history row dated when it was recorded (reports read
        # the data "as it stood" at their cut-off date from the history).
        Reading.history.filter(indicator_id__in=[i.pk for i in indicators]).update(
            history_date=F("created_at")
        )
    out(
        f"built {len(indicators)} indicators, {len(readings)} readings "
        f"in {time.perf_counter() - started:.1f} s"
    )


def _delete_previous_dataset() -> None:
    from django.apps import apps

    from indicators.models import AnnualTarget, Indicator, Reading

    old = list(
        Indicator.objects.filter(external_id__startswith="bench-").values_list(
            "pk", flat=True
        )
    )
    if apps.is_installed("reports"):
        from django.db.models import QuerySet

        from reports.models import MidtermReport

        # Its frozen data names the old indicators. The benchmark's own
        # published report is thrown away on purpose: QuerySet.delete itself,
        # past the model's refusal to delete a published report.
        QuerySet.delete(MidtermReport.objects.filter(title=REPORT_TITLE))
    for model in (Reading, AnnualTarget):
        model.objects.filter(indicator_id__in=old).delete()
        model.history.filter(indicator_id__in=old).delete()
    Indicator.objects.filter(pk__in=old).delete()
    Indicator.history.filter(id__in=old).delete()


def _bench_user(username: str, group: str):
    from django.contrib.auth.models import Group

    from strategy.models import User

    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": username}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


BENCH_USERS = ["bench-kirjaaja", "bench-kanslia"]


def foreign_data() -> list[str]:
    """What the database holds besides the benchmark's own data, one line per
    kind ([] for an empty database or one that only the benchmark filled).

    The benchmark creates users whose password is in this file and replaces
    its own rows: it must never run on a database that serves anyone.
    """
    import tomllib

    from django.apps import apps
    from django.db import connection

    from indicators.models import Indicator
    from reports.models import MidtermReport
    from strategy.loader import DEFAULT_FILE
    from strategy.models import Department, Strategy, User

    tables = set(connection.introspection.table_names())
    if not tables:
        return []
    ours = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    found = []
    others = sorted(tables - ours - {"django_migrations"})
    if others:
        found.append(f"{len(others)} tables of something else: {_some(others)}")
    if User._meta.db_table not in tables:
        return found
    with DEFAULT_FILE.open("rb") as f:
        own_strategy = tomllib.load(f)["strategy"]["slug"]
    for what, queryset, name in [
        ("user accounts", User.objects.exclude(username__in=BENCH_USERS), "username"),
        (
            "departments",
            Department.objects.exclude(name__in=[fi for fi, _ in DEPARTMENTS]),
            "name",
        ),
        ("strategies", Strategy.objects.exclude(slug=own_strategy), "slug"),
        (
            "indicators",
            Indicator.objects.exclude(external_id__startswith="bench-"),
            "name",
        ),
        ("reports", MidtermReport.objects.exclude(title=REPORT_TITLE), "title"),
    ]:
        names = list(queryset.order_by(name).values_list(name, flat=True)[:4])
        if names:
            found.append(f"{queryset.count()} {what}: {_some(names)}")
    return found


def _some(names: list[str]) -> str:
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")


def refuse_foreign_database() -> None:
    """Stop, saying why, unless the database is empty or the benchmark's own."""
    from django.db import connection

    found = foreign_data()
    if found:
        settings = connection.settings_dict
        where = f"{connection.vendor} database {settings['NAME']}"
        if settings.get("HOST"):
            where += f" on {settings['HOST']}"
        sys.exit(
            f"The {where} holds data that is not the benchmark's:\n  "
            + "\n  ".join(found)
            + "\nThe benchmark creates users with a password written in its source "
            "and replaces rows: run it on an empty database of its own (without "
            "DATABASE_URL it uses bench/out/bench.sqlite3)."
        )


def ensure_dataset(rebuild: bool = False, out=print) -> None:
    from django.core.management import call_command

    refuse_foreign_database()
    call_command("migrate", verbosity=0, interactive=False)
    if rebuild or not dataset_ready():
        build_dataset(out)


# -- floors: the same rows with one query, as a plain table -------------------

FLOOR_TEMPLATE = """<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8">
<title>{{ title }}</title></head><body><main><h1>{{ title }}</h1><table>
<caption>{{ title }}</caption>
{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</table></main></body></html>"""

# A static page's content is small beside the site's layout (header, footer,
# language switcher): its floor is the same rows inside the site's base.html.
LAYOUT_FLOOR_TEMPLATE = """{% extends "base.html" %}{% block content %}
<h1>{{ title }}</h1><table><caption>{{ title }}</caption>
{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</table>{% endblock content %}"""
LAYOUT_FLOORS = {"how_to_read"}


def floor_rows(kind: str, arg: str, user) -> list[tuple]:
    """The rows a page shows, fetched with one query (none for static pages).

    Pages with trend lines (focus areas, success factors, the list) show each
    indicator's readings since the year before the strategy period: their floor
    fetches those readings and prints one row per indicator -- name, unit,
    latest value or assessment, and the trend's values in one cell.
    """
    from django.db.models import Subquery

    from indicators.choices import ORDER
    from indicators.models import Indicator, Reading
    from strategy.models import Strategy

    public = Indicator.objects.filter(strategy__is_current=True).public()
    if kind in ("home", "mine"):
        # Each indicator's readings of the last year: the status of a monthly
        # or quarterly indicator is judged on them (its status basis), and the
        # latest of them is shown.
        shown = (
            public
            if kind == "home"
            else Indicator.objects.filter(department__members=user, is_active=True)
        )
        since = {"period_end__gte": datetime.date.today() - datetime.timedelta(400)}
        return _per_indicator(_readings_of(shown, **since))
    elif kind in ("focus_area", "list", "success_factors"):
        if kind == "focus_area":
            shown = public.filter(measures__focus_area__number=int(arg))
        elif kind == "success_factors":
            shown = public.filter(success_factors__isnull=False)
        else:
            shown = public.filter(is_active=True)
        since = Strategy.objects.filter(is_current=True).values("start_year")
        return _per_indicator(_readings_of(shown, year__gte=Subquery(since) - 1))
    elif kind == "detail":
        qs = (
            Reading.objects.filter(indicator_id=int(arg), withdrawn_at__isnull=True)
            .order_by("period_end")
            .values_list("year", "part", "value", "qualitative_status", "narrative")
        )
    elif kind == "how_to_read":
        return [(s.value, s.label) for s in ORDER]
    elif kind == "report":
        # The appendix dominates: every public reading up to the cut-off, a
        # row per indicator and year as the report prints them.
        rows = (
            Reading.objects.filter(
                indicator__in=public,
                withdrawn_at__isnull=True,
                period_end__lte=datetime.date.fromisoformat(arg),
            )
            .order_by("indicator__name", "indicator_id", "period_end")
            .values_list(
                "indicator__name", "year", "part", "value", "qualitative_status"
            )
        )
        by_year = {}
        for name, year, _part, value, status in rows:
            by_year.setdefault((name, year), []).append(value or status)
        return [
            (name, year, " ".join(map(str, v))) for (name, year), v in by_year.items()
        ]
    else:
        raise ValueError(kind)
    return list(qs)


def _readings_of(indicators, **since):
    """The valid readings of ``indicators`` since a date or year, by indicator."""
    from indicators.models import Reading

    return (
        Reading.objects.filter(indicator__in=indicators, withdrawn_at__isnull=True)
        .filter(**since)
        .order_by("indicator__name", "indicator_id", "period_end")
        .values_list(
            "indicator_id",
            "indicator__name",
            "indicator__unit",
            "value",
            "qualitative_status",
        )
    )


def _per_indicator(rows) -> list[tuple]:
    grouped = {}
    for pk, name, unit, value, status in rows:
        row = grouped.setdefault(pk, [name, unit, None, []])
        row[2] = value if value is not None else status
        if value is not None:
            row[3].append(value)
    return [(n, u, last, " ".join(map(str, t))) for n, u, last, t in grouped.values()]


def floor_view(request, kind: str, arg: str):
    from django.http import HttpResponse
    from django.template import engines

    with_layout = kind in LAYOUT_FLOORS
    source = LAYOUT_FLOOR_TEMPLATE if with_layout else FLOOR_TEMPLATE
    template = engines["django"].from_string(source)
    rows = floor_rows(kind, arg, request.user)
    ctx = {"title": kind, "rows": rows}
    return HttpResponse(template.render(ctx, request if with_layout else None))


def _urlpatterns():
    from django.urls import path

    from kemijarvi import urls

    return [
        path("_floor/<str:kind>/<str:arg>/", floor_view),
        *urls.urlpatterns,
    ]


# -- measuring --------------------------------------------------------------


@dataclass
class Page:
    name: str
    path: str
    floor: str  # floor kind/arg
    user: str | None = None  # username to log in as


@dataclass
class Result:
    page: Page
    status: int
    queries: int
    times: list[float]
    floor_queries: int
    floor_times: list[float]
    slowest: list[dict]  # the page's slowest queries: {"sql", "time"}

    @staticmethod
    def p95(times: list[float]) -> float:
        ordered = sorted(times)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def ratio(self) -> float:
        return statistics.median(self.times) / statistics.median(self.floor_times)


def bench_pages() -> list[Page]:
    from indicators.models import Indicator

    bench = Indicator.objects.filter(external_id__startswith="bench-").public()
    numeric = bench.filter(kind="numeric").order_by("external_id")
    qualitative = bench.filter(kind="qualitative").order_by("external_id")
    pages = [Page("home", "/", "home/-")]
    pages += [
        Page(f"focus area {n}", f"/painopistealueet/{n}/", f"focus_area/{n}")
        for n in (1, 2, 3, 4)
    ]
    pages.append(Page("indicator list", "/mittarit/", "list/-"))
    for label, ind in [
        ("numeric", numeric.first()),
        ("numeric", numeric.last()),
        ("qualitative", qualitative.first()),
    ]:
        pages.append(
            Page(
                f"indicator {ind.pk} ({label})",
                f"/mittarit/{ind.pk}/",
                f"detail/{ind.pk}",
            )
        )
    pages += [
        Page("success factors", "/menestystekijat/", "success_factors/-"),
        Page("how to read", "/lukuohje/", "how_to_read/-"),
        Page("/omat/ (recorder)", "/omat/", "mine/-", user="bench-kirjaaja"),
    ]
    report = published_report()
    if report is not None:
        pk, cutoff = report
        pages.append(Page("report (published)", f"/raportit/{pk}/", f"report/{cutoff}"))
    return pages


def published_report() -> tuple[int, str] | None:
    """The benchmark's published mid-term report: (pk, cut-off), if reports exist."""
    try:
        from bench.report_pdf import ensure_report
    except ImportError:
        return None
    return ensure_report()


def timed(client, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(path)
    content = response.content  # a streamed body is produced here
    elapsed = (time.perf_counter() - started) * 1000
    assert content is not None
    return response.status_code, elapsed


def measure(page: Page, repeat: int) -> Result:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from strategy.models import User

    client = Client()
    if page.user:
        client.force_login(User.objects.get(username=page.user))
    floor_path = f"/_floor/{page.floor}/"
    # Warm up (template loading, caches), and count queries once.
    for path in (page.path, floor_path):
        client.get(path)
    # len() reads the connection's log, which the next request clears.
    with CaptureQueriesContext(connection) as q:
        status = client.get(page.path).status_code
    queries = len(q)
    slowest = sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:3]
    with CaptureQueriesContext(connection) as fq:
        client.get(floor_path)
    floor_queries = len(fq)
    times, floor_times = [], []
    for _ in range(repeat):
        # Interleaved, so that drift in the machine's speed hits both alike.
        times.append(timed(client, page.path)[1])
        floor_times.append(timed(client, floor_path)[1])
    return Result(page, status, queries, times, floor_queries, floor_times, slowest)


def table(results: list[Result]) -> str:
    lines = [
        "| page | queries | median ms | p95 ms | floor median ms | ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        if r.status != 200:
            lines.append(f"| {r.page.name} | – | HTTP {r.status} | – | – | – |")
            continue
        flag = "" if r.ratio <= GOAL_RATIO else " ✖"
        lines.append(
            f"| {r.page.name} | {r.queries} | {statistics.median(r.times):.1f} "
            f"| {Result.p95(r.times):.1f} | {statistics.median(r.floor_times):.1f} "
            f"| {r.ratio:.1f}{flag} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests per page")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the dataset")
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument(
        "--queries", action="store_true", help="show each page's slowest queries"
    )
    args = parser.parse_args(argv)

    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import override_settings

    ensure_dataset(args.rebuild)
    module = type(sys)("bench_urls")
    module.urlpatterns = _urlpatterns()
    sys.modules["bench_urls"] = module
    results = []
    with override_settings(ROOT_URLCONF="bench_urls"):
        for page in bench_pages():
            if args.only and not any(o in page.name for o in args.only.split(",")):
                continue
            results.append(measure(page, args.repeat))
    print(
        f"\n{N_INDICATORS} indicators × {N_MONTHS} monthly readings; "
        f"{connection.vendor}; {args.repeat} requests per page; "
        f"DEBUG={settings.DEBUG}\n"
    )
    print(table(results))
    if args.queries:
        for r in results:
            print(f"\n{r.page.name}:")
            for query in r.slowest:
                print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:400]}")
    slow = [r for r in results if r.status == 200 and r.ratio > GOAL_RATIO]
    missing = [r for r in results if r.status != 200]
    if slow:
        print(f"\n{len(slow)} page(s) over {GOAL_RATIO:g}× their floor.")
    if missing:
        print(f"{len(missing)} page(s) did not answer 200.")
    return 1 if slow or missing else 0


if __name__ == "__main__":
    sys.exit(main())
