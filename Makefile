# Kennislab — everyday commands. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
PYTEST_ARGS ?=
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
REDIS_URL ?= redis://127.0.0.1:6379/5
PG_REACHABLE = $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(PG_URL)" 2>/dev/null

.DEFAULT_GOAL := help
.PHONY: help install run serve worker test test-browser lint format migrations-check check \
        lock messages bench bench-import bench-pages bench-search bench-search-scale bench-vignet \
        bench-campaigns bench-admin bench-privacy bench-backup bench-newsletter bench-discovery bench-api bench-http guards audit \
        loadtest-vouchers scaleout static clean

help: ## Show the available commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP) ## Create or update .venv with the locked dependencies

run: install ## Serve the site with demo content on SQLite (development server)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py migrate --noinput
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py load_demo --if-empty
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install ## Production-style server: gunicorn + whitenoise + task worker
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) BIN=$(BIN) bin/serve

worker: install ## Run the background task worker (mail, search indexing, daily reminders)
	$(BIN)/python manage.py recover_tasks
	$(BIN)/python deploy/startup.py daily
	$(BIN)/python manage.py db_worker

test: install ## Run the whole test suite (DATABASE_URL selects the database)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

test-browser: install ## Browser and accessibility tests (needs /usr/bin/chromium)
	$(BIN)/python -m pytest -m browser tests/browser $(PYTEST_ARGS)

lint: install ## Lint with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

guards: install ## Offline CI guards: bandit (fails on high severity) and deptry (imports declared)
	$(BIN)/bandit --quiet --recursive kennislab --exclude '*/tests/*' --severity-level high
	$(BIN)/deptry .

audit: install ## Known vulnerabilities in the locked packages (pip-audit; needs internet access)
	@test -x $(VENV)/audit/bin/pip-audit || ($(PYTHON) -m venv $(VENV)/audit && \
	  $(VENV)/audit/bin/pip install --quiet --disable-pip-version-check pip-audit)
	$(VENV)/audit/bin/pip-audit --requirement requirements.lock --require-hashes --disable-pip

migrations-check: install ## Fail when models and migrations disagree
	$(BIN)/python manage.py makemigrations --check --dry-run

check: lint migrations-check test ## Lint, migrations check and tests

lock: ## Re-resolve requirements.lock from pyproject.toml
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

messages: install ## Update the English message catalogue (locale/en)
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static_collected
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: bench-import bench-pages bench-search bench-vignet bench-campaigns bench-admin bench-api ## The quick benchmarks (bench-search-scale: ~20 min)

bench-import: install ## Time importing the seed dumps (fresh database, medians)
	$(BIN)/python -m kennislab.bench.importer

bench-pages: install ## Time rendering the public pages, page cache off and on (medians, p95, queries), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.pages
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.pages; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-vignet: install ## The vignet criteria engine and pages/form (medians, p95), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.vignet
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.vignet; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-campaigns: install ## Campaign, agenda and challenge pages, feeds, forms, daily jobs (medians, p95), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.campaigns
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.campaigns; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-admin: install ## The back office with 1,000 waiting items: inbox, dashboard, listing, detail (medians, p95), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.admin
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.admin; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-privacy: install ## The retention job over 100,000 expired records, one person's export and erasure (medians, p95, memory), SQLite + PostgreSQL (~20 min)
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.privacy
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.privacy; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-backup: install ## Backup and restore: time and archive size for the demo and for 100,000 items, SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.backup
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.backup; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-newsletter: install ## A newsletter issue to 10,000 subscribers: build and queue (time, memory), delivery at the capped rate to a local SMTP sink, sent once; SQLite + PostgreSQL (~3 min each)
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.newsletter
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.newsletter; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-discovery: install ## The sitemap and feeds at 100,000 items: index, a full section page, feeds, rendered and cached (medians, p95), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.discovery
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.discovery; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-api: install ## The public API on the demo content: items, events, details, against a bare view (medians, p95), SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.api
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.api; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

scaleout: install ## Two app servers on one PostgreSQL, Redis and media folder: what holds (≤ 3 min)
	$(BIN)/python -m kennislab.bench.scaleout --database-url $(PG_URL) --redis-url $(REDIS_URL)

static: install ## Collect static files once per release (servers skip it while current)
	$(BIN)/python deploy/startup.py static

bench-http: install ## Pages over HTTP: make serve (2 workers), 16 connections, req/s as ratios of a bare view, page cache on and off; SQLite + PostgreSQL (~5 min each)
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.http
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.http; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-search: install ## Search relevance (nDCG@10, MRR) vs plain FTS5 and Wagtail, SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.search_relevance
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.search_relevance; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

bench-search-scale: install ## Search at 10k and 100k items: indexing rate, p50/p95, SQLite + PostgreSQL
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.search_scale
	@if $(PG_REACHABLE); then DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.search_scale; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi

loadtest-vouchers: install ## Voucher form over HTTP (make serve, 300 applications, 40 streams), SQLite + PostgreSQL
	@status=0; \
	env -u DATABASE_URL $(BIN)/python -m kennislab.bench.loadtest_vouchers || status=$$?; \
	if $(PG_REACHABLE); then \
	  DATABASE_URL=$(PG_URL) $(BIN)/python -m kennislab.bench.loadtest_vouchers || status=$$?; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipped"; fi; \
	exit $$status

clean: ## Remove the virtualenv, the local database and collected static files
	rm -rf $(VENV) var static_collected
