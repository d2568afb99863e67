"""A tampered app on the customer's own phone: the bank checks what the app sends, not only what an honest app would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_bdd import when

from identities.registered_customer import RegisteredCustomer
from pages.app_requests import DEVICE_COOKIE, ISSUANCE_COOKIE, AppRequests
from steps.issued_certificates import latest_certificate
from support.control_client import ControlClient
from support.forged_app import ForgedApp
from support.request_burst import Reply, current_app


@pytest.fixture
def forged_app(mock_bank_url: str, bank: ControlClient, app_requests: AppRequests) -> Iterator[ForgedApp]:
    """The customer's cookies (issuance session, device token) and app version, with a key of the forger's."""
    cookies = {name: value for name, value in ((ISSUANCE_COOKIE, app_requests.issuance_session()),
                                               (DEVICE_COOKIE, app_requests.device_token())) if value}
    app = ForgedApp(mock_bank_url, cookies, current_app(bank.app_version()["latest"]))
    yield app
    app.close()


@when("고객 휴대폰의 변조된 앱이 맞는 비밀번호로 받은 로그인 요청에 인증서가 아닌 제 키로 서명해 보낸다",
      target_fixture="replies")
def sign_in_with_its_own_key(forged_app: ForgedApp, bank: ControlClient, customer: RegisteredCustomer) -> list[Reply]:
    return [forged_app.sign_in_with_its_own_key(latest_certificate(bank, customer).serial, customer.secrets.pin)]


@when("고객 휴대폰의 변조된 앱이 패턴을 정하고, 보낸 공개키가 아닌 다른 키로 서명한 발급 요청을 보낸다",
      target_fixture="replies")
def ask_with_another_key(forged_app: ForgedApp, customer: RegisteredCustomer) -> list[Reply]:
    return [forged_app.ask_for_a_certificate_signed_by_another_key(customer.secrets.pattern)]
