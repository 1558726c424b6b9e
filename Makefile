# Tit-for-Tat: two commands to start.
#
#   make serve   preview the site at http://127.0.0.1:8000/ (rebuilt as data/ changes)
#   make test    lint, type-check and run every test
#
# Every target that needs Python makes .venv first (with $(PYTHON), Python 3.11 or newer) and
# installs what it needs, pinned: serve, build and check only what building the site needs
# (scripts/requirements-site.lock); test, bench and screenshots the development tools too
# (scripts/requirements-dev.lock). Then this project, in editable mode. It does that again
# whenever a lock file or pyproject.toml changes.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SITE_LOCK := scripts/requirements-site.lock
DEV_LOCK := scripts/requirements-dev.lock
SITE_STAMP := $(VENV)/.titfortat-site
DEV_STAMP := $(VENV)/.titfortat-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# `make bench SIZES="100 1000"` passes --sizes to the benchmark.
SIZES ?=
# Extra arguments for pytest: `make test PYTEST_ARGS="-k matrix -x"`.
PYTEST_ARGS ?=
# `make lock UPGRADE=1` moves every pin to the newest release the ranges allow.
UPGRADE ?=

# MkDocs 1.6 prints an end-of-life banner about MkDocs 2 on every run; it is not ours to act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve test build check bench screenshots map-data lighthouse lock clean distclean venv

help:  ## list the targets
	@echo "make serve        preview the site at http://$(HOST):$(PORT)/ (PORT=8001 to move it)"
	@echo "make test         ruff (format and lint), mypy, then pytest (browser tests need Chromium)"
	@echo "make build        build the site into site/ (mkdocs build --strict)"
	@echo "make check        check the data and report every problem"
	@echo "make bench        time the build on synthetic data (SIZES=\"...\" to choose sizes)"
	@echo "make screenshots  take screenshots of the site's pages in Chromium"
	@echo "make map-data     regenerate the map's boundaries from npm's world-atlas (needs npm)"
	@echo "make lighthouse   Lighthouse (mobile) on each page type and on stock Material (needs npm)"
	@echo "make lock         re-resolve the two lock files in scripts/ (UPGRADE=1 to move every pin)"
	@echo "make clean        remove built and cached files (keeps .venv)"
	@echo "make distclean    clean, and remove .venv too"

# --- the environment -------------------------------------------------------------------------

# The interpreter: made when .venv is missing, refused when it is too old.
$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: '$(PYTHON)' was not found. Install Python 3.11 or newer, or name one:" \
	       "make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "error: Tit-for-Tat needs Python 3.11 or newer, but '$(PYTHON)' is" \
	       "$$($(PYTHON) --version 2>&1). Install a newer one and run, for example:" \
	       "make PYTHON=python3.12 $(MAKECMDGOALS)" >&2; exit 1; }
	$(PYTHON) -m venv --clear $(VENV)

# What building the site needs, and the project; redone when the lock or the metadata changes.
$(SITE_STAMP): $(SITE_LOCK) pyproject.toml | $(PY)
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "error: $(VENV) was made with $$($(PY) --version 2>&1); Tit-for-Tat needs 3.11 or" \
	       "newer. Remove it (rm -rf $(VENV)) and run make again." >&2; exit 1; }
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(SITE_LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(PY) -m pip check >/dev/null || { $(PY) -m pip check >&2; \
	  echo "error: $(SITE_LOCK) does not cover pyproject.toml's dependencies;" \
	       "run 'make lock' and commit the lock files." >&2; exit 1; }
	@touch $@

# The development tools on top (the dev lock pins the site's packages at the same versions).
$(DEV_STAMP): $(DEV_LOCK) $(SITE_STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	@$(PY) -m pip check >/dev/null || { $(PY) -m pip check >&2; \
	  echo "error: $(DEV_LOCK) does not cover pyproject.toml's dev dependencies;" \
	       "run 'make lock' and commit the lock files." >&2; exit 1; }
	@touch $@

venv: $(DEV_STAMP)  ## make .venv and install everything, nothing else

# --- the two commands ------------------------------------------------------------------------

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

test: $(DEV_STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_ARGS)

# --- everything else -------------------------------------------------------------------------

build: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict

check: $(SITE_STAMP)
	$(BIN)/titfortat check

bench: $(DEV_STAMP)
	PYTHONPATH=scripts $(PY) -m titfortat_dev.bench $(if $(SIZES),--sizes "$$(echo '$(SIZES)' | tr ' ' ',')")

screenshots: $(DEV_STAMP)
	PYTHONPATH=scripts $(PY) -m titfortat_dev.screenshots

# Rewrites scripts/titfortat/plan/basemap.py from world-atlas, fetched with npm at a pinned
# version and checked against its recorded integrity (npm is needed here and by lighthouse).
map-data: $(DEV_STAMP)
	PYTHONPATH=scripts $(PY) -m titfortat_dev.mapdata

# Builds the site and a stock Material baseline, serves both on 127.0.0.1 and runs Lighthouse
# (pinned in scripts/lighthouse/, installed there with `npm ci` on first use) on one page of each
# type; the table to stdout, bench-results/lighthouse.json. Options through LIGHTHOUSE_ARGS, e.g.
# `make lighthouse LIGHTHOUSE_ARGS="--pages home,claim --runs 3 --min 90"`.
LIGHTHOUSE_ARGS ?=
lighthouse: $(DEV_STAMP)
	PYTHONPATH=scripts $(PY) -m titfortat_dev.lighthouse $(LIGHTHOUSE_ARGS)

# Needs only the interpreter and uv (in the dev lock, and installed here if missing): it must
# work when a lock itself is what is broken. The site lock holds the build system too
# (pyproject.toml's build-system.requires), since the editable install runs without build
# isolation; the dev lock is resolved within the site lock's pins, so the two agree on every
# package they share.
lock: | $(PY)
	@test -x $(BIN)/uv || $(PY) -m pip install --quiet 'uv>=0.9'
	$(PY) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
	  | $(BIN)/uv pip compile --quiet pyproject.toml - --universal --python-version 3.11 \
	  --generate-hashes --custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade) \
	  -o $(SITE_LOCK)
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --universal --python-version 3.11 \
	  --generate-hashes --custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade) \
	  --constraints $(SITE_LOCK) -o $(DEV_LOCK)
	@echo "$(SITE_LOCK): $$(grep -c '^[a-z0-9]' $(SITE_LOCK)) pinned packages;" \
	  "$(DEV_LOCK): $$(grep -c '^[a-z0-9]' $(DEV_LOCK))"

clean:
	rm -rf site docs/generated build .mypy_cache .ruff_cache .pytest_cache .hypothesis
	rm -rf scripts/*.egg-info *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
