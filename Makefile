# The README's two commands are `make run` and `make test`; everything else serves them.
VENV   ?= .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
HOST   ?= 127.0.0.1
PORT   ?= 8000
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup run build test test-fast lint bench browser clean

setup: $(VENV)/.installed node_modules/.installed node_modules/.node-path

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.node-path: node_modules/.installed  ## the node that installed the packages runs the explorer's layout (kg/tools.py)
	command -v node > $@

browser:  ## Debian's Chromium at /usr/bin/chromium, for the end-to-end tests (never a downloaded browser)
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

build: setup
	$(KG) build

run: build  ## the API with explorer and SPARQL editor, on the embedded store with the built-in graph
	$(KG) serve --host $(HOST) --port $(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup browser lint  ## all tests, the slow end-to-end ones included
	$(PY) -m pytest

test-fast: setup
	$(PY) -m pytest -m "not slow"

bench: setup
	$(PY) bench/bench_build.py
	$(PY) bench/bench_api.py
	$(PY) bench/bench_explorer.py
	$(PY) bench/bench_ingest.py

clean:
	rm -rf build .pytest_cache .ruff_cache
