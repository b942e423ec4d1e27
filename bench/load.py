"""Load test of the production start: residents browsing, staff recording.

    python bench/load.py [--users 50] [--staff 5] [--duration 120] [--port 8621]
                         [--json out.json] [--indicators 300] [--months 120]

1. Resets a PostgreSQL database of its own (``--database``, kemijarvi_load, on
   the server of DATABASE_URL) and fills it with bench/pages.py's dataset: the
   Kemijärvi strategy with 300 indicators × 120 monthly readings (a large
   city's volume), the benchmark's published mid-term report with its PDF and
   Word files made by the background worker, and one recorder per simulated
   staff member, each with a department and a password known here.
2. Starts the production start, `make serve` itself (deploy checks,
   migrations, static files, the strategy, db_worker and gunicorn with
   kemijarvi/gunicorn.py, debug off), as a plain-HTTP trial on loopback.
3. Runs locust headless (bench/load_users.py): ``--users`` residents browsing
   the public pages and ``--staff`` staff recording and correcting readings.
4. Checks in the database that every write the server acknowledged is there
   exactly once and as written, and prints requests per second, median and
   95th-percentile latency per request type.

Exits non-zero on any failed request, server error or failed check.
Not part of `make test` (a short trial is: tests/production/test_load.py);
run it with `make load`.
"""

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from bench import pages  # noqa: E402

STAFF_PASSWORD = "kuormitus-salasana-123"
SEARCHES = ["Mittari", "mittari 01", "kpl", "Benchmark", "asukas"]
LOAD_MARK = "[LT-"  # in the evidence or reason of every write the staff make


def database_urls(name: str) -> tuple[str, str]:
    """The load database's URL and the server's maintenance database's, on
    the PostgreSQL server of DATABASE_URL."""
    if not name.endswith("_load"):
        sys.exit(f"--database must end with _load: it is reset ({name!r})")
    url = urllib.parse.urlsplit(
        os.environ.get("DATABASE_URL", "postgres://kemijarvi@127.0.0.1:5432/kemijarvi")
    )
    if not url.scheme.startswith("postgres"):
        sys.exit("The load test needs PostgreSQL: set DATABASE_URL to postgres://…")
    return url._replace(path=f"/{name}").geturl(), url._replace(
        path="/postgres"
    ).geturl()


def reset_database(name: str, maintenance_url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def production_env(database_url: str, port: int, tmp: Path) -> dict:
    """`make serve`'s environment for a plain-HTTP trial on loopback (README:
    Production start), with files of its own in ``tmp``."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": str(tmp / "access.log"),
    }


# -- 1. the data ----------------------------------------------------------------


def prepare(args, server: "ProductionStart", out=print) -> dict:
    """Fill the load database that `make serve` migrated; return the plan of
    bench/load_users.py."""
    pages.setup_django()
    from bench.report_pdf import ensure_report

    pages.build_dataset(out, n_indicators=args.indicators, n_months=args.months)
    staff = make_staff(args.staff)
    report = None
    if args.report:
        started = time.perf_counter()
        report, _cutoff = ensure_report()
        # Its PDF and Word files come from make serve's worker: wait for all
        # of them, so that the load meets served files, not the worker at work.
        wait_for_worker(seconds=900)
        server.wait_for(f"/raportit/{report}/pdf/", seconds=60)
        out(
            f"report published, its files made in {time.perf_counter() - started:.1f} s"
        )
    return {"public": public_plan(report), "staff": staff}


def wait_for_worker(seconds: float) -> None:
    """Until the background worker has no task waiting or running."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + seconds
    while (
        DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists()
    ):
        if time.monotonic() > deadline:
            sys.exit(f"The worker did not finish its tasks in {seconds:.0f} s")
        time.sleep(1)


def make_staff(count: int) -> list[dict]:
    """``count`` recorders, each in a department, the indicators of each
    department shared out among its recorders so that none share one."""
    from django.contrib.auth.models import Group

    from indicators.models import Reading
    from strategy import roles
    from strategy.models import Department, User

    departments = list(Department.objects.filter(indicators__isnull=False).distinct())
    recorders = Group.objects.get(name=roles.RECORDERS)
    staff = []
    for n in range(count):
        user = User.objects.create_user(
            username=f"kuormitus-{n + 1}",
            password=STAFF_PASSWORD,
            first_name=f"Kuormittaja {n + 1}",
        )
        user.groups.add(recorders)
        department = departments[n % len(departments)]
        department.members.add(user)
        staff.append({"number": n + 1, "username": user.username, "dept": department})
    for department in departments:
        mine = [s for s in staff if s["dept"] == department]
        indicators = list(department.indicators.active().order_by("pk"))
        for rank, member in enumerate(mine):
            member["indicators"] = [
                {
                    "pk": ind.pk,
                    "decimals": ind.decimals,
                    "last": _text(
                        Reading.objects.valid()
                        .filter(indicator=ind)
                        .order_by("-period_end")
                        .values_list("value", flat=True)
                        .first()
                    ),
                }
                for ind in indicators[rank :: len(mine)]
            ]
    for member in staff:
        del member["dept"]
        member["password"] = STAFF_PASSWORD
    return staff


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def public_plan(report: int | None) -> dict:
    from indicators.models import Indicator
    from strategy.models import Department, FocusArea, Measure, Strategy

    strategy = Strategy.objects.current()
    return {
        "focus_areas": list(
            FocusArea.objects.filter(strategy=strategy).values_list("number", flat=True)
        ),
        "measures": list(
            Measure.objects.filter(focus_area__strategy=strategy).values_list(
                "pk", flat=True
            )
        ),
        "indicators": list(
            Indicator.objects.public().active().values_list("pk", flat=True)
        ),
        "departments": list(Department.objects.values_list("pk", flat=True)),
        "searches": SEARCHES,
        "report": report,
    }


# -- 2. the production start --------------------------------------------------------


def free_port(port: int) -> int:
    with socket.socket() as sock:
        # As gunicorn binds: a port left in TIME_WAIT by a run before is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sys.exit(f"Port {port} is taken: choose another with --port")
    return port


class ProductionStart:
    """`make serve` in a process group of its own (make, db_worker, gunicorn)."""

    def __init__(self, env: dict, port: int, log: Path):
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.process = subprocess.Popen(
            # BIN: this interpreter's virtualenv; STAMP empty: no install step.
            [
                "make",
                "--no-print-directory",
                "serve",
                f"BIN={BIN}",
                "STAMP=",
                "DEPLOY_CHECK_LEVEL=ERROR",  # the plain-HTTP trial's warnings
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for(self, path: str, seconds: float) -> None:
        """Until ``path`` answers 200 (the site is up, a report file is made)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"make serve stopped:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=30) as r:
                    if r.status == 200:
                        return
            except OSError:  # not listening yet, or 503 while a file is made
                time.sleep(0.5)
        self.stop()
        sys.exit(f"{path} did not answer 200 in {seconds:.0f} s")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 60
        try:
            self.process.wait(timeout=60)
            # Then until the rest of the group (gunicorn, db_worker) has gone.
            while time.monotonic() < deadline:
                os.killpg(self.process.pid, 0)
                time.sleep(0.2)
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def server_errors(self) -> int:
        """Tracebacks in the server's log (every error is logged, README)."""
        return self.log.read_text(errors="replace").count("Traceback")


# -- 3. the simulated people ------------------------------------------------------


def run_locust(args, url: str, plan: dict, tmp: Path) -> dict:
    plan_file, result_file = tmp / "plan.json", tmp / "result.json"
    plan_file.write_text(json.dumps(plan))
    users = args.users + args.staff
    subprocess.run(
        [
            str(BIN / "locust"),
            "--locustfile",
            str(ROOT / "bench" / "load_users.py"),
            "--headless",
            "--host",
            url,
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users // 10)),  # all in within ten seconds
            "--run-time",
            f"{args.duration}s",
            "--stop-timeout",
            "60",  # a staff member's write in flight is finished, not cut
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "LOAD_PLAN": str(plan_file),
            "LOAD_RESULT": str(result_file),
        },
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "locust.log").open("w"),
        check=False,  # failed requests make locust exit 1: the table says which
    )
    if not result_file.exists():
        sys.exit(f"locust wrote no result:\n{(tmp / 'locust.log').read_text()[-3000:]}")
    return json.loads(result_file.read_text())


# -- 4. the check -----------------------------------------------------------------


def check_writes(acknowledged: list[dict]) -> list[str]:
    """What is wrong with the acknowledged writes in the database ([] = all
    there exactly once, as written; nothing saved that was not acknowledged)."""
    from django.db.models import Count

    from indicators.models import Reading

    problems = []
    last = {}  # reading pk -> the fields of its last acknowledged write
    for write in acknowledged:
        token = write["token"]
        if write["kind"] == "record":
            found = list(Reading.objects.filter(evidence__contains=token))
            created = Reading.history.filter(history_type="+", evidence__contains=token)
            if len(found) != 1 or created.count() != 1:
                problems.append(
                    f"record {token}: {len(found)} readings, "
                    f"{created.count()} creations in the history"
                )
                continue
            reading = found[0]
            where = (reading.indicator_id, reading.year, reading.part)
            if where != (write["indicator"], write["year"], write["part"]):
                problems.append(f"record {token}: saved for {where}")
            if reading.withdrawn_at is not None:
                problems.append(f"record {token}: withdrawn")
            last[reading.pk] = write["expect"]
        else:
            saved = Reading.history.filter(
                id=write["reading"], history_change_reason__contains=token
            ).count()
            if saved != 1:
                problems.append(f"correction {token}: {saved} times in the history")
            last[write["reading"]] = write["expect"]
    for pk, expect in last.items():
        reading = Reading.objects.get(pk=pk)
        for field, value in expect.items():
            stored = getattr(reading, field)
            if field == "value":
                value = Decimal(value.replace(",", "."))
            if stored != value:
                problems.append(f"reading {pk}: {field} is {stored}, not {value}")
    duplicates = (
        Reading.objects.valid()
        .values("indicator_id", "year", "part")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    if duplicates:
        problems.append(f"{duplicates} periods with more than one valid reading")
    tokens = {w["token"] for w in acknowledged}
    unacknowledged = [
        text
        for text in Reading.history.filter(evidence__contains=LOAD_MARK).values_list(
            "evidence", flat=True
        )
        if text.removeprefix("Kuormitustesti ") not in tokens
    ] + [
        reason
        for reason in Reading.history.filter(
            history_change_reason__contains=LOAD_MARK
        ).values_list("history_change_reason", flat=True)
        if not any(t in reason for t in tokens)
    ]
    if unacknowledged:
        problems.append(f"{len(unacknowledged)} writes saved but never acknowledged")
    return problems


# -- the table --------------------------------------------------------------------


def table(result: dict) -> str:
    lines = [
        "| request | requests | req/s | median ms | p95 ms | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in [*result["requests"], {**result["total"], "name": "**all**"}]:
        lines.append(
            f"| {row['name']} | {row['requests']} | {row['rps']:.2f} "
            f"| {row['median_ms']:.0f} | {row['p95_ms']:.0f} | {row['failures']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="residents browsing")
    parser.add_argument("--staff", type=int, default=5, help="staff recording")
    parser.add_argument("--duration", type=int, default=120, help="seconds")
    parser.add_argument("--port", type=int, default=8621)
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--database", default="kemijarvi_load", help="reset!")
    parser.add_argument("--indicators", type=int, default=pages.N_INDICATORS)
    parser.add_argument("--months", type=int, default=pages.N_MONTHS)
    parser.add_argument(
        "--no-report",
        dest="report",
        action="store_false",
        help="no published report (its files take a while to make)",
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress as it happens

    database_url, maintenance_url = database_urls(args.database)
    port = free_port(args.port)
    pages.OUT.mkdir(parents=True, exist_ok=True)  # a fresh clone has none
    tmp = Path(tempfile.mkdtemp(prefix="load-", dir=pages.OUT))
    reset_database(args.database, maintenance_url)
    env = production_env(database_url, port, tmp)

    os.environ.update(env)
    started = time.perf_counter()
    server = ProductionStart(env, port, tmp / "serve.log")
    try:
        server.wait_for("/", seconds=300)
        print(f"make serve answered in {time.perf_counter() - started:.1f} s")
        plan = prepare(args, server)
        print(
            f"{args.users} residents and {args.staff} staff for {args.duration} s "
            f"at {server.url}"
        )
        result = run_locust(args, server.url, plan, tmp)
    finally:
        server.stop()
    from django.db import connection

    connection.close()  # a fresh connection after the long wait
    problems = check_writes(result["acknowledged"])
    server_errors = server.server_errors()
    failures = result["total"]["failures"]
    writes = {
        kind: sum(1 for w in result["acknowledged"] if w["kind"] == kind)
        for kind in ("record", "correct")
    }

    print(
        f"\n{args.users} residents + {args.staff} staff, {args.duration} s, "
        f"{args.indicators} indicators × {args.months} monthly readings, "
        f"PostgreSQL, `make serve` (kemijarvi/gunicorn.py)\n"
    )
    print(table(result))
    for error in result["errors"]:
        print(f"\n{error['occurrences']} × {error['name']}: {error['error']}")
    print(
        f"\nAcknowledged: {writes['record']} new readings, {writes['correct']} "
        f"corrections. Server errors in the log: {server_errors}."
    )
    if problems:
        print("Data check FAILED:\n  " + "\n  ".join(problems))
    else:
        print("Data check passed: every acknowledged write is in the database once.")
    print(f"Logs: {tmp}")
    if args.json:
        summary = {
            **{k: v for k, v in result.items() if k != "acknowledged"},
            "acknowledged": writes,
            "server_errors": server_errors,
            "data_problems": problems,
            "settings": vars(args) | {"json": str(args.json)},
        }
        args.json.write_text(json.dumps(summary, indent=1))
    return 1 if failures or server_errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())
