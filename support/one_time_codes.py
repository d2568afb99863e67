"""Reading codes the way the customer does: from the SMS text and from the 1원 deposit's depositor name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

SMS_CODE = re.compile(r"인증번호 \[(\d{6})\]")
DEPOSITOR_CODE = re.compile(r"(\d{4})$")


class CodeNotReceived(AssertionError):
    """The customer looked and found no code: the scenario fails here, with what was there."""


def latest_sms_code(messages: Sequence[str]) -> str:
    for body in reversed(messages):
        match = SMS_CODE.search(body)
        if match:
            return match.group(1)
    raise CodeNotReceived(f"no SMS with a code among {len(messages)} message(s)")


def latest_deposit_code(deposits: Sequence[dict[str, Any]]) -> str:
    for deposit in reversed(deposits):
        match = DEPOSITOR_CODE.search(str(deposit["depositor"]))
        if deposit["amount"] == 1 and match:
            return match.group(1)
    raise CodeNotReceived(f"no 1원 deposit with a code among {len(deposits)} deposit(s)")
