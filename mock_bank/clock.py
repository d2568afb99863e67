"""The bank's clock: a time source plus an offset that tests move through the test-control API."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone

TimeSource = Callable[[], datetime]

KST = timezone(timedelta(hours=9), "KST")
# The clock may be set anywhere a test could want, but not so far that adding a certificate's years overflows.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# A bank started on a given day starts at 10:00 in Seoul, which is 01:00 UTC: certificates (UTC) and screens
# (KST) then carry the same date, and a scenario can move the clock 14 hours on before either date changes.
# A fixed hour, not the real time of day, so that a replayed run's certificates carry the same times too.
OPENING = time(10, 0, tzinfo=KST)


def system_time() -> datetime:
    return datetime.now(UTC)


def opening_on(day: date) -> datetime:
    """10:00 KST on `day`, the bank's time when it is started on that day."""
    return datetime.combine(day, OPENING)


class Clock:
    """Time keeps flowing after a jump, as it would on a real server whose date was changed.

    `source` is the time that flows; the server uses the system's. Unit tests pass one that stands still,
    so that a boundary such as 'expired at exactly 3:00' is reached exactly, not a few microseconds late.
    `start` is the bank's time when it opens and again after every reset; without it, the source's time.
    """

    def __init__(self, source: TimeSource = system_time, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("the clock only takes timezone-aware times")
        self._source = source
        self._start = start
        self._lock = threading.Lock()
        self._offset = self._start_offset()

    def _start_offset(self) -> timedelta:
        return self._start - self._source() if self._start is not None else timedelta(0)

    def now(self) -> datetime:
        with self._lock:
            return self._source() + self._offset

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("the clock only takes timezone-aware times")
        with self._lock:
            self._offset = at - self._source()

    def advance(self, by: timedelta) -> None:
        with self._lock:
            self._offset += by

    def reset(self) -> None:
        # Back to the start itself, not to the start plus the time since: every scenario then begins at the
        # same bank time, whichever worker runs it and however many ran before.
        with self._lock:
            self._offset = self._start_offset()
