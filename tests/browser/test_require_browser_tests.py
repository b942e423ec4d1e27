"""The REQUIRE_BROWSER_TESTS rule of tests/browser/conftest.py, tested honestly.

Each case runs a small pytest session in a subprocess with the browser
conftest loaded as a plugin and Chromium pointed at a path that does not exist.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

INNER_TESTS = """
import pytest

@pytest.mark.browser
def test_needs_chromium(chromium):
    pass

@pytest.mark.browser
def test_skips_itself():
    pytest.skip("page not built yet")

def test_plain_skip():
    pytest.skip("not a browser test")

def test_plain():
    pass
"""


def run_inner(tmp_path: Path, *, require: str | None, chromium: str) -> tuple[int, str]:
    (tmp_path / "test_inner.py").write_text(INNER_TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("REQUIRE_BROWSER_TESTS", "DJANGO_SETTINGS_MODULE", "PYTEST_ADDOPTS")
    }
    env.update(PYTHONPATH=str(ROOT), CHROMIUM_PATH=chromium)
    if require is not None:
        env["REQUIRE_BROWSER_TESTS"] = require
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.browser.conftest", "-rA"]
        + ["-c", str(tmp_path / "pytest.ini"), str(tmp_path / "test_inner.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_it_skips_browser_tests_with_a_clear_reason_without_chromium(tmp_path):
    code, out = run_inner(tmp_path, require=None, chromium="/nonexistent/chromium")
    assert code == 0, out
    assert "1 passed, 3 skipped" in out
    assert "Chromium not found at /nonexistent/chromium" in out
    assert "apt-get install chromium" in out


def test_it_fails_skipped_browser_tests_when_they_are_required(tmp_path):
    code, out = run_inner(tmp_path, require="1", chromium="/nonexistent/chromium")
    assert code == 1, out
    # Both browser tests fail -- the one without Chromium and the one that
    # skipped itself; the plain skip stays a skip.
    assert "1 failed, 1 passed, 1 skipped, 1 error" in out
    assert "REQUIRE_BROWSER_TESTS=1 but this browser test was skipped" in out
    assert "Chromium not found at /nonexistent/chromium" in out
    assert "page not built yet" in out


def test_it_treats_zero_as_not_required(tmp_path):
    code, out = run_inner(tmp_path, require="0", chromium="/nonexistent/chromium")
    assert code == 0, out
    assert "1 passed, 3 skipped" in out


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Chromium")
def test_it_passes_when_chromium_is_there(tmp_path):
    code, out = run_inner(tmp_path, require="1", chromium="/usr/bin/chromium")
    # Only the test that skips itself is left failing.
    assert code == 1, out
    assert "PASSED test_inner.py::test_needs_chromium" in out
    assert "test_skips_itself" in out and "page not built yet" in out
