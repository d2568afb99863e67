"""The bank's clock: real time plus an offset that tests move through the test-control API."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class Clock:
    """Time keeps flowing after a jump, as it would on a real server whose date was changed."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("the clock only takes timezone-aware times")
        with self._lock:
            self._offset = at - datetime.now(UTC)

    def advance(self, by: timedelta) -> None:
        with self._lock:
            self._offset += by

    def reset(self) -> None:
        with self._lock:
            self._offset = timedelta(0)
