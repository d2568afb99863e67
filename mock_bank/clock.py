"""The bank's clock: a time source plus an offset that tests move through the test-control API."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

TimeSource = Callable[[], datetime]


def system_time() -> datetime:
    return datetime.now(UTC)


class Clock:
    """Time keeps flowing after a jump, as it would on a real server whose date was changed.

    `source` is the time that flows; the server uses the system's. Unit tests pass one that stands still,
    so that a boundary such as 'expired at exactly 3:00' is reached exactly, not a few microseconds late.
    """

    def __init__(self, source: TimeSource = system_time) -> None:
        self._source = source
        self._offset = timedelta(0)
        self._lock = threading.Lock()

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
        with self._lock:
            self._offset = timedelta(0)
