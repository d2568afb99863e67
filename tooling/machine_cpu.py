"""The whole machine's CPU time, from Linux's /proc/stat: what `make bench` reads around each thing it measures.

Every process counts (Chromium's, the Playwright driver's, pytest's and the mock bank's alike), which is why a
benchmark must run on an otherwise idle machine.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC_STAT = Path("/proc/stat")


def busy_cpu_seconds(proc_stat: str, ticks_per_second: int) -> float:
    """CPU seconds all cores have spent on anything but idling, from /proc/stat's first ("cpu") line: user,
    nice, system, idle, iowait, irq, softirq, steal, then guest times, which user and nice already include."""
    fields = proc_stat.splitlines()[0].split()
    if fields[0] != "cpu":
        raise ValueError(f"not /proc/stat's summary line: {proc_stat.splitlines()[0]!r}")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / ticks_per_second


def machine_cpu_seconds() -> float | None:
    """Busy CPU seconds since boot; None where there is no /proc/stat (not Linux)."""
    if not PROC_STAT.is_file():
        return None
    return busy_cpu_seconds(PROC_STAT.read_text(), os.sysconf("SC_CLK_TCK"))
