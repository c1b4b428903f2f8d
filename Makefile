# The two quickstart commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)/dbt_project

# apt-get needs root: CI and these machines run as root, a laptop gets sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup browser run test lint unit dev clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,spark]"
	touch $(STAMP)

setup: $(STAMP)

## Debian's Chromium (and a Japanese font) for the report test; test tools' own downloads fail here.
browser:
	dpkg -s chromium fonts-ipafont-gothic >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium fonts-ipafont-gothic; }

## Generate the sample extracts if data/landing is empty, then load -> dbt build -> publish, and
## the weekly scoring review on top, so the sample holds every mart.
run: setup
	$(BIN)/leadflow generate --if-empty
	$(BIN)/leadflow run
	$(BIN)/leadflow run --job scoring_review

## The whole test suite: ruff, sqlfluff, pytest (which builds the sample end to end with dbt tests
## and renders the report in headless Chromium).
test: setup browser lint
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	LEADFLOW_TARGET=lint $(BIN)/sqlfluff lint dbt_project tests/dbt

## The Dagster UI on the same warehouse and run history as `make run`.
dev: setup
	DAGSTER_HOME=$(CURDIR)/data/dagster_home $(BIN)/dagster dev -m orchestration.definitions

clean:
	rm -rf target logs data/warehouse data/publish data/test
