"""The mock SMS gateway: what it sends lands in the phone's inbox, readable through test control."""

from __future__ import annotations

from mock_bank.clock import Clock
from mock_bank.records import SmsMessage
from mock_bank.services.faults import Faults
from mock_bank.store import Store


class SmsGateway:
    def __init__(self, store: Store, clock: Clock, faults: Faults) -> None:
        self._store = store
        self._clock = clock
        self._faults = faults

    def send(self, phone: str, body: str) -> None:
        # A phone that blocks SMS still gets the message held, as a carrier would keep it (FIX-1);
        # unblocking does not release it: the guide's remedy is to ask for a new code.
        fault = self._faults.sms(phone)
        now = self._clock.now()
        self._store.add_sms(phone, body, now, held=fault.blocked, deliver_at=now + fault.delay)

    def inbox(self, phone: str) -> list[SmsMessage]:
        """What has reached the phone by the bank's clock: no held message, no delayed one before its time."""
        return self._store.sms_inbox(phone, self._clock.now())
