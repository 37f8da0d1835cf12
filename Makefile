# Two commands on a fresh machine: `make site` and `make test` (see README).
PYTHON ?= python3
# Material prints a banner about MkDocs 2 on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# One stamp per dependency set: building the site installs only requirements.lock;
# the tests add requirements-test.lock (pytest, pytest-xdist, playwright, jsonschema) on top.
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site test serve clean bench chromium deps screenshots

# A site environment keeps no installer once the project is in: without setuptools jieba
# skips importing pkg_resources (~0.3 s every build), and pip (17 MB) builds nothing.
# `python -m venv` on an existing .venv puts pip back (ensurepip, offline), so a changed
# lock or the test set can still install. pip compiles the installed packages' bytecode, not
# an editable project's: compileall does, for machines where Python may not write it itself.
$(SITE_STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -e .
	$(BIN)/python -m pip uninstall --quiet --yes setuptools pip
	$(BIN)/python -m compileall -q generator >/dev/null  # bytecode even where PYTHONDONTWRITEBYTECODE is set
	touch $(SITE_STAMP)

$(TEST_STAMP): requirements-test.lock $(SITE_STAMP)
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements-test.lock
	$(BIN)/python -m pip uninstall --quiet --yes setuptools
	touch $(TEST_STAMP)

deps: $(TEST_STAMP)  ## developer set-up: both sets

site: $(SITE_STAMP)  ## build site/ from seeds/
	$(BIN)/mkdocs build

serve: $(SITE_STAMP)  ## preview on http://127.0.0.1:8000, rebuilt when seeds/ changes
	$(BIN)/mkdocs serve

# Two pytest-xdist workers (the machine class has 2 cores). --dist loadfile keeps each test
# file on one worker, so its module fixtures (whole-site builds) run once; the seeds site is
# built once per run and shared by both workers (tests/conftest.py, which also starts the
# files that build sites or drive the browser first, so the longest file does not run last).
TEST_WORKERS ?= 2

test: $(TEST_STAMP) chromium  ## the whole suite, browser tests included
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(TEST_STAMP) chromium  ## build synthetic corpora and print size/speed figures
	$(BIN)/python bench/bench_seeds.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_search.py

screenshots: $(TEST_STAMP) chromium  ## each page type at phone and desktop size, into tests/.artifacts/screenshots/
	SITE_URL=https://example.invalid/digest/ $(BIN)/mkdocs build -q -d tests/.artifacts/site
	$(BIN)/python scripts/screenshots.py tests/.artifacts/site tests/.artifacts/screenshots

# Browser tests drive Debian's chromium; Playwright's own browser download cannot work here.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

clean:
	rm -rf site .cache .pytest_cache bench/out
