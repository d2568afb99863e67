"""Banks that can receive the 1원 deposit, and the digit count of their account numbers."""

from __future__ import annotations

ACCOUNT_DIGITS: dict[str, int] = {
    "KB국민": 14,
    "신한": 12,
    "우리": 13,
    "하나": 14,
    "NH농협": 13,
    "IBK기업": 14,
    "카카오뱅크": 13,
    "토스뱅크": 12,
    "케이뱅크": 12,
    "SC제일": 11,
}
