# referatkit — every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB := demo/referatkit.db

.PHONY: install demo test lint eval fixtures clean

$(STAMP): pyproject.toml
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

fixtures: install
	$(BIN)/python scripts/make_fixtures.py

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
