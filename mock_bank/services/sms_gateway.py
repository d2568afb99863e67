"""The mock SMS gateway: what it sends lands in the phone's inbox, readable through test control."""

from __future__ import annotations

from mock_bank.clock import Clock
from mock_bank.store import Store


class SmsGateway:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._blocked: set[str] = set()

    def send(self, phone: str, body: str) -> None:
        # A phone that blocks SMS still gets the message held, as a carrier would keep it (FIX-1).
        self._store.add_sms(phone, body, self._clock.now(), held=phone in self._blocked)

    def block(self, phone: str, blocked: bool) -> None:
        (self._blocked.add if blocked else self._blocked.discard)(phone)

    def reset(self) -> None:
        self._blocked.clear()
