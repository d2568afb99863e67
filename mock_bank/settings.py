"""Every rule with a number in it, and how the server is started, read once into frozen objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class RuleSettings:
    """The numbers behind the bank's rules; tests read them here instead of guessing.

    Time limits are half-open: a code 'valid 3 minutes' is accepted while less than 3 minutes have passed,
    and refused at the instant the 3 minutes are up. Windows and cool-downs count the same way.
    Formats that are facts about Korea rather than bank policy (7 RRN digits, 010 mobile numbers, each
    bank's account number length) live in services/inputs.py and services/banks.py.
    """

    # 휴대폰 인증 (STEP-3, FAIL-4): the SMS code.
    sms_code_digits: int = 6
    sms_code_validity: timedelta = timedelta(minutes=3)
    sms_code_max_wrong: int = 5  # the 5th wrong entry voids the code; the 4th is still only 'wrong'
    # Requests per phone number, across sessions, so starting issuance again does not lift the limit.
    sms_request_cooldown: timedelta = timedelta(seconds=30)  # between two requests for the same phone
    sms_requests_per_window: int = 5  # the 6th request inside one window is refused
    sms_request_window: timedelta = timedelta(minutes=10)

    # 계좌 인증 (STEP-4, FAIL-3): the 1원 deposit whose depositor name carries the code, e.g. 'KB1234'.
    deposit_code_digits: int = 4
    deposit_code_validity: timedelta = timedelta(minutes=10)
    deposit_code_max_wrong: int = 3  # the 3rd wrong entry voids the code
    deposit_amount_krw: int = 1
    # Per account, across sessions: each deposit brings new guesses at a 4-digit code, so asking again is capped.
    deposit_requests_per_window: int = 5  # the 6th deposit to one account inside one window is refused
    deposit_request_window: timedelta = timedelta(minutes=10)

    # 비밀번호 및 패턴 설정 (REQ-PIN, FAIL-5).
    pin_digits: int = 6  # exactly this many ASCII digits
    pin_equal_run: int = 3  # this many equal digits in a row (e.g. 111) make a PIN too easy to guess
    pattern_min_points: int = 4  # distinct dots of the 3x3 grid, numbered 1-9

    # After issuance (USE-1..5). The CA signs with its own LEAF_YEARS (services/ca.py); a unit test
    # keeps the two equal.
    certificate_validity_years: int = 3
    login_max_wrong_pins: int = 5  # the 5th wrong PIN in a row locks the certificate; the 4th leaves 1 try
    renewal_window: timedelta = timedelta(days=30)  # renewal is offered while at most this much is left
    # A CRL's next_update after its this_update: a week, as public CAs commonly publish the CRL of their
    # customers' certificates (the CA/Browser Forum allows up to ten days). A relying party may keep a CRL that
    # long, so a revocation can take a week to reach it; the OCSP responder (services/ocsp.py) answers live.
    crl_validity: timedelta = timedelta(days=7)
    transfer_max_krw: int = 10_000_000  # one transfer, signed with the certificate
    # The app the bank serves now, and the oldest one it still lets log in and sign (USE-3, CHECK-3);
    # both can be moved through test control.
    app_latest_version: str = "7.2.0"
    app_minimum_version: str = "7.0.0"

    # Sessions (보안): an issuance is finished within this long of its start, or begun again; a login ends after
    # this long without a request (each request starts the wait again). Both on the bank's clock.
    issuance_session_lifetime: timedelta = timedelta(minutes=30)
    login_idle_timeout: timedelta = timedelta(minutes=10)

    # Input limits: anything longer is refused before it is looked at.
    max_field_length: int = 100
    max_upload_bytes: int = 8 * 1024 * 1024


@dataclass(frozen=True)
class ServerSettings:
    """How one mock bank process is served."""

    host: str = "127.0.0.1"
    port: int = 8765
    database: Path = Path("mock_bank.sqlite3")
    test_control: bool = False
    rules: RuleSettings = RuleSettings()
    # Where relying parties reach the bank: its certificates point there for the CRL, the CA certificate and
    # OCSP, so it must be an address they can fetch. Empty means where it serves, http://host:port; a bank
    # behind a proxy or listening on 0.0.0.0 names its outside address instead.
    public_url: str = ""

    def __post_init__(self) -> None:
        url = (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"the public URL must be http(s)://host[:port][/path], not {self.public_url!r}")
        object.__setattr__(self, "public_url", url)
    # The bank's clock opens at 10:00 KST on this day (mock_bank/clock.py says why); None runs on real time.
    today: date | None = None
