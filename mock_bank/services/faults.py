"""Faults arranged through test control: SMS that never or only later arrives, a screen that keeps failing
until the app is restarted, an ID reader that fails once. The guide's FIX items need them to be testable.

Kept in memory, not in SQLite: they belong to the running bank, not to the customers it holds, and
POST /_test/reset (Bank.reset) forgets them along with everything else.

'Restarting the app' (FIX-3) is defined as the customer starting issuance again from the 인증센터
(POST /issue/start): that is the first thing a restarted app sends that the bank can see. A screen fault
arranged `until=restart` is cleared by it; one arranged `until=cleared` stays until test control removes it,
for scenarios where restarting does not help.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from mock_bank.errors import ScreenUnavailable


class Screen(StrEnum):
    """The issuance screens a fault can break, named as the test-control API names them."""

    TERMS = "terms"
    PHONE = "phone"
    ACCOUNT = "account"
    ID = "id"
    CREDENTIALS = "credentials"


class Until(StrEnum):
    RESTART = "restart"
    CLEARED = "cleared"


@dataclass(frozen=True)
class SmsFault:
    blocked: bool = False
    delay: timedelta = timedelta(0)


class Faults:
    """Thread-safe: screens and the test-control API reach it from the server's worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sms_blocked: set[str] = set()
        self._sms_delays: dict[str, timedelta] = {}
        self._screens: dict[Screen, Until] = {}
        self._id_reader_failures = 0

    # SMS (FIX-1): per phone number, in the normalised 010-XXXX-XXXX form the bank sends to.
    def block_sms(self, phone: str, blocked: bool) -> None:
        with self._lock:
            (self._sms_blocked.add if blocked else self._sms_blocked.discard)(phone)

    def delay_sms(self, phone: str, delay: timedelta) -> None:
        """Messages sent from now on reach the phone `delay` later by the bank's clock; zero removes the delay."""
        with self._lock:
            if delay > timedelta(0):
                self._sms_delays[phone] = delay
            else:
                self._sms_delays.pop(phone, None)

    def sms(self, phone: str) -> SmsFault:
        with self._lock:
            return SmsFault(phone in self._sms_blocked, self._sms_delays.get(phone, timedelta(0)))

    # Screens (FIX-3).
    def break_screen(self, screen: Screen, until: Until = Until.RESTART) -> None:
        with self._lock:
            self._screens[screen] = until

    def mend_screen(self, screen: Screen) -> None:
        with self._lock:
            self._screens.pop(screen, None)

    def check_screen(self, screen: Screen) -> None:
        """Raise ScreenUnavailable (503) while `screen` is broken."""
        with self._lock:
            broken = screen in self._screens
        if broken:
            raise ScreenUnavailable()

    def restart(self) -> None:
        """The customer restarted the app: faults that last until a restart are gone."""
        with self._lock:
            self._screens = {screen: until for screen, until in self._screens.items() if until is Until.CLEARED}

    # The ID reader (FIX-2): the ID screen asks before reading each photo.
    def fail_id_reader(self, times: int) -> None:
        """The next `times` photos are reported unreadable, whatever they show; zero removes the fault."""
        with self._lock:
            self._id_reader_failures = max(0, times)

    def take_id_reader_failure(self) -> bool:
        """True if this reading must fail; each True uses up one of the arranged failures."""
        with self._lock:
            if self._id_reader_failures == 0:
                return False
            self._id_reader_failures -= 1
            return True

    def snapshot(self) -> dict[str, object]:
        """Everything arranged, for GET /_test/faults."""
        with self._lock:
            return {
                "screens": {screen.value: until.value for screen, until in sorted(self._screens.items())},
                "sms_blocked": sorted(self._sms_blocked),
                "sms_delays": {phone: delay.total_seconds() for phone, delay in sorted(self._sms_delays.items())},
                "id_reader_failures": self._id_reader_failures,
            }

    def reset(self) -> None:
        with self._lock:
            self._sms_blocked.clear()
            self._sms_delays.clear()
            self._screens.clear()
            self._id_reader_failures = 0
