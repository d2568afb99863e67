"""전자서명 of a transfer (USE-2): the customer signs exactly what the bank will carry out.

The bank writes the transfer down as canonical JSON (sorted keys, no spaces, UTF-8) when it is created;
the device signs those bytes with the PIN-unlocked key (ECDSA P-256/SHA-256, WebCrypto's r||s). Signing
takes two requests: the PIN first (counted as at login), then the signature, accepted only from the
certificate whose PIN was just checked for this transfer and only while that certificate is usable at the
bank's clock: not retired (so not in the CRL), inside its validity, chained to the root. A signed
transfer keeps its content, signature and certificate serial; test control reads them back.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from mock_bank.clock import Clock
from mock_bank.errors import BankError, InputRejected, Reason
from mock_bank.records import NewTransfer, SignedTransferRow, TransferRow
from mock_bank.services.banks import ACCOUNT_DIGITS
from mock_bank.services.ca import CertificateRejected, verify_signature
from mock_bank.services.certificate_status import Certificates
from mock_bank.settings import RuleSettings
from mock_bank.store import Store

TRANSFER_ID_LIMIT = 64


def canonical_json(payload: Mapping[str, object]) -> str:
    """One spelling per content, so the signer and any verifier hash the same bytes."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Transfer:
    id: str
    to_name: str
    to_bank: str
    to_digits: str
    amount: int
    content: str
    signed_at: str | None
    serial: str | None

    @classmethod
    def of(cls, row: TransferRow) -> Transfer:
        return cls(row["id"], row["to_name"], row["to_bank"], row["to_digits"], row["amount"], row["content"],
                   row["signed_at"], row["serial"])


class Transfers:
    def __init__(self, store: Store, clock: Clock, rules: RuleSettings, certificates: Certificates) -> None:
        self._store = store
        self._clock = clock
        self._rules = rules
        self._certificates = certificates

    def create(self, customer_id: str, to_bank: str, to_digits: str, amount: int) -> Transfer:
        if to_bank not in ACCOUNT_DIGITS:
            raise InputRejected("bank")
        if amount < 1:
            raise InputRejected("amount")
        if amount > self._rules.transfer_max_krw:
            raise BankError(Reason.TRANSFER_LIMIT, "amount")
        if len(to_digits) != ACCOUNT_DIGITS[to_bank]:
            raise BankError(Reason.ACCOUNT_WRONG_LENGTH, "account_number")
        account = self._store.account(to_bank, to_digits)
        recipient = self._store.customer(account["customer_id"]) if account else None
        if account is None or account["status"] != "open" or recipient is None:
            raise BankError(Reason.TRANSFER_ACCOUNT_UNKNOWN, "account_number")
        now = self._clock.now()
        transfer_id = secrets.token_urlsafe(12)
        content = canonical_json({
            "type": "transfer", "transfer_id": transfer_id, "from_customer": customer_id, "to_bank": to_bank,
            "to_account": to_digits, "to_name": recipient["name"], "amount_krw": amount,
            "requested_at": now.isoformat()})
        self._store.add_transfer(NewTransfer(
            id=transfer_id, customer_id=customer_id, to_bank=to_bank, to_digits=to_digits,
            to_name=recipient["name"], amount=amount, content=content, created_at=now.isoformat()))
        return self.find(transfer_id, customer_id)

    def find(self, transfer_id: str, customer_id: str) -> Transfer:
        """The customer's own transfer; anyone else's is as unknown as one that never existed."""
        row = self._store.transfer(transfer_id) if len(transfer_id) <= TRANSFER_ID_LIMIT else None
        if row is None or row["customer_id"] != customer_id:
            raise BankError(Reason.TRANSFER_UNKNOWN)
        return Transfer.of(row)

    def check_pin(self, transfer_id: str, customer_id: str, serial: str, pin: str) -> str:
        """The content to sign, once `pin` is the PIN of the customer's usable certificate `serial`."""
        self._open(transfer_id, customer_id)
        self._certificates.check_pin(serial, pin, customer_id)
        self._store.mark_pin_checked(transfer_id, serial)
        return self.find(transfer_id, customer_id).content

    def sign(self, transfer_id: str, customer_id: str, serial: str, signature: bytes) -> Transfer:
        row = self._open(transfer_id, customer_id)
        if row["pin_serial"] != serial:
            raise BankError(Reason.STEP_OUT_OF_ORDER)
        certificate = self._certificates.usable(serial, customer_id)
        try:
            verify_signature(certificate, row["content"].encode(), signature)
        except CertificateRejected as error:
            raise BankError(Reason.SIGNATURE_BAD) from error
        signed_at = self._clock.now()
        # Kept as WebCrypto produced it (base64 of r||s), so a verifier reads back exactly what was sent.
        if not self._store.sign_transfer(transfer_id, serial, base64.b64encode(signature).decode(), signed_at):
            raise BankError(Reason.TRANSFER_DONE)
        return self.find(transfer_id, customer_id)

    def signed(self, customer_id: str) -> list[SignedTransferRow]:
        return self._store.signed_transfers(customer_id)

    def _open(self, transfer_id: str, customer_id: str) -> TransferRow:
        self.find(transfer_id, customer_id)
        row = self._store.transfer(transfer_id)
        if row is None:
            raise BankError(Reason.TRANSFER_UNKNOWN)
        if row["signed_at"] is not None:
            raise BankError(Reason.TRANSFER_DONE)
        return row
