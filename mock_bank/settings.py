"""Every rule with a number in it, and how the server is started, read once into frozen objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path


@dataclass(frozen=True)
class RuleSettings:
    """The numbers behind the bank's rules; tests read them here instead of guessing."""

    sms_code_digits: int = 6
    sms_code_validity: timedelta = timedelta(minutes=3)
    sms_code_max_wrong: int = 5
    sms_request_cooldown: timedelta = timedelta(seconds=30)
    sms_requests_per_window: int = 5
    sms_request_window: timedelta = timedelta(minutes=10)
    deposit_code_digits: int = 4
    deposit_code_validity: timedelta = timedelta(minutes=10)
    deposit_code_max_wrong: int = 3
    deposit_amount_krw: int = 1
    pin_digits: int = 6
    pattern_min_points: int = 4
    certificate_validity_years: int = 3
    login_max_wrong_pins: int = 5
    renewal_window: timedelta = timedelta(days=30)
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
