"""The app's version (USE-3, CHECK-3): releases arranged at the bank, updates done on the device."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.certificate_centre import CertificateCentre
from pages.components.remedies import Remedies
from pages.start_screen import StartScreen
from support.control_client import ControlClient


@given(parsers.parse('은행이 내놓은 최신 앱은 "{version}" 버전이다'))
def latest_app(bank: ControlClient, version: str) -> None:
    bank.publish_app_version(version, version)


@given(parsers.parse('은행이 앱 "{version}" 버전을 내놓고 그보다 낮은 버전의 거래를 막았다'))
@when(parsers.parse('은행이 앱 "{version}" 버전을 내놓고 그보다 낮은 버전의 거래를 막는다'))
def older_apps_refused(bank: ControlClient, version: str) -> None:
    bank.publish_app_version(version, version)


@when(parsers.parse('은행이 앱 "{version}" 버전을 내놓는다'))
def new_app_released(bank: ControlClient, version: str) -> None:
    bank.publish_app_version(version, bank.app_version()["minimum"])


@when("고객이 안내에 따라 앱을 업데이트한다")
def update_as_advised(remedies: Remedies) -> None:
    remedies.update_app()


@when("고객이 인증센터에서 앱 정보를 본다")
def look_at_app_info(start_screen: StartScreen) -> None:
    start_screen.launch()
    start_screen.open_certificate_centre()


@when("고객이 앱 정보에서 앱을 업데이트한다")
def update_from_app_info(certificate_centre: CertificateCentre) -> None:
    certificate_centre.app_info.update()


@then(parsers.parse('앱 정보의 "{label}" 항목에 "{version}" 값이 보인다'))
def app_info_shows(certificate_centre: CertificateCentre, label: str, version: str) -> None:
    expect(certificate_centre.app_info.field(label)).to_have_text(version)


@then(parsers.parse('앱 정보에 "{message}" 안내가 보인다'))
def app_info_says(certificate_centre: CertificateCentre, message: str) -> None:
    expect(certificate_centre.app_info.state).to_have_text(message)
