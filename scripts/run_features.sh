#!/usr/bin/env bash
# The features as `make e2e` runs them, whole or as one shard of several (README: "Running on several machines").
#
#   SHARD=i/N   run shard i of N, split by recorded durations (pipelines/scenario-durations.json, pytest-split's
#               least_duration); results, JUnit XML and log go to $SHARDS_DIR/shard-i-of-N/, no report is built
#               (`make report` merges every shard into one). Without SHARD: reports/allure-results and the report.
#   RERUNS=n    retry a failed scenario n times (pytest-rerunfailures); the report shows it as flaky with every attempt.
#               RERUN_POLICY=strict also fails the run when a scenario passed only on a retry (default: it passes).
#   SEED=n      the Faker seed, so that every shard of one pipeline run makes the same customers.
#   ARGS="..."  further pytest arguments.
#
# Exit code: pytest's (5, no scenario collected, fails too), or 1 if only the personal-data scan or the report failed.
set -uo pipefail

cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
SHARD="${SHARD:-}"
SHARDS_DIR="${SHARDS_DIR:-reports/shards}"
DURATIONS="${DURATIONS:-pipelines/scenario-durations.json}"
read -r -a extra <<< "${ARGS:-}"

pytest_args=(steps -n "${WORKERS:-2}" -o "junit_suite_name=KB국민인증서 발급 E2E")
[ -n "${SEED:-}" ] && pytest_args+=(--faker-seed "$SEED")
[ "${RERUNS:-0}" != 0 ] && pytest_args+=(--reruns "$RERUNS")

if [ -n "$SHARD" ]; then
    if ! [[ "$SHARD" =~ ^([0-9]+)/([0-9]+)$ ]] || [ "${BASH_REMATCH[1]}" -lt 1 ] \
            || [ "${BASH_REMATCH[1]}" -gt "${BASH_REMATCH[2]}" ]; then
        echo "e2e: SHARD must be i/N with 1 <= i <= N (got '$SHARD')" >&2
        exit 2
    fi
    group=${BASH_REMATCH[1]} splits=${BASH_REMATCH[2]}
    folder="$SHARDS_DIR/shard-$group-of-$splits"
    results="$folder/allure-results" junit="$folder/junit.xml"
    rm -rf "$folder" && mkdir -p "$folder"
    pytest_args+=(--splits "$splits" --group "$group" --splitting-algorithm least_duration
                  --durations-path "$DURATIONS")
else
    results=reports/allure-results junit=reports/junit.xml
    # Cleared here, not with --clean-alluredir, which each xdist worker would run on its own. Shard folders of an
    # earlier run go too: `make report` would merge them instead of this run's results.
    rm -rf "$results" "$junit" reports/a11y "$SHARDS_DIR"
fi

rc=0
if [ -n "$SHARD" ]; then
    # The log beside the results, so that a merge job gets all of a shard in one folder.
    $PYTHON -m pytest "${pytest_args[@]}" --alluredir="$results" --junitxml="$junit" "${extra[@]}" 2>&1 \
        | tee "$folder/pytest.log"
    rc=${PIPESTATUS[0]}
else
    $PYTHON -m pytest "${pytest_args[@]}" --alluredir="$results" --junitxml="$junit" "${extra[@]}" || rc=$?
fi
if [ "$rc" -eq 5 ]; then echo "e2e: pytest collected no scenario" >&2; fi
if [ "${RERUN_POLICY:-}" = strict ] && [ "$rc" -eq 0 ]; then
    $PYTHON scripts/merge_shards.py --mark-retries "$results" --strict || rc=1
fi

if [ -n "$SHARD" ]; then
    # What `make report` needs to tell a shard that ran from one that is missing or failed.
    $PYTHON scripts/merge_shards.py --record "$folder" --shard "$SHARD" --exit-code "$rc" || { [ "$rc" -ne 0 ] || rc=1; }
    echo "e2e: shard $SHARD in $folder (exit $rc); \`make report\` merges the shards into one report" >&2
    exit "$rc"
fi
$PYTHON scripts/scan_personal_data.py "$results" "$junit" || { [ "$rc" -ne 0 ] || rc=1; }
bash scripts/build_report.sh || { [ "$rc" -ne 0 ] || rc=1; }
exit "$rc"
