"""Settings for Strategia-seuranta, read from the environment only.

Every variable is documented in README.md. Defaults are safe for production:
debug is off and a secret key must be given unless debug is on.
"""

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}"
        ) from None


def envlist(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # One clear line instead of Django's traceback about an empty key.
        sys.exit(
            "DJANGO_SECRET_KEY is not set: give a long random value, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG"

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    "strategy",
    "indicators",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "strategy.security_middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "strategy.middleware.FinnishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "strategy.security_middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "kemijarvi.urls"
WSGI_APPLICATION = "kemijarvi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "strategy.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "strategy.User"
_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    # Django's rule with a message in Finnish too (strategy/passwords.py).
    {
        "NAME": "strategy.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "indicators:mine"
LOGOUT_REDIRECT_URL = "strategy:home"

# Finnish first; the same paths serve both languages (chosen with set_language).
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("suomi")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
# 1 234,5 and 27.11.2026 in both languages (DESIGN.md); see kemijarvi/formats.
FORMAT_MODULE_PATH = ["kemijarvi.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files that browsers ask for at the site's root (/favicon.ico), by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Stored files (report PDFs) must be shared by every app server: a shared
# filesystem path (DJANGO_MEDIA_ROOT) by default, or S3-compatible object storage
# through django-storages when DJANGO_S3_BUCKET is set (pip install '.[s3]').
if os.environ.get("DJANGO_S3_BUCKET"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", ""),
            "default_acl": None,  # private: PDFs are served through the portal
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background tasks (django-tasks): a published report's PDF and DOCX are made
# by `manage.py db_worker` from the database queue. `make run` (debug) runs
# them at once in the request instead, so that no extra process is needed.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get(
    "DJANGO_TASKS_BACKEND", "immediate" if DEBUG else "database"
)
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, "
        f"not {_task_backend!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

# The admin shows the change history but never writes an old version back
# (strategy/history_admin.py): no "Revert" button.
SIMPLE_HISTORY_REVERT_DISABLED = True
# Widget templates from templates/ too (templates/admin/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions live in the database so that several app servers can share them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_SECURE = envbool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if envbool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): only the site's own files; no inline
# scripts or styles anywhere, so nothing here needs 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Browser features the portal never uses (strategy/security_middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Staff sessions end after DJANGO_IDLE_MINUTES without a request and after
# DJANGO_SESSION_HOURS in all (strategy/security_middleware.py); the cookie
# lasts no longer.
SESSION_IDLE_SECONDS = envint("DJANGO_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_SECONDS = envint("DJANGO_SESSION_HOURS", 12) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS

# Wrong passwords slow down and then lock, for a while (strategy/login_throttle.py).
LOGIN_FREE_FAILURES = 3
LOGIN_LOCK_AFTER = 10
LOGIN_LOCK_SECONDS = envint("DJANGO_LOGIN_LOCK_MINUTES", 15) * 60

# Errors reach someone: "Name <address>, Name2 <address2>" (README: Production).
ADMINS = [
    tuple(part.strip(" >") for part in item.split("<"))
    for item in envlist("DJANGO_ADMINS")
]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "root@localhost")

# Request size limits: a post over them gets the 413 page (strategy/errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DJANGO_MAX_POST_BYTES", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# How long after a period is due before an indicator counts as overdue.
INDICATOR_GRACE_DAYS = envint("INDICATOR_GRACE_DAYS", 60)

# How many years before the strategy period readings may be recorded for: a
# real series (population 2017–) is context on the charts, never judged.
INDICATOR_HISTORY_YEARS = envint("INDICATOR_HISTORY_YEARS", 10)
if not 0 <= INDICATOR_HISTORY_YEARS <= 100:
    raise ImproperlyConfigured("INDICATOR_HISTORY_YEARS must be from 0 to 100")
# The site's address for links in emails (reminders have no request).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
# The Chromium that prints report PDFs; empty: the first of
# reports/chromium.py's BROWSER_NAMES on the PATH.
REPORT_PDF_BROWSER = os.environ.get("DJANGO_PDF_BROWSER", "")


def email_settings(name: str, default: str) -> dict:
    """Django's email settings from one URL: ``smtp://user:pass@host:587``
    (STARTTLS), ``smtps://…:465`` (TLS from the start), ``smtp://host:25``
    with ``?tls=0`` for none, or ``console:`` (print the mails)."""
    raw = os.environ.get(name, "") or default
    url = urlsplit(raw)
    if url.scheme == "console":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "EMAIL_HOST": "localhost",
            "EMAIL_PORT": 25,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_SSL": False,
            "EMAIL_USE_TLS": False,
        }
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise ImproperlyConfigured(
            f"{name} must look like smtp://user:password@host:587 or console:, "
            f"not {raw!r}"
        )
    try:
        port = url.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has a bad port: {raw!r}") from None
    ssl = url.scheme == "smtps"
    tls = not ssl and parse_qs(url.query).get("tls", ["1"])[0] not in FALSE_WORDS
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": url.hostname,
        "EMAIL_PORT": port or (465 if ssl else 587 if tls else 25),
        "EMAIL_HOST_USER": unquote(url.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(url.password or ""),
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": tls,
    }


# Reminder emails (indicators/reminders.py): printed on the console under
# `make run`; in production an SMTP server, by default the local one.
_EMAIL = email_settings(
    "DJANGO_EMAIL_URL", "console:" if DEBUG else "smtp://localhost:25?tls=0"
)
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = _EMAIL["EMAIL_HOST"]
EMAIL_PORT = _EMAIL["EMAIL_PORT"]
EMAIL_HOST_USER = _EMAIL["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _EMAIL["EMAIL_HOST_PASSWORD"]
EMAIL_USE_SSL = _EMAIL["EMAIL_USE_SSL"]
EMAIL_USE_TLS = _EMAIL["EMAIL_USE_TLS"]
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Strategia-seuranta <strategia@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "one_line_403": {"()": "strategy.logging.OneLine403"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line_403"]},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "propagate": False},
        "strategy.security": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
        },
    },
}
