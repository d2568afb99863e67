"""What the store hands the services: one typed record per kind of row, and what an issuance session keeps.

TypedDicts rather than dataclasses: a record is the row as SQLite gives it, and several are answered as they are
by test control (an SMS inbox, deposits, certificates, signed transfers), so the type names their keys and values
without a conversion at either end. Times are ISO text, as the store keeps them; services parse what they compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict


class CustomerRow(TypedDict):
    id: str
    name: str
    rrn: str
    phone: str
    carrier: str
    created_at: str


class AccountRow(TypedDict):
    bank: str
    digits: str
    customer_id: str
    status: str  # 'open' or 'closed'


class IdCardFields(TypedDict):
    """An ID card as the registry records it; a 주민등록증 has an office, a 운전면허증 a licence number and serial."""

    kind: str  # 'resident' or 'driver'
    name: str
    rrn: str
    issued_on: str
    office: str | None
    licence_number: str | None
    serial: str | None


class IdCardRow(IdCardFields):
    id: int
    customer_id: str


class SmsMessage(TypedDict):
    """A message as it reached the phone's inbox."""

    body: str
    sent_at: str
    delivered_at: str


class DepositRow(TypedDict):
    amount: int
    depositor: str
    deposited_at: str


@dataclass(frozen=True)
class Code:
    """A one-time code (SMS or 1원 deposit) and where it stands: active, used, replaced or void."""

    id: int
    code: str
    target: str
    issued_at: datetime
    expires_at: datetime
    wrong_tries: int
    state: str


class PhoneForm(TypedDict):
    """The 휴대폰 인증 form as typed, kept so that the screen shows it again after a refusal."""

    carrier: str | None
    name: str | None
    rrn_birth: str | None
    rrn_gender: str | None
    phone: str | None


class CardData(IdCardFields):
    """The ID card as read from the photo, every value as text, for the customer to confirm: the fields the registry
    records."""


class SessionData(TypedDict, total=False):
    """What the steps of an issuance session established so far; a key is absent until its step records it."""

    purpose: str  # sessions.Purpose
    marketing_agreed: bool
    phone_form: PhoneForm
    phone: str
    carrier: str
    bank: str
    account_tail: str
    account_digits: str
    card: CardData
    pin_salt: str
    pin_hash: str
    serial: str  # the certificate, once issued


class SessionRow(TypedDict):
    id: str
    stage: str
    customer_id: str | None
    data: SessionData
    created_at: str


class PublicCertificateRow(TypedDict):
    """What test control may show of a certificate: never the PIN verifier."""

    serial: str
    customer_id: str
    pem: str
    not_before: str
    not_after: str
    status: str  # certificate_status.Status
    issued_at: str
    revoked_at: str | None
    wrong_pins: int


class CertificateRow(PublicCertificateRow):
    """A certificate with what the bank keeps beside it (store_certificates.CertificateDetails)."""

    pin_salt: str | None
    pin_hash: str | None
    id_kind: str | None
    id_issued_on: str | None
    id_number: str | None
    account_bank: str | None
    account_digits: str | None
    device_hash: str | None


class RevokedRow(TypedDict):
    serial: str
    status: str
    revoked_at: str


class ChallengeRow(TypedDict):
    id: str
    session_id: str  # the issuance session, or the certificate's serial for login and renewal
    purpose: str
    nonce: str  # base64
    created_at: str
    used: int


class LoginRow(TypedDict):
    token: str
    serial: str
    customer_id: str
    signed_in_at: str
    last_seen_at: str | None


class NewTransfer(TypedDict):
    id: str
    customer_id: str
    to_bank: str
    to_digits: str
    to_name: str
    amount: int
    content: str  # canonical JSON, what the customer signs
    created_at: str


class TransferRow(NewTransfer):
    pin_serial: str | None  # the certificate whose PIN was checked for this transfer
    serial: str | None
    signature: str | None
    signed_at: str | None


class SignedTransferRow(TypedDict):
    id: str
    content: str
    signature: str
    serial: str
    signed_at: str
    pem: str
