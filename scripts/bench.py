"""How long the suite takes, and where the time goes: `make bench` prints figures and writes reports/bench.json.

Runs the whole suite at one worker and at two (each with its report built, as `make e2e` does), then at two
workers without per-step screenshots, then at two workers with no evidence and no screen checks at all (the flow
alone), then what one browser operation costs (scripts/operation_costs.py). With `--repeat N` the four suite runs
take turns N times, so that this machine's drift through the hour falls on all of them alike, and medians are
reported. Nothing here asserts a speed: it measures. Run it on an otherwise idle machine.

Beside the times, the machine's CPU while the suite runs (Linux's /proc/stat: every process, which is why the
machine must be idle): the CPU seconds the suite costs and how many cores it keeps busy. A run that keeps every
core busy cannot get faster by adding workers, only by doing less; and if one worker already keeps more than
one core busy (Chromium renders while pytest waits), two workers cannot be twice as fast. The ceiling printed
is the speed-up two workers would reach with the same CPU and every core busy.

The flow alone (no step screenshots, no axe-core or layout checks, no failure trace) is what no change to
evidence can go below: its CPU spread over every core is the least time that flow can take on this machine,
however the scenarios are scheduled.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a file, the project's packages still import

import operation_costs  # noqa: E402 (scripts/, beside this file)

from tooling.machine_cpu import machine_cpu_seconds  # noqa: E402

BENCH = ROOT / "reports" / "bench"
# Gherkin keywords (ko) that open a precondition; 그리고 / 하지만 continue whatever came before.
GIVEN = ("조건", "먼저", "전제")
CONTINUES = ("그리고", "하지만", "*")
# Every cost that is evidence or a check rather than the customer's flow, switched off.
FLOW_ONLY = ("--no-step-screenshots", "--no-screen-checks", "--no-failure-trace")


@dataclass(frozen=True)
class Run:
    workers: int
    wall_seconds: float
    suite_seconds: float
    report_seconds: float
    passed: bool
    scenarios: int
    scenario_median: float
    scenario_p90: float
    scenario_max: float
    scenario_seconds_total: float
    precondition_share: float
    results_bytes: int
    report_bytes: int
    step_screens: int
    step_screens_repeated: int
    cpu_seconds: float | None  # the whole machine's, while the suite ran (None where /proc/stat is missing)
    cores_busy: float | None  # cpu_seconds / suite_seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def precondition_seconds(steps: list[dict[str, Any]]) -> float:
    total, in_given = 0.0, False
    for step in steps:
        keyword = str(step["name"]).split(" ", 1)[0]
        if keyword not in CONTINUES:
            in_given = keyword in GIVEN
        if in_given:
            total += (step["stop"] - step["start"]) / 1000
    return total


STEP_SCREEN = "화면"  # fixtures/reporting.py's name for a step's screenshot


def repeated_screens(steps: list[dict[str, Any]], folder: Path) -> tuple[int, int]:
    """(step screenshots, how many of them are byte for byte the previous step's): the shots reused because the
    screen did not change (support/screen_shots.py)."""
    shots, repeated, previous = 0, 0, None
    for step in steps:
        for attachment in step.get("attachments", []):
            if attachment["name"] == STEP_SCREEN:
                image = (folder / attachment["source"]).read_bytes()
                shots += 1
                repeated += image == previous
                previous = image
    return shots, repeated


def read_results(folder: Path) -> tuple[list[float], float, tuple[int, int]]:
    durations, given, shots, repeated = [], 0.0, 0, 0
    for path in folder.glob("*-result.json"):
        result = json.loads(path.read_text("utf-8"))
        durations.append((result["stop"] - result["start"]) / 1000)
        given += precondition_seconds(result.get("steps", []))
        scenario_shots, scenario_repeated = repeated_screens(result.get("steps", []), folder)
        shots, repeated = shots + scenario_shots, repeated + scenario_repeated
    return durations, given, (shots, repeated)


def speed_up_ceiling(cores: int, one_worker_cores_busy: float | None) -> float | None:
    """How much faster two workers could be at best, doing the one-worker run's work: twice as fast, unless
    two workers' worth of busy cores (2 x what one keeps busy) is more than the machine has."""
    if one_worker_cores_busy is None or one_worker_cores_busy <= 0:
        return None
    return round(min(2.0, cores / one_worker_cores_busy), 2)


def cpu_bound_seconds(cpu_seconds: float | None, cores: int) -> float | None:
    """The least wall time a run costing `cpu_seconds` can take with every core busy all the time."""
    if cpu_seconds is None or cores < 1:
        return None
    return round(cpu_seconds / cores, 1)


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_suite(workers: int, name: str, extra: list[str], with_report: bool) -> Run:
    results, report = BENCH / name / "allure-results", BENCH / name / "allure-report"
    subprocess.run(["rm", "-rf", str(BENCH / name)], check=True)
    command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider", f"--alluredir={results}",
               "-n", str(workers), *extra]
    started, cpu_before = time.monotonic(), machine_cpu_seconds()
    suite = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    suite_seconds = time.monotonic() - started
    cpu_after = machine_cpu_seconds()
    cpu = None if cpu_before is None or cpu_after is None else round(cpu_after - cpu_before, 1)
    report_seconds = 0.0
    if with_report:
        environment = {**os.environ, "REPORT_RESULTS_DIR": str(results.relative_to(ROOT)),
                       "REPORT_DIR": str(report.relative_to(ROOT)),
                       "REPORT_HISTORY": str((BENCH / name / "history.jsonl").relative_to(ROOT))}
        started = time.monotonic()
        subprocess.run(["bash", "scripts/build_report.sh"], cwd=ROOT, env=environment, check=True,
                       capture_output=True)
        report_seconds = time.monotonic() - started
    if suite.returncode != 0:
        print(suite.stdout[-3000:], file=sys.stderr)
    durations, given, (shots, repeated) = read_results(results)
    index = report / "index.html"
    return Run(workers, round(suite_seconds + report_seconds, 1), round(suite_seconds, 1), round(report_seconds, 1),
               suite.returncode == 0, len(durations), round(statistics.median(durations), 2),
               round(percentile(durations, 0.9), 2), round(max(durations), 2), round(sum(durations), 1),
               round(given / sum(durations), 3), folder_bytes(results), index.stat().st_size if index.exists() else 0,
               shots, repeated, cpu, None if cpu is None else round(cpu / suite_seconds, 2))


def median_run(runs: list[Run]) -> Run:
    """The run with the median wall time, so its figures belong together."""
    return sorted(runs, key=lambda run: run.wall_seconds)[len(runs) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; medians are reported")
    parser.add_argument("--skip-one-worker", action="store_true", help="leave out the one-worker run")
    options = parser.parse_args(argv)
    seed = ["--faker-seed", "20261202"]  # the same customers in every run
    one: list[Run] = []
    two: list[Run] = []
    bare: list[Run] = []
    flow: list[Run] = []
    for i in range(options.repeat):
        if not options.skip_one_worker:
            one.append(run_suite(1, f"one-worker-{i}", seed, True))
        two.append(run_suite(2, f"two-workers-{i}", seed, True))
        bare.append(run_suite(2, f"without-screenshots-{i}", [*seed, "--no-step-screenshots"], False))
        flow.append(run_suite(2, f"flow-only-{i}", [*seed, *FLOW_ONLY], False))
    costs = operation_costs.run(operation_costs.REPEAT)
    cores = os.cpu_count() or 1
    # The same scenarios with and without screenshots: the whole suite, beside the two-worker runs.
    with_shots = statistics.median(run.scenario_seconds_total for run in two)
    without = statistics.median(run.scenario_seconds_total for run in bare)
    one_run, two_run, flow_run = (median_run(one) if one else None), median_run(two), median_run(flow)
    summary: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {cores} cores",
        "repeat": options.repeat,
        "one_worker": asdict(one_run) if one_run else None,
        "two_workers": asdict(two_run),
        "speed_up": round(one_run.wall_seconds / two_run.wall_seconds, 2) if one_run else None,
        "speed_up_ceiling": speed_up_ceiling(cores, one_run.cores_busy) if one_run else None,
        "screenshots": {"scenario_seconds_with": round(with_shots, 1),
                        "scenario_seconds_without": round(without, 1),
                        "share_of_scenario_time": round((with_shots - without) / with_shots, 3)},
        "flow_only": {"switched_off": list(FLOW_ONLY), **asdict(flow_run),
                      "cpu_bound_seconds": cpu_bound_seconds(flow_run.cpu_seconds, cores)},
        "operations": [asdict(cost) for cost in costs],
        "all_runs": [asdict(run) for run in (*one, *two, *bare, *flow)],
    }
    (ROOT / "reports" / "bench.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), "utf-8")
    print(render(summary))
    return 0 if all(run.passed for run in (*one, *two, *bare, *flow)) else 1


def render(summary: dict[str, Any]) -> str:
    lines = [f"bench {summary['date']} on {summary['machine']}, medians of {summary['repeat']} run(s)"]
    for label in ("one_worker", "two_workers"):
        run = summary[label]
        if run is None:
            continue
        outcome = "passed" if run["passed"] else "FAILED"
        lines.append(
            f"  {run['workers']} worker(s): {run['wall_seconds']:6.1f} s wall (suite {run['suite_seconds']} s + "
            f"report {run['report_seconds']} s), {run['scenarios']} scenarios {outcome}; scenario median "
            f"{run['scenario_median']} s, p90 {run['scenario_p90']} s, slowest {run['scenario_max']} s; "
            f"preconditions {run['precondition_share']:.0%} of scenario time; results "
            f"{run['results_bytes'] / 1e6:.1f} MB, report {run['report_bytes'] / 1e6:.1f} MB; "
            f"{run['step_screens']} step screenshots, {run['step_screens_repeated']} of them the previous step's"
            + ("" if run["cpu_seconds"] is None else
               f"; CPU {run['cpu_seconds']} s, {run['cores_busy']} cores busy on average"))
    if summary["speed_up"] is not None:
        ceiling = summary["speed_up_ceiling"]
        lines.append(f"  speed-up from 1 to 2 workers: {summary['speed_up']}x"
                     + ("" if ceiling is None else f" (at most {ceiling}x here: the one-worker run's CPU on every "
                                                   "core)"))
    shots = summary["screenshots"]
    lines.append(f"  per-step screenshots: {shots['share_of_scenario_time']:.0%} of scenario time "
                 f"({shots['scenario_seconds_with']} s with, {shots['scenario_seconds_without']} s without, the "
                 "whole suite at 2 workers)")
    flow = summary["flow_only"]
    suite = summary["two_workers"]["suite_seconds"]
    lines.append(f"  the flow alone (2 workers, {' '.join(flow['switched_off'])}): {flow['suite_seconds']} s, "
                 f"{flow['suite_seconds'] / suite:.0%} of the two-worker suite's {suite} s"
                 + ("" if flow["cpu_seconds"] is None else
                    f"; CPU {flow['cpu_seconds']} s, {flow['cores_busy']} cores busy, so at least "
                    f"{flow['cpu_bound_seconds']} s on this machine however it is scheduled"))
    lines.append(operation_costs.render([operation_costs.Cost(**cost) for cost in summary["operations"]]))
    lines.append("  written to reports/bench.json")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
