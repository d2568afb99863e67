#!/usr/bin/env bash
# Build the single-file HTML report from reports/allure-results with Allure 3 (settings in allurerc.mjs).
# REPORT_RESULTS_DIR, REPORT_DIR, REPORT_HISTORY and REPORT_FEATURES_DIR point it elsewhere
# (tests/test_html_report.py builds small reports under reports/report-check/).
set -euo pipefail

cd "$(dirname "$0")/.."

export REPORT_RESULTS_DIR="${REPORT_RESULTS_DIR:-reports/allure-results}"
export REPORT_DIR="${REPORT_DIR:-reports/allure-report}"
export REPORT_HISTORY="${REPORT_HISTORY:-reports/history.jsonl}"
results_dir=$REPORT_RESULTS_DIR
report_dir=$REPORT_DIR
features_dir="${REPORT_FEATURES_DIR:-features}"

# The guide coverage travels with the report as a global attachment ('전역 첨부파일'), gaps and all;
# `make coverage` is where gaps fail. It also writes reports/guide-coverage.md.
if [ -d "$results_dir" ]; then
    .venv/bin/python scripts/guide_coverage.py --results "$results_dir" --features "$features_dir" \
        --markdown "$(dirname "$report_dir")/guide-coverage.md" --attach --report-only --quiet \
        || echo "report: the guide coverage could not be attached" >&2
fi

# A scenario retried by RERUNS=n that passed on a later attempt shows as flaky, with every attempt as a retry.
if [ -d "$results_dir" ]; then
    .venv/bin/python scripts/merge_shards.py --mark-retries "$results_dir"
fi

# Allure 3 neither empties its output folder nor flattens it when stale files are there.
rm -rf "$report_dir"
started_ns=$(date +%s%N)
node_modules/.bin/allure generate --config allurerc.mjs
if [ ! -s "$report_dir/index.html" ]; then
    echo "report: Allure finished but wrote no $report_dir/index.html" >&2
    exit 1
fi
# Allure's single-file report sometimes opens blank and calls Google Analytics; reporting/report_html.py says why.
.venv/bin/python scripts/mend_report.py "$report_dir/index.html"
elapsed_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
printf 'report: file://%s/%s/index.html (generated in %d.%03d s)\n' \
    "$PWD" "$report_dir" $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
