# `make e2e` runs every feature and builds the HTML report; `make test` runs all checks, then the same.
# Both set up the machine first (scripts/bootstrap.sh), which takes about a second once done.
# Extra pytest arguments for the features: make e2e ARGS="-m smoke"
# `make coverage` lists every guide item with the scenarios covering it, and fails while any has none.

SHELL := /bin/bash
# Some shells (this machine's among them) set PYTHONDONTWRITEBYTECODE=1: then every Python process compiles the
# project's modules again, and pytest rewrites the asserts of every plugin module again (it keeps no cache then).
# Measured: collecting the features took 2.98 s with it and 1.37 s without, paid by pytest, each xdist worker and
# each mock bank of every run. The bytecode goes to __pycache__ folders, which git ignores.
unexport PYTHONDONTWRITEBYTECODE
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON := .venv/bin/python
RESULTS := reports/allure-results
JUNIT := reports/junit.xml
ARGS ?=

.PHONY: help setup e2e test report durations report-screenshots clean check-steps coverage scan-personal-data mutations bench load a11y

help:
	@echo "make e2e          run every feature (ARGS=\"...\" passes pytest arguments), then build the report"
	@echo "make test         unit tests, ruff, mypy, the step check, then everything make e2e does"
	@echo "make report       rebuild reports/allure-report/index.html, from every shard folder if there are any"
	@echo "make e2e SHARD=1/2  one shard of two (by recorded durations); RERUNS=1 retries a failed scenario once"
	@echo "make durations   record scenario durations for the shards (pipelines/scenario-durations.json)"
	@echo "make report-screenshots  open the report in Chromium, keep screenshots in reports/report-screenshots/"
	@echo "make check-steps  undefined, ambiguous and unused steps, without a browser"
	@echo "make coverage     every guide item and its scenarios (reports/guide-coverage.md); fails on gaps"
	@echo "make scan-personal-data  fail if the results hold a full RRN or account number"
	@echo "make mutations    break each bank rule in a clone and check its scenarios fail (a few minutes)"
	@echo "make bench        time the suite at 1 and 2 workers: CPU, evidence and operation costs, sizes (reports/bench.json)"
	@echo "make a11y         per screen: what axe-core and the layout check found in the last make e2e"
	@echo "make load         50 customers issuing at once over HTTP (LOAD_CUSTOMERS=N): latency, errors, crossings"
	@echo "make clean        remove everything under reports/ except .gitkeep"

setup:
	@bash scripts/bootstrap.sh

# scripts/run_features.sh runs the features, whole or as one shard (SHARD=i/N), with RERUNS=n retries and a
# shared SEED=n; it says what its exit code means.
# Defined before the export: an exported variable counts as set, and ?= would leave it empty.
SHARDS_DIR ?= reports/shards
export SHARD RERUNS RERUN_POLICY SEED ARGS SHARDS_DIR
e2e: setup
	@bash scripts/run_features.sh

# The project's tests on two workers, one module per worker at a time (some share a report folder).
test: setup
	$(PYTHON) -m pytest tests -n 2 --dist loadfile
	.venv/bin/ruff check .
	.venv/bin/mypy
	$(PYTHON) scripts/check_steps.py
	$(PYTHON) scripts/guide_coverage.py
	@bash scripts/run_features.sh

# With shard folders (make e2e SHARD=i/N), or named ones (SHARD_FOLDERS="a b"), one report of them all: merged into
# reports/allure-results, scanned for personal data, built once; a missing or failed shard fails it, after the build.
report: setup
	@rc=0; folders="$${SHARD_FOLDERS:-$$(ls -d $(SHARDS_DIR)/shard-*-of-* 2>/dev/null || true)}"; \
	if [ -n "$$folders" ]; then \
		$(PYTHON) scripts/merge_shards.py $$folders || rc=$$?; \
		$(PYTHON) scripts/scan_personal_data.py $$folders || { [ "$$rc" -ne 0 ] || rc=1; }; \
	fi; \
	bash scripts/build_report.sh || { [ "$$rc" -ne 0 ] || rc=1; }; \
	exit "$$rc"

# Records every scenario's duration for the shards' split; commit pipelines/scenario-durations.json afterwards.
durations: setup
	@ARGS="--store-durations --clean-durations --durations-path pipelines/scenario-durations.json $(ARGS)" \
		bash scripts/run_features.sh

report-screenshots: setup
	@$(PYTHON) scripts/report_screenshots.py

check-steps: setup
	@$(PYTHON) scripts/check_steps.py

# Not part of `make test` yet: most guide items still wait for their scenarios.
coverage: setup
	@$(PYTHON) scripts/guide_coverage.py

scan-personal-data: setup
	@$(PYTHON) scripts/scan_personal_data.py $(RESULTS) $(JUNIT)

ONLY ?=
mutations: setup
	@$(PYTHON) scripts/scenario_mutations.py --only "$(ONLY)"

# Measures, never asserts: run it on an otherwise idle machine. BENCH_ARGS="--repeat 3" for medians.
bench: setup
	@$(PYTHON) scripts/bench.py $(BENCH_ARGS)

# Reads reports/a11y/ from the last make e2e (fixtures/screen_checks.py writes it); no browser of its own.
a11y: setup
	@$(PYTHON) scripts/a11y_summary.py

# A fresh mock bank on a free loopback port and locust in-process; fails on any error or crossed customer.
LOAD_CUSTOMERS ?= 50
load: setup
	@$(PYTHON) scripts/load_issuance.py --customers $(LOAD_CUSTOMERS)

clean:
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
