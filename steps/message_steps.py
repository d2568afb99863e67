"""What the app tells the customer: refusals in the alert region, progress in the status region."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then

from pages.components.messages import Messages


@then(parsers.parse('"{message}" 안내가 보인다'))
def alert_shown(messages: Messages, message: str) -> None:
    expect(messages.alert).to_have_text(message)
