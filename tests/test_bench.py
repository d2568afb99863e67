"""make bench reads the Allure results and the CPU it measures: preconditions, percentiles, the speed-up ceiling,
and the least time the flow alone can take."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from bench import (
    FLOW_ONLY,
    Run,
    cpu_bound_seconds,
    percentile,
    precondition_seconds,
    render,
    repeated_screens,
    speed_up_ceiling,
)


def step(name: str, seconds: float) -> dict[str, object]:
    return {"name": name, "start": 0, "stop": int(seconds * 1000)}


def test_a_precondition_runs_on_through_its_and_steps_until_the_action() -> None:
    steps = [step("조건 고객이 있다", 0.1), step("그리고 고객이 KB국민인증서를 발급받았다", 1.0),
             step("만일 고객이 로그인한다", 2.0), step("그리고 다시 로그인한다", 4.0),
             step("그러면 로그인된다", 8.0)]
    assert precondition_seconds(steps) == 1.1


def test_percentiles_of_the_scenario_durations() -> None:
    durations = [float(n) for n in range(1, 11)]
    assert percentile(durations, 0.9) == 10.0
    assert percentile(durations, 0.5) == 6.0
    assert percentile([3.0], 0.9) == 3.0


def test_a_step_screenshot_counts_as_repeated_only_when_it_is_the_previous_steps_bytes(tmp_path: Path) -> None:
    for name, content in (("a.webp", b"A"), ("a-again.webp", b"A"), ("b.webp", b"B"), ("a-later.webp", b"A")):
        (tmp_path / name).write_bytes(content)

    def shot(source: str) -> dict[str, Any]:
        return {"name": "step", "attachments": [{"name": "화면", "source": source}]}

    steps = [shot("a.webp"), shot("a-again.webp"), {"name": "no page yet"}, shot("b.webp"), shot("a-later.webp"),
             {"name": "failed", "attachments": [{"name": "실패 시점 화면", "source": "a.webp"}]}]
    assert repeated_screens(steps, tmp_path) == (4, 1)


def test_the_speed_up_ceiling_is_the_cores_one_worker_leaves_free_and_never_more_than_two() -> None:
    assert speed_up_ceiling(2, 1.25) == 1.6  # one worker keeps 1.25 cores busy: two can use 2, not 2.5
    assert speed_up_ceiling(8, 1.25) == 2.0  # enough cores for both workers
    assert speed_up_ceiling(2, 0.8) == 2.0
    assert speed_up_ceiling(2, None) is None


def test_a_run_cannot_take_less_than_its_cpu_spread_over_every_core() -> None:
    assert cpu_bound_seconds(181.4, 2) == 90.7
    assert cpu_bound_seconds(181.4, 4) == 45.4  # rounded to a tenth
    assert cpu_bound_seconds(None, 2) is None


def suite_run(workers: int, suite_seconds: float, cpu_seconds: float | None) -> Run:
    return Run(workers, suite_seconds + 10.0, suite_seconds, 10.0, True, 115, 1.5, 3.5, 7.0, 200.0, 0.27,
               6_000_000, 13_000_000, 664, 317, cpu_seconds, None if cpu_seconds is None else 1.7)


def test_the_bench_prints_the_flow_alone_beside_the_two_worker_suite_and_its_floor() -> None:
    summary: dict[str, Any] = {
        "date": "2026-12-07", "machine": "x86_64, 2 cores", "repeat": 1, "one_worker": None,
        "two_workers": asdict(suite_run(2, 140.0, 250.0)), "speed_up": None, "speed_up_ceiling": None,
        "screenshots": {"scenario_seconds_with": 200.0, "scenario_seconds_without": 184.0,
                        "share_of_scenario_time": 0.08},
        "flow_only": {"switched_off": list(FLOW_ONLY), **asdict(suite_run(2, 105.0, 181.4)), "cpu_bound_seconds": 90.7},
        "operations": [],
    }
    printed = render(summary)
    assert "per-step screenshots: 8% of scenario time (200.0 s with, 184.0 s without, the whole suite at 2 workers)" \
        in printed
    assert ("the flow alone (2 workers, --no-step-screenshots --no-screen-checks --no-failure-trace): 105.0 s, "
            "75% of the two-worker suite's 140.0 s; CPU 181.4 s, 1.7 cores busy, so at least 90.7 s on this machine "
            "however it is scheduled") in printed
    summary["flow_only"] = {**summary["flow_only"], "cpu_seconds": None, "cpu_bound_seconds": None}
    assert "the flow alone (2 workers, --no-step-screenshots --no-screen-checks --no-failure-trace): 105.0 s, " \
           "75% of the two-worker suite's 140.0 s\n" in render(summary)
