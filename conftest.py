"""Root conftest: loads the harness plugins and points pytest-playwright at Debian's Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, Playwright

from support.settings import CHROMIUM_ARGS, PHONE_REGION, HarnessSettings

if TYPE_CHECKING:  # imported here, fixtures.camera would load before pytest could rewrite its asserts
    from fixtures.camera import CameraFeed

pytest_plugins = [
    "fixtures.options",
    "fixtures.remote_browser",
    "fixtures.mock_bank_server",
    "fixtures.customers",
    "fixtures.screens",
    "fixtures.certificates",
    "fixtures.camera",
    "fixtures.browser_evidence",
    "fixtures.reporting",
    "fixtures.screen_checks",
    "fixtures.step_parameters",
    "fixtures.report_labels",
    "fixtures.report_environment",
    "steps.customer_steps",
    "steps.app_steps",
    "steps.terms_steps",
    "steps.phone_steps",
    "steps.account_steps",
    "steps.id_card_steps",
    "steps.credential_steps",
    "steps.certificate_steps",
    "steps.login_steps",
    "steps.message_steps",
    "steps.mistake_steps",
    "steps.clock_steps",
    "steps.phone_settings_steps",
    "steps.flow_order_steps",
    "steps.bad_input_steps",
    "steps.app_fault_steps",
    "fixtures.devices",
    "fixtures.other_site",
    "steps.signing_steps",
    "steps.management_steps",
    "steps.reissue_steps",
    "steps.certificate_life_steps",
    "steps.app_version_steps",
    "steps.device_steps",
    "steps.security_steps",
    "steps.tampered_app_steps",
]

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any], harness_settings: HarnessSettings,
                             camera_feed: CameraFeed) -> dict[str, Any]:
    """Debian's Chromium, quiet, with this worker's fake camera (fixtures/camera.py)."""
    return {**browser_type_launch_args, "executable_path": str(harness_settings.chromium),
            "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS, *camera_feed.chromium_args]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], playwright: Playwright,
                         harness_settings: HarnessSettings, mock_bank_url: str) -> dict[str, Any]:
    """A Korean customer's phone: a mobile device profile, ko-KR, Seoul time, the mock bank as base URL."""
    return {**playwright.devices[harness_settings.device], **browser_context_args,
            **PHONE_REGION, "base_url": mock_bank_url}


@pytest.fixture
def page(page: Page, harness_settings: HarnessSettings, camera_feed: CameraFeed) -> Page:
    harness_settings.apply_step_timeout(page)
    if camera_feed.streamed:
        camera_feed.stream_into(page)
    return page
