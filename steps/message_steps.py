"""What the app tells the customer: refusals in the alert region, progress in the status region."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then

from pages.components.messages import Messages
from pages.components.remedies import Remedies


@then(parsers.parse('"{message}" 안내가 보인다'))
def alert_shown(messages: Messages, message: str) -> None:
    expect(messages.alert).to_have_text(message)


@then(parsers.parse('"{message}" 진행 안내가 보인다'))
def status_shown(messages: Messages, message: str) -> None:
    expect(messages.status).to_have_text(message)


@then(parsers.parse('"{name}" 버튼이 보인다'))
def way_out_offered(remedies: Remedies, name: str) -> None:
    """The way out the app offers beside a refusal (재발급, 기기 등록, 앱 업데이트)."""
    expect(remedies.button(name)).to_be_visible()
