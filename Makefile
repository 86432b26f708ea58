# referatkit — every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB := demo/referatkit.db

.PHONY: install demo test lint eval fixtures clean browser-test screenshot bench bench-search

$(STAMP): pyproject.toml setup.py src/referatkit/readers/_glyphs.c
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
	  || { echo "Error: referatkit needs Python 3.11 or newer (set PYTHON=python3.x)" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests scripts

eval: install
	$(BIN)/python -m referatkit.evaluate

# The HTML report as a person sees it: Debian's chromium (installed when missing), then the
# tests that render the report in it.
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser-test: install $(CHROMIUM)
	$(BIN)/python -m pytest -m browser tests/test_htmlreport.py

# docs/report.png, the README's picture of the HTML report, made the same way.
screenshot: install $(CHROMIUM)
	$(BIN)/python scripts/report_screenshot.py docs/report.png

fixtures: install
	$(BIN)/python scripts/make_fixtures.py

# Search latency on a generated archive of 200,000 agenda items (built once into bench-out/,
# a few minutes; reused while the generator is unchanged). ITEMS=20000 for a quick look.
bench-search: install
	$(BIN)/python scripts/bench_search.py $(if $(ITEMS),--items $(ITEMS))

# Ingest throughput against pypdfium2/pdfplumber on a generated archive of N documents (made
# once into bench-out/; it also times search on it). make bench N=10000 JOBS=2 SEED=1
# BENCH_ARGS=--mixed; the figures go to bench-out/bench-n$(N).json.
N ?= 300
SEED ?= 1
JOBS ?=
BENCH_ARGS ?=
bench: install
	$(BIN)/python scripts/bench.py --n $(N) --seed $(SEED) $(if $(JOBS),--jobs $(JOBS)) $(BENCH_ARGS)

demo: install
	@mkdir -p demo
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/referatkit --db $(DEMO_DB) ingest fixtures/
	$(BIN)/referatkit --db $(DEMO_DB) search "rammeaftale"
	$(BIN)/referatkit --db $(DEMO_DB) show 1
	$(BIN)/referatkit --db $(DEMO_DB) decisions --open

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
