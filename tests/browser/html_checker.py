"""The Nu HTML checker over every page that the browser tests opened.

While the browser tests run, the live server keeps each HTML page it sends
(``CapturePages``, a middleware that tests/browser/conftest.py adds to the live
server): public and logged-in pages, both languages, forms sent back with
errors, error pages and the admin, exactly as the browser received them. The
last test of the session (test_html_checker.py) writes them to files and
checks them all with one run of the checker: ``vnu.jar`` from the vnu-jar npm
package (package.json; ``npm ci --ignore-scripts`` installs it), run with Java.
"""

import json
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Page:
    method: str
    path: str
    status: int
    language: str
    html: str

    def __str__(self) -> str:
        return f"{self.method} {self.path} [{self.status}, {self.language}]"


# Filled by the live server's thread while the tests run.
PAGES: list[Page] = []
_lock = threading.Lock()


class CapturePages:
    """Middleware: keep every HTML page the live server sends, for the checker."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        # Not a redirect's empty body, a file, a PDF or a streamed response.
        if (
            content_type.startswith("text/html")
            and not response.streaming
            and response.content
        ):
            page = Page(
                method=request.method,
                path=request.get_full_path(),
                status=response.status_code,
                language=response.get("Content-Language", ""),
                html=response.content.decode(response.charset),
            )
            with _lock:
                PAGES.append(page)
        return response


# A form's CSRF token differs on every page view; without it, a page seen
# twice is the same document and is checked once.
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def distinct(pages: list[Page]) -> list[Page]:
    seen = set()
    kept = []
    for page in pages:
        key = CSRF_TOKEN.sub("", page.html)
        if key not in seen:
            seen.add(key)
            kept.append(page)
    return kept


def missing_reason() -> str | None:
    """Why the checker cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return (
            "Java not found: the Nu HTML checker needs a Java runtime "
            "(Debian: apt-get install default-jre-headless)"
        )
    if not VNU_JAR.is_file():
        return (
            f"the Nu HTML checker is not installed ({VNU_JAR.relative_to(ROOT)} "
            "is missing): run npm ci --ignore-scripts"
        )
    return None


def check(documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors in each document, by name: one line per error.

    All documents are checked by one Java process: starting the checker costs
    more than checking a page.
    """
    names = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = name
    proc = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU_JAR)]
        + ["--errors-only", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        # The report goes to standard error.
        messages = json.loads(proc.stderr)["messages"]
    except ValueError:
        raise RuntimeError(
            f"the Nu HTML checker failed: {proc.stderr[-2000:]}"
        ) from None
    found = {name: [] for name in documents}
    for message in messages:
        name = names.get(Path(message.get("url", "")).name)
        line = describe(message)
        if name is None:
            # Not about one of the files (the checker's own trouble): say so.
            raise RuntimeError(f"the Nu HTML checker said: {line}")
        found[name].append(line)
    return found


def describe(message: dict) -> str:
    """One of the checker's messages as one line: where, what, the extract."""
    line = f"line {message.get('lastLine', '?')}: {message['message']}"
    extract = re.sub(r"\s+", " ", message.get("extract", "")).strip()
    if extract:
        line += f" -- {extract[:160]}"
    return line


class Service:
    """The checker as a web service on a local port, for checks spread over a
    test module: Java starts once, not once per check (on a busy machine a
    start costs some 20 seconds). Stop it with ``stop()``."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/?out=json"
        self.process = subprocess.Popen(
            ["java", "-Xss4m", "-cp", str(VNU_JAR), "nu.validator.servlet.Main"]
            + [str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"the Nu HTML checker's service did not start on port {port}"
                    ) from None
                time.sleep(0.5)

    def errors(self, html: str) -> list[str]:
        """The errors in one document, one line each."""
        request = urllib.request.Request(
            self.url,
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            messages = json.load(response)["messages"]
        lines = []
        for message in messages:
            if message["type"] == "non-document-error":
                raise RuntimeError(f"the Nu HTML checker said: {describe(message)}")
            if message["type"] == "error":
                lines.append(describe(message))
        return lines

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
