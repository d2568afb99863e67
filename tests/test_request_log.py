"""The bank's request log names no full phone, account or RRN, though test control's paths carry them."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from mock_bank.web.request_log import masked_path


@pytest.mark.parametrize(("path", "written"), [
    ("/_test/phones/010-1234-5678/sms", "/_test/phones/**********678/sms"),
    ("/_test/accounts/KB국민/123456789012/deposits", "/_test/accounts/KB국민/*********012/deposits"),
    ("/_test/accounts/신한/110-123-456789/status", "/_test/accounts/신한/***********789/status"),
    ("/issue/phone/code", "/issue/phone/code"),
    ("/_test/customers/3f2a/certificates", "/_test/customers/3f2a/certificates"),
])
def test_long_numbers_in_paths_keep_only_their_last_digits(path: str, written: str) -> None:
    assert masked_path(path) == written


def test_the_log_line_of_a_test_control_call_is_masked(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mock_bank.requests"):
        client.get("/_test/phones/010-2345-6789/sms")
    assert "010-2345-6789" not in caplog.text
    assert "**********789" in caplog.text
