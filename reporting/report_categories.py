"""Failure categories for the report, in Allure's categories.json form: the environment, the app, or the harness."""

from __future__ import annotations

# `id` is for Allure 3 (allurerc.mjs places its own guide-cause category before "product"); Allure 2 ignores it.
# Allure 2 matches a regex against the whole message, Allure 3 searches in it: `[\s\S]*` on both ends (and no
# inline flags, which JavaScript lacks) reads the same in both. The first matching category wins.
_ANYWHERE = r"[\s\S]*({})[\s\S]*"

ENVIRONMENT_SIGNS = (
    r"BrowserType\.launch",
    r"Executable doesn't exist",
    r"Target page, context or browser has been closed",
    r"Browser has been closed",
    r"net::ERR_",
    r"ConnectError",
    r"Connection refused",
    r"ECONNREFUSED",
    r"the mock bank (exited|did not answer)",
    r"SettingsError",
    r"Chromium not found",
)

ENVIRONMENT = "환경 문제 (브라우저·연결·설정)"
TIMEOUT = "앱이 응답하지 않음 (Playwright 시간 초과)"
PRODUCT = "제품 결함 (기대와 다른 앱 동작)"
HARNESS = "하네스 오류 (스텝·픽스처의 예외)"

CATEGORIES: list[dict[str, object]] = [
    {
        "id": "environment",
        "name": ENVIRONMENT,
        "description": "Chromium을 띄우지 못했거나 모의 은행에 닿지 못했다: 앱이나 테스트 코드보다 실행 환경을 본다.",
        "matchedStatuses": ["broken", "failed"],
        "messageRegex": _ANYWHERE.format("|".join(ENVIRONMENT_SIGNS)),
    },
    {
        # A page object waited for an element that never came: the screen changed, or the app hung.
        "id": "timeout",
        "name": TIMEOUT,
        "description": "페이지 객체가 기다린 요소가 끝내 나타나지 않았다: 화면이 바뀌었거나 앱이 멈췄다.",
        "matchedStatuses": ["broken"],
        "messageRegex": _ANYWHERE.format(r"TimeoutError|Timeout \d+ms exceeded"),
    },
    {
        # Then steps assert with `expect`/`assert`: a failed status is the app not doing what the guide says.
        "id": "product",
        "name": PRODUCT,
        "description": "Then 스텝의 확인이 실패했다: 앱이 안내서와 다르게 동작한다.",
        "matchedStatuses": ["failed"],
    },
    {
        "id": "harness",
        "name": HARNESS,
        "description": "스텝이나 픽스처에서 예외가 났다: 테스트 코드를 먼저 본다.",
        "matchedStatuses": ["broken"],
    },
]
