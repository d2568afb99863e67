# `make e2e` runs every feature and builds the HTML report; `make test` runs all checks, then the same.
# Both set up the machine first (scripts/bootstrap.sh), which takes about a second once done.
# Extra pytest arguments for the features: make e2e ARGS="-m smoke"
# `make coverage` lists every guide item with the scenarios covering it, and fails while any has none.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON := .venv/bin/python
RESULTS := reports/allure-results
JUNIT := reports/junit.xml
ARGS ?=

.PHONY: help setup e2e test report report-screenshots clean check-steps coverage scan-personal-data mutations bench load a11y

help:
	@echo "make e2e          run every feature (ARGS=\"...\" passes pytest arguments), then build the report"
	@echo "make test         unit tests, ruff, mypy, the step check, then everything make e2e does"
	@echo "make report       rebuild reports/allure-report/index.html from existing results"
	@echo "make report-screenshots  open the report in Chromium, keep screenshots in reports/report-screenshots/"
	@echo "make check-steps  undefined, ambiguous and unused steps, without a browser"
	@echo "make coverage     every guide item and its scenarios (reports/guide-coverage.md); fails on gaps"
	@echo "make scan-personal-data  fail if the results hold a full RRN or account number"
	@echo "make mutations    break each bank rule in a clone and check its scenarios fail (a few minutes)"
	@echo "make bench        time the suite at 1 and 2 workers, evidence cost, sizes (reports/bench.json)"
	@echo "make a11y         per screen: what axe-core and the layout check found in the last make e2e"
	@echo "make load         50 customers issuing at once over HTTP (LOAD_CUSTOMERS=N): latency, errors, crossings"
	@echo "make clean        remove everything under reports/ except .gitkeep"

setup:
	@bash scripts/bootstrap.sh

# Results are cleared here, not with --clean-alluredir, which each xdist worker would run on its own.
# JUnit XML for CI is written by the xdist controller, one <testcase> per scenario.
# The report is built whether or not the features passed; the exit code is pytest's
# (5, no scenario collected, fails too), or 1 if only the personal-data scan or the report failed.
define run_features
	rc=0; rm -rf $(RESULTS) $(JUNIT) reports/a11y; \
	$(PYTHON) -m pytest steps -n 2 --alluredir=$(RESULTS) --junitxml=$(JUNIT) \
		-o "junit_suite_name=KB국민인증서 발급 E2E" $(ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "e2e: pytest collected no scenario" >&2; fi; \
	$(PYTHON) scripts/scan_personal_data.py $(RESULTS) $(JUNIT) || { [ "$$rc" -ne 0 ] || rc=1; }; \
	bash scripts/build_report.sh || { [ "$$rc" -ne 0 ] || rc=1; }; \
	exit "$$rc"
endef

e2e: setup
	@$(run_features)

# The project's tests on two workers, one module per worker at a time (some share a report folder).
test: setup
	$(PYTHON) -m pytest tests -n 2 --dist loadfile
	.venv/bin/ruff check .
	.venv/bin/mypy
	$(PYTHON) scripts/check_steps.py
	$(PYTHON) scripts/guide_coverage.py
	@$(run_features)

report: setup
	@bash scripts/build_report.sh

report-screenshots: setup
	@$(PYTHON) scripts/report_screenshots.py

check-steps: setup
	@$(PYTHON) scripts/check_steps.py

# Not part of `make test` yet: most guide items still wait for their scenarios.
coverage: setup
	@$(PYTHON) scripts/guide_coverage.py

scan-personal-data: setup
	@$(PYTHON) scripts/scan_personal_data.py $(RESULTS) $(JUNIT)

mutations: setup
	@$(PYTHON) scripts/scenario_mutations.py

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
