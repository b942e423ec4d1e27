"""The simulated people of bench/load.py, for locust (run by load.py, not alone).

Residents browse the public pages with think time; staff log in, record new
readings and correct existing ones through the real forms (the form's own
fields read from its HTML, CSRF token and lock version included). A write
counts as acknowledged when the POST is answered with a redirect: the entry
views redirect only after the service function's transaction has returned
(``indicators/entry_views.py``), and a refused form is answered 200 or 409.
Every acknowledged write is logged with a token of its own, written into the
reading (its evidence) or the correction's reason, so that load.py can find
it in the database afterwards.

Reads its plan from the JSON file in $LOAD_PLAN and writes the statistics and
the acknowledged writes to $LOAD_RESULT when locust stops.
"""

import itertools
import json
import os
import random
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
PUBLIC = PLAN["public"]
ACKNOWLEDGED: list[dict] = []
EDIT_LINK = re.compile(r'href="/kirjaukset/(\d+)/muokkaa/"')
FORM_ERROR = re.compile(r'class="invalid-feedback[^"]*"[^>]*>(.*?)</', re.S)


class EntryForm(HTMLParser):
    """The fields of a page's entry form (the post form without an action:
    the header's language and logout forms have one), as a browser posts them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self._in_form = False
        self._textarea = self._select = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_form = a.get("method") == "post" and "action" not in a
        # A disabled field (a correction's period) is not posted by browsers.
        if not self._in_form or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                self.options.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    self.fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button"):
                self.fields[name] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields[name] = ""
        elif tag == "option" and self._select:
            self.options.setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                self.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data.removeprefix("\n")


def finnish(value: Decimal) -> str:
    return str(value).replace(".", ",")


def parse_finnish(text: str) -> Decimal:
    return Decimal(re.sub(r"\s", "", text).replace(",", ".").replace("−", "-"))


def nearby(value: Decimal, decimals: int) -> Decimal:
    """A plausible next value: within 2 % of ``value``, never the same."""
    step = Decimal(1).scaleb(-decimals)
    change = (abs(value) * Decimal(random.uniform(0.001, 0.02))).quantize(step)
    return (value + max(change, step) * random.choice((1, -1))).quantize(step)


def refused(response) -> str:
    errors = [
        re.sub(r"<[^>]+>|\s+", " ", e).strip()
        for e in FORM_ERROR.findall(response.text)
    ]
    return f"form refused ({response.status_code}): " + "; ".join(errors)[:300]


class Resident(HttpUser):
    """Someone reading the public pages: a page, a while to read it, the next."""

    wait_time = between(3, 10)

    def get(self, path: str, name: str):
        self.client.get(path, name=name)

    @task(3)
    def home(self):
        self.get("/", "home")

    @task(2)
    def focus_area(self):
        n = random.choice(PUBLIC["focus_areas"])
        self.get(f"/painopistealueet/{n}/", "focus area")

    @task(1)
    def measure(self):
        self.get(f"/toimenpiteet/{random.choice(PUBLIC['measures'])}/", "measure")

    @task(2)
    def indicator_list(self):
        self.get("/mittarit/", "indicator list")

    @task(1)
    def indicator_list_filtered(self):
        filters = random.choice(
            [
                f"painopistealue={random.choice(PUBLIC['focus_areas'])}",
                f"toimiala={random.choice(PUBLIC['departments'])}",
                f"tila={random.choice(['achieved', 'on_track', 'at_risk'])}",
                "laji=qualitative",
            ]
        )
        self.get(f"/mittarit/?{filters}", "indicator list, filtered")

    @task(1)
    def indicator_search(self):
        word = random.choice(PUBLIC["searches"])
        self.get(f"/mittarit/?haku={word}", "indicator list, search")

    @task(5)
    def indicator(self):
        self.get(f"/mittarit/{random.choice(PUBLIC['indicators'])}/", "indicator")

    @task(1)
    def report(self):
        if PUBLIC["report"]:
            self.get(f"/raportit/{PUBLIC['report']}/", "report")
        else:
            self.get("/raportit/", "report list")

    @task(1)
    def report_pdf(self):
        if PUBLIC["report"]:
            self.get(f"/raportit/{PUBLIC['report']}/pdf/", "report PDF")

    @task(1)
    def feed(self):
        self.get(
            random.choice(
                [
                    "/syote/",
                    f"/painopistealueet/{random.choice(PUBLIC['focus_areas'])}/syote/",
                    f"/mittarit/{random.choice(PUBLIC['indicators'])}/syote/",
                ]
            ),
            "feed",
        )

    @task(1)
    def api(self):
        path = random.choice(
            [
                "/api/v1/strategia/",
                "/api/v1/mittarit/",
                f"/api/v1/mittarit/{random.choice(PUBLIC['indicators'])}/",
            ]
        )
        self.get(path, "API")


STAFF = iter(PLAN["staff"])


class Staff(HttpUser):
    """A recorder of one department: logs in, then records the period awaited
    on an indicator of theirs, or corrects one of its readings. Each staff
    member has indicators of their own, so two never write the same reading."""

    fixed_count = len(PLAN["staff"])
    wait_time = between(5, 15)

    def on_start(self):
        me = next(STAFF)
        self.number = me["number"]
        self.to_record = list(me["indicators"])
        random.shuffle(self.to_record)
        self.indicators = list(me["indicators"])
        self.sequence = itertools.count(1)
        self.login(me["username"], me["password"])
        self.record()  # what they logged in for; a short trial sees a write too

    def token(self) -> str:
        return f"[LT-{self.number}-{next(self.sequence):04d}]"

    def post(self, path: str, data: dict, name: str):
        """POST as the browser does, answered with a redirect when accepted."""
        base = self.client.base_url
        # The form's own token; the cookie's (rotated at login) for the login.
        data.setdefault("csrfmiddlewaretoken", self.client.cookies.get("csrftoken"))
        return self.client.post(
            path,
            data=data,
            name=name,
            headers={"Referer": base + path, "Origin": base},
            allow_redirects=False,
            catch_response=True,
        )

    def login(self, username: str, password: str):
        self.client.get("/kirjaudu/", name="staff: login page")
        form = {"username": username, "password": password}
        with self.post("/kirjaudu/", form, "staff: log in (POST)") as response:
            if response.status_code != 302:
                # A right password is never throttled (README: Security).
                response.failure(refused(response))
                return
        self.client.get("/omat/", name="staff: my indicators")

    @task(2)
    def record(self):
        if not self.to_record:
            return self.correct()
        indicator = self.to_record.pop()
        path = f"/mittarit/{indicator['pk']}/kirjaa/"
        form = EntryForm(self.client.get(path, name="staff: record form").text)
        if not form.fields.get("year"):
            return  # nothing awaited (the strategy period is over)
        token = self.token()
        data = {**form.fields, "evidence": f"Kuormitustesti {token}"}
        if "value" in form.fields:
            last = Decimal(indicator["last"] or "100")
            data["value"] = finnish(nearby(last, indicator["decimals"]))
            expect = {"value": data["value"]}
        else:
            data["qualitative_status"] = random.choice(
                form.options["qualitative_status"]
            )
            expect = {"qualitative_status": data["qualitative_status"]}
        data["narrative"] = f"Kuormitustestin tulos {token}."
        with self.post(path, data, "staff: record (POST)") as response:
            if response.status_code != 302:
                response.failure(refused(response))
                return
        ACKNOWLEDGED.append(
            {
                "kind": "record",
                "token": token,
                "indicator": indicator["pk"],
                "year": int(data["year"]),
                "part": int(data.get("part") or 0),
                "expect": expect,
            }
        )
        self.client.get(response.headers["Location"], name="staff: indicator page")

    @task(2)
    def correct(self):
        indicator = random.choice(self.indicators)
        page = self.client.get(
            f"/mittarit/{indicator['pk']}/", name="staff: indicator page"
        )
        readings = EDIT_LINK.findall(page.text)
        if not readings:
            return
        reading = int(random.choice(readings[:24]))  # the last two years or so
        path = f"/kirjaukset/{reading}/muokkaa/"
        form = EntryForm(self.client.get(path, name="staff: correction form").text)
        token = self.token()
        data = {**form.fields, "reason": f"Kuormitustestin korjaus {token}"}
        if "value" in form.fields:
            value = parse_finnish(form.fields["value"])
            data["value"] = finnish(nearby(value, indicator["decimals"]))
            data["narrative"] = data["narrative"] or f"Selitys {token}."
            expect = {"value": data["value"]}
        else:
            data["narrative"] = f"Korjattu arvio {token}."
            expect = {"narrative": data["narrative"]}
        with self.post(path, data, "staff: correction (POST)") as response:
            if response.status_code != 302:
                response.failure(refused(response))
                return
        ACKNOWLEDGED.append(
            {"kind": "correct", "token": token, "reading": reading, "expect": expect}
        )
        self.client.get(response.headers["Location"], name="staff: indicator page")


@events.quitting.add_listener
def write_result(environment, **_kwargs):
    stats = environment.stats

    def row(entry) -> dict:
        return {
            "name": entry.name,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "rps": entry.total_rps,
            "median_ms": entry.median_response_time,
            "p95_ms": entry.get_response_time_percentile(0.95),
        }

    result = {
        "requests": [row(e) for e in sorted(stats.entries.values(), key=_by_name)],
        "total": row(stats.total),
        "errors": [
            {"name": e.name, "error": str(e.error), "occurrences": e.occurrences}
            for e in stats.errors.values()
        ],
        "acknowledged": ACKNOWLEDGED,
    }
    with open(os.environ["LOAD_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


def _by_name(entry) -> tuple[bool, str]:
    return entry.name.startswith("staff"), entry.name
