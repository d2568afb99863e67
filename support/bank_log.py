"""The mock bank's log file, read from where the current scenario began: its requests and refusals only."""

from __future__ import annotations

from pathlib import Path


class BankLog:
    """One bank per xdist worker runs one scenario at a time, so the lines after the mark are this scenario's."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None when the bank runs elsewhere (--mock-bank-url): its log is not ours to read
        self._offset = 0

    def mark(self) -> None:
        """Called as the scenario resets the bank: later reads start here."""
        self._offset = self.path.stat().st_size if self.path is not None and self.path.exists() else 0

    def since_mark(self) -> str | None:
        if self.path is None:
            return None
        with self.path.open("rb") as log:
            log.seek(self._offset)
            return log.read().decode("utf-8", errors="replace")
