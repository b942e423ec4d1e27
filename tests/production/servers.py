"""Start the production app server (gunicorn, kemijarvi/gunicorn.py) on a port
against the test database, and talk to it like a browser (cookies, CSRF)."""

import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

from bench.load import production_env as trial_env

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def database_url() -> str:
    s = connection.settings_dict
    user = s["USER"] or ""
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    host = s["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{s['PORT'] or 5432}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp: Path, **extra) -> dict:
    """The load trial's environment (bench/load.py) with one secret key for
    every server (a session must hold on each), one thread each; the servers
    set their own port."""
    env = trial_env(database_url(), 0, tmp)
    env.update(
        DJANGO_SECRET_KEY="test-only-two-servers-0123456789abcdefghijklmnop",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        **extra,
    )
    return env


def collectstatic(env: dict) -> None:
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


class AppServer:
    def __init__(self, env: dict):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--config",
                "kemijarvi/gunicorn.py",
                "kemijarvi.wsgi",
            ],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start in 60 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Browser:
    """Cookies shared across servers on the same host, as in a real browser."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def get(self, url: str):
        try:
            with self.opener.open(url, timeout=120) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as error:  # 4xx/5xx: an answer too
            return error.code, error.headers, error.read()

    def post(self, url: str, data: dict):
        html = self.get(url)[2].decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        with self.opener.open(request, timeout=120) as r:
            return r.status, r.geturl(), r.read()
