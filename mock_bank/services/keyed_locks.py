"""One lock per key (a certificate's serial), for checks that must run one at a time per target.

FastAPI runs the bank's sync handlers in a thread pool, so requests for one certificate can arrive together;
requests for different certificates still run side by side.
"""

from __future__ import annotations

import threading


class KeyedLocks:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def of(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())
