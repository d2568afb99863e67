# `make e2e` runs every feature and builds the HTML report; `make test` runs all checks, then the same.
# Both set up the machine first (scripts/bootstrap.sh), which takes about a second once done.
# Extra pytest arguments for the features: make e2e ARGS="-m smoke"

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON := .venv/bin/python
RESULTS := reports/allure-results
ARGS ?=

.PHONY: help setup e2e test report clean

help:
	@echo "make e2e     run every feature (ARGS=\"...\" passes pytest arguments), then build the report"
	@echo "make test    unit tests, ruff, mypy, then everything make e2e does"
	@echo "make report  rebuild reports/allure-report/index.html from existing results"
	@echo "make clean   remove everything under reports/ except .gitkeep"

setup:
	@bash scripts/bootstrap.sh

# Results are cleared here, not with --clean-alluredir, which each xdist worker would run on its own.
# The report is built whether or not the features passed; the exit code is pytest's
# (5, no scenario collected, fails too), or 1 if only the report could not be built.
define run_features
	rc=0; rm -rf $(RESULTS); \
	$(PYTHON) -m pytest steps -n 2 --alluredir=$(RESULTS) $(ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "e2e: pytest collected no scenario" >&2; fi; \
	bash scripts/build_report.sh || { [ "$$rc" -ne 0 ] || rc=1; }; \
	exit "$$rc"
endef

e2e: setup
	@$(run_features)

test: setup
	$(PYTHON) -m pytest tests
	.venv/bin/ruff check .
	.venv/bin/mypy
	@$(run_features)

report: setup
	@bash scripts/build_report.sh

clean:
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
