"""Typed errors of the mock bank.

BankError(reason)          a customer-facing refusal; the reason picks the Korean message in messages.py
├── InputRejected          a form or request field that is missing, too long or malformed
├── StepOutOfOrder         a screen or request reached before the steps that must come first
│   └── SessionExpired     ... or after the issuance session's lifetime: issuance starts again
├── ScreenUnavailable      a screen broken on purpose through test control (FIX-3), until the app restarts
├── LoginRequired          an after-login request (이체, 전자서명) without a signed-in customer
├── LoginExpired           ... with a login left unused longer than the idle timeout
└── NotOnThisDevice        a certificate's page or request from a device other than the one holding it

A refusal may carry `params`, numbers its words need (the PIN attempts left), filled in by messages.py.

StoreConflict              not a refusal: a write the store's constraints refuse (test control answers 409)
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Reason(StrEnum):
    TERMS_REQUIRED = "terms_required"
    PHONE_MISMATCH = "phone_mismatch"
    SMS_NOT_REQUESTED = "sms_not_requested"
    SMS_CODE_WRONG = "sms_code_wrong"
    SMS_CODE_EXPIRED = "sms_code_expired"
    SMS_CODE_VOID = "sms_code_void"
    SMS_RATE_LIMITED = "sms_rate_limited"
    SMS_COOLDOWN = "sms_cooldown"
    UNSUPPORTED_BANK = "unsupported_bank"
    ACCOUNT_WRONG_LENGTH = "account_wrong_length"
    ACCOUNT_NOT_OWNED = "account_not_owned"
    ACCOUNT_CLOSED = "account_closed"
    DEPOSIT_NOT_REQUESTED = "deposit_not_requested"
    DEPOSIT_CODE_WRONG = "deposit_code_wrong"
    DEPOSIT_CODE_EXPIRED = "deposit_code_expired"
    DEPOSIT_CODE_VOID = "deposit_code_void"
    DEPOSIT_RATE_LIMITED = "deposit_rate_limited"
    ID_UNREADABLE = "id_unreadable"
    ID_MISMATCH = "id_mismatch"
    ID_OUTDATED = "id_outdated"
    PIN_FORMAT = "pin_format"
    PIN_ALL_SAME = "pin_all_same"
    PIN_STRAIGHT = "pin_straight"
    PIN_EQUAL_RUN = "pin_equal_run"
    PIN_BIRTH_DATE = "pin_birth_date"
    PIN_MISMATCH = "pin_mismatch"
    PATTERN_TOO_SHORT = "pattern_too_short"
    PATTERN_MISMATCH = "pattern_mismatch"
    KEY_REJECTED = "key_rejected"
    CERTIFICATE_UNKNOWN = "certificate_unknown"
    CERTIFICATE_INVALID = "certificate_invalid"
    LOGIN_SIGNATURE_BAD = "login_signature_bad"
    CHALLENGE_UNKNOWN = "challenge_unknown"
    STEP_OUT_OF_ORDER = "step_out_of_order"
    INVALID_INPUT = "invalid_input"
    APP_UNAVAILABLE = "app_unavailable"
    PHOTO_TOO_LARGE = "photo_too_large"
    CROSS_SITE_REQUEST = "cross_site_request"
    # HTTP's own refusals, answered in the bank's shape (web/http_errors.py).
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    REQUEST_REFUSED = "request_refused"
    # After issuance: using, renewing and replacing the certificate (USE-1..5).
    PIN_WRONG = "pin_wrong"
    PIN_SAME_AS_OLD = "pin_same_as_old"
    CERTIFICATE_LOCKED = "certificate_locked"
    CERTIFICATE_EXPIRED = "certificate_expired"
    CERTIFICATE_REPLACED = "certificate_replaced"
    CERTIFICATE_MOVED = "certificate_moved"
    CERTIFICATE_NOT_PORTABLE = "certificate_not_portable"
    CERTIFICATE_NOT_ON_DEVICE = "certificate_not_on_device"
    ID_CARD_CHANGED = "id_card_changed"
    RENEWAL_TOO_EARLY = "renewal_too_early"
    APP_OUTDATED = "app_outdated"
    LOGIN_REQUIRED = "login_required"
    LOGIN_EXPIRED = "login_expired"
    SESSION_EXPIRED = "session_expired"
    TRANSFER_ACCOUNT_UNKNOWN = "transfer_account_unknown"
    TRANSFER_LIMIT = "transfer_limit"
    TRANSFER_DONE = "transfer_done"
    TRANSFER_UNKNOWN = "transfer_unknown"
    SIGNATURE_BAD = "signature_bad"


class BankError(Exception):
    """A refusal the customer sees; `field` names the input it concerns, when there is one."""

    status_code = 400

    def __init__(self, reason: Reason, field: str | None = None, params: Mapping[str, int] | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.field = field
        self.params = dict(params or {})


class InputRejected(BankError):
    status_code = 422

    def __init__(self, field: str) -> None:
        super().__init__(Reason.INVALID_INPUT, field)


class StepOutOfOrder(BankError):
    status_code = 409

    def __init__(self) -> None:
        super().__init__(Reason.STEP_OUT_OF_ORDER)


class SessionExpired(StepOutOfOrder):
    def __init__(self, minutes: int) -> None:
        BankError.__init__(self, Reason.SESSION_EXPIRED, params={"minutes": minutes})


class ScreenUnavailable(BankError):
    status_code = 503

    def __init__(self) -> None:
        super().__init__(Reason.APP_UNAVAILABLE)


class LoginRequired(BankError):
    status_code = 401

    def __init__(self) -> None:
        super().__init__(Reason.LOGIN_REQUIRED)


class LoginExpired(BankError):
    status_code = 401

    def __init__(self, minutes: int) -> None:
        super().__init__(Reason.LOGIN_EXPIRED, params={"minutes": minutes})


class NotOnThisDevice(BankError):
    status_code = 403

    def __init__(self) -> None:
        super().__init__(Reason.CERTIFICATE_NOT_ON_DEVICE)


class StoreConflict(Exception):
    """A write the store's constraints refuse: a record that exists already (a second customer with the same
    RRN, an account opened twice) or one that names a record that does not exist. The store raises it in place
    of its engine's own error, so nothing above the store knows the engine."""
