# One command to run the pipeline on the bundled samples, one to run the tests.
# Both create the virtual environment .venv from requirements.lock the first time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# setuptools warns "Editable installation" (a boxed note on import precedence) on every `pip install -e`
PIP := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip

.PHONY: setup run test ui docs bench fixtures clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/budget-etl run

test: setup
	$(BIN)/ruff check --quiet pipelines assets expectations warehouse report bench tests
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The UI plus the daemon that runs the inbox sensor and the daily schedule, on the warehouse's
# own Dagster home (warehouse/budget_data/dagster_home unless DAGSTER_HOME is set)
ui: setup
	$(BIN)/budget-etl ui

# Great Expectations' Data Docs of the last run, served on http://127.0.0.1:8008 (offline-ready)
docs: setup
	$(BIN)/budget-etl docs

# Speed, memory and scaling against plain pdfplumber, Camelot and PyMuPDF -> docs/benchmarks.md;
# N = 1, 10, 100 documents and 1 vs 2 Celery workers (needs redis-server) -> docs/scaling.md
bench: setup
	$(PIP) install --quiet -c requirements.lock -e ".[dev,bench]"
	$(BIN)/python bench/benchmark.py
	$(BIN)/python bench/ocr_accuracy.py
	$(BIN)/python bench/scaling.py

# Re-render the test PDFs of tests/fixtures/rendered (committed golden files) from the truth file
fixtures: setup
	$(BIN)/python -m tests.rendering.generate

clean:
	rm -rf $(VENV) .dagster_home warehouse/budget.duckdb* warehouse/budget_data warehouse/budget_report exports
