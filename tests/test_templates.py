"""Rules for the template files themselves."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_comments_end_on_the_line_they_start(path):
    # Django's {# … #} is one line only: a comment spanning lines is printed
    # on the page, as happened once in the published report.
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if "{#" in line:
            assert "#}" in line[line.index("{#") :], f"{path.name}:{number}"
