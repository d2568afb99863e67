"""Which app the bank serves, and the oldest one it still lets log in and sign (USE-3: 앱 업데이트 확인).

The device keeps the version it installed and sends it with every certificate request (X-App-Version);
a version below the minimum, or none at all, is refused with the update message. Kept in memory like the
faults: it describes the running bank, and test control moves it; reset puts back RuleSettings' numbers.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from mock_bank.errors import BankError, Reason
from mock_bank.settings import RuleSettings

VERSION = re.compile(r"(\d{1,4})\.(\d{1,4})\.(\d{1,4})")


def parse_version(text: str | None) -> tuple[int, int, int] | None:
    """'7.2.0' as (7, 2, 0); anything else is None. Compared as numbers, so 7.10.0 is newer than 7.9.0."""
    match = VERSION.fullmatch(text or "")
    if match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


@dataclass(frozen=True)
class Release:
    latest: str
    minimum: str


class AppRelease:
    def __init__(self, rules: RuleSettings) -> None:
        self._defaults = Release(rules.app_latest_version, rules.app_minimum_version)
        self._lock = threading.Lock()
        self._release = self._defaults

    @property
    def latest(self) -> str:
        with self._lock:
            return self._release.latest

    def snapshot(self) -> Release:
        with self._lock:
            return self._release

    def publish(self, latest: str, minimum: str) -> Release:
        """Serve `latest` from now on and refuse apps older than `minimum`; ValueError if that cannot be."""
        newest, oldest = parse_version(latest), parse_version(minimum)
        if newest is None or oldest is None:
            raise ValueError("versions are written like 7.2.0")
        if oldest > newest:
            raise ValueError("the minimum version cannot be newer than the latest")
        with self._lock:
            self._release = Release(latest, minimum)
            return self._release

    def require(self, reported: str | None) -> None:
        """Refuse a request from an app below the minimum; an app that does not say its version is too old."""
        version = parse_version(reported)
        minimum = parse_version(self.snapshot().minimum)
        if version is None or minimum is None or version < minimum:
            raise BankError(Reason.APP_OUTDATED)

    def reset(self) -> None:
        with self._lock:
            self._release = self._defaults
