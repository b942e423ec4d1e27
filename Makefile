# Strategia-seuranta. `make run` and `make test` work from a clean clone with
# nothing but Python 3.11+ installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The exact versions installed (pip's -c), refreshed by `make lock`.
LOCK := constraints.txt
# Reinstall only when the dependencies or their pinned versions change.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(wildcard $(LOCK)) | cksum | cut -d' ' -f1)
PYTHON_CHECK := $(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
# The Nu HTML checker of the browser tests (package.json), installed by npm.
NODE_STAMP := node_modules/.installed

# Tests run with debug off, as in production; they need some secret key.
TEST_ENV := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-not-secret-key-0123456789abcdef}

.PHONY: run test lint format install bench lock serve load chromium

install: $(STAMP) $(NODE_STAMP) chromium

$(STAMP):
	@$(PYTHON_CHECK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade -c $(LOCK) pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev,load]'
	rm -f $(VENV)/.installed-*
	touch $@

# Refresh the pins: the newest versions that pyproject.toml allows, resolved in
# a fresh virtualenv of its own (.venv is left alone; `make install` follows).
lock:
	@$(PYTHON_CHECK)
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet -e '.[dev,load]'; \
	"$$tmp/venv/bin/python" -m pip freeze --all --exclude-editable > "$$tmp/freeze"; \
	version=$$("$$tmp/venv/bin/python" -c 'import platform; print(platform.python_version())'); \
	{ echo "# Exact versions that \`make run\` and \`make test\` install (pip install -c)."; \
	  echo "# Made by \`make lock\` on Python $$version from pyproject.toml's ranges; do not edit."; \
	  grep -v -i -E '^(setuptools|wheel)==' "$$tmp/freeze" | LC_ALL=C sort -f; \
	} > $(LOCK).new; \
	mv $(LOCK).new $(LOCK)

# Without npm the tests still run; the HTML checker's test says what is missing.
# --ignore-scripts: vnu-jar's install script would download a Java of its own.
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the Nu HTML checker will not run (README: Browser tests and HTML checks)"; \
	fi

# The report PDFs are printed by Chromium (README: Two commands): Debian's
# chromium-headless-shell, or any Chromium found. As root with apt (a fresh
# machine or container) the headless shell is installed here; anyone else is
# told the command, and the site says why there is no PDF.
chromium:
	@if [ -n "$$DJANGO_PDF_BROWSER" ] || command -v chromium-headless-shell >/dev/null \
		|| command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
		|| command -v google-chrome >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium-headless-shell for the report PDFs"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq chromium-headless-shell >/dev/null; } \
		|| echo "Could not install it: the report PDFs need Chromium (README: Two commands)"; \
	else \
		echo "Chromium not found: the report PDFs need it (sudo apt-get install chromium-headless-shell)"; \
	fi

run: $(STAMP) chromium
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_strategy
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production start on PostgreSQL with debug off (README: Production start): the
# deploy checks, migrations and static files first, then the report files'
# background worker and gunicorn; stopping one stops both. A plain-HTTP trial
# on loopback passes DEPLOY_CHECK_LEVEL=ERROR: its HTTPS warnings are expected.
DEPLOY_CHECK_LEVEL ?= WARNING
serve: $(STAMP)
	$(BIN)/python manage.py check --deploy --fail-level $(DEPLOY_CHECK_LEVEL)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py load_strategy
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn --config kemijarvi/gunicorn.py kemijarvi.wsgi

test: $(STAMP) $(NODE_STAMP) chromium
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Not part of `make test`: page render times against a one-query floor, and the
# report PDF, over 300 indicators × 120 monthly readings (README: Performance).
bench: $(STAMP)
	$(TEST_ENV) $(BIN)/python bench/pages.py $(BENCH_ARGS); pages=$$?; \
	$(TEST_ENV) $(BIN)/python bench/report_pdf.py; pdf=$$?; \
	exit $$(( pages || pdf ))

# Not part of `make test`: 50 residents and 5 staff for 2 minutes against
# `make serve` on loopback, in a PostgreSQL database of its own (README: Load).
load: $(STAMP)
	$(BIN)/python bench/load.py --users 50 --staff 5 --duration 120 $(LOAD_ARGS)
