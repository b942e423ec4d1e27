"""Security headers on real responses: pages, errors, static files, PDFs."""

from django.core.management import call_command

import pytest

CSP_PARTS = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def assert_secure_headers(response):
    csp = response.headers.get("Content-Security-Policy", "")
    for part in CSP_PARTS:
        assert part in csp, (part, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "camera=()" in response.headers.get("Permissions-Policy", "")


@pytest.mark.parametrize(
    "path", ["/", "/mittarit/", "/lukuohje/", "/kirjaudu/", "/ei-tallaista/"]
)
def test_public_pages_and_errors_carry_the_policy(client, sample_site, path):
    r = client.get(path)
    assert r.status_code in (200, 404)
    assert_secure_headers(r)
    # Public pages are the same for everyone: no private/no-store (the login
    # form is Django's never_cache page, which is right for it).
    if path != "/kirjaudu/":
        assert "no-store" not in r.headers.get("Cache-Control", "")


def test_a_server_error_page_carries_the_policy(client, db, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.security.boom_urls"
    r = client.get("/boom/")
    assert r.status_code == 500
    assert_secure_headers(r)
    assert b"<style" not in r.content  # the CSP allows no inline styles


def test_static_files_carry_the_policy(client, db, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests
    settings.WHITENOISE_AUTOREFRESH = True
    for path in ["/favicon.ico", "/static/css/site.css"]:
        r = client.get(path, secure=True)
        assert r.status_code == 200, path
        assert_secure_headers(r)


@pytest.mark.parametrize(
    "role", ["recorder", "coordinator", "mayors_office", "councillor"]
)
def test_pages_of_a_logged_in_user_are_private_and_not_stored(
    client, sample_site, role, request
):
    client.force_login(request.getfixturevalue(role))
    internal = sample_site.indicators["internal"]
    paths = [
        "/",
        "/omat/",
        sample_site.path("indicator-numeric"),
        sample_site.path("report"),
    ]
    if role in ("recorder", "coordinator", "mayors_office"):
        paths.append(f"/mittarit/{internal.pk}/")  # seen only when logged in
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, path
        cache = r.headers["Cache-Control"]
        assert "private" in cache and "no-store" in cache, (path, cache)
        assert_secure_headers(r)


def test_a_published_reports_pdf_carries_the_policy(
    client, sample_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # The files are made by the background worker; here by its command.
    call_command("make_report_pdfs", str(sample_site.report.pk), verbosity=0)
    r = client.get(sample_site.path("report") + "pdf/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert_secure_headers(r)


def test_no_template_has_inline_scripts_or_styles():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    # Printed by Chromium from memory (reports/pdf.py), never sent to a
    # browser: its stylesheet is written into it, and nothing else loads.
    printed_only = {"reports/pdf.html"}
    offenders = []
    for template in root.rglob("*.html"):
        if str(template.relative_to(root)) in printed_only:
            continue
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(
            r"<style|\sstyle=\"|\son[a-z]+=\"", text
        ):
            offenders.append(str(template.relative_to(root)))
    assert offenders == []
