"""The machine's busy CPU time as make bench reads it from /proc/stat (tooling/machine_cpu.py)."""

from __future__ import annotations

import pytest

from tooling.machine_cpu import busy_cpu_seconds

# /proc/stat's first line on Linux: user nice system idle iowait irq softirq steal guest guest_nice (in ticks).
STAT = "cpu  2000 100 500 9000 300 20 30 50 400 0\ncpu0 1000 50 250 4500 150 10 15 25 200 0\nintr 1 2 3\n"


def test_busy_cpu_is_everything_but_idle_and_iowait_and_guest_time_is_not_counted_twice() -> None:
    assert busy_cpu_seconds(STAT, 100) == (2000 + 100 + 500 + 20 + 30 + 50) / 100


def test_a_line_that_is_not_the_cpu_summary_is_refused() -> None:
    with pytest.raises(ValueError, match="summary line"):
        busy_cpu_seconds("intr 1 2 3\n", 100)
