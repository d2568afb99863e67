"""The guide's failure table (FAIL-1..5): making one of its mistakes, then following its advice."""

from __future__ import annotations

from collections.abc import Callable

from pytest_bdd import parsers, when

from flows.issuance_journey import IssuanceJourney

# The advice each cause's row gives: the step checks the feature's row names the guide's own pair.
GUIDE_ADVICE = {
    "잘못된 통신사 선택": "정확한 통신사 선택 필수",
    "정보 불일치": "정확한 정보 입력",
    "계좌번호 오류": "정확한 계좌번호 입력",
    "잘못된 인증번호": "SMS 내용 확인",
    "비밀번호 불일치": "확인 입력 필수",
}


@when(parsers.parse('고객이 "{condition}" 단계에서 "{cause}" 실수를 한다'), target_fixture="correction")
def make_mistake(journey: IssuanceJourney, condition: str, cause: str) -> Callable[[], None]:
    return journey.make_mistake(cause)


@when(parsers.parse('고객이 "{advice}" 주의점대로 바로잡고 발급을 이어 간다'))
def follow_advice(correction: Callable[[], None], advice: str) -> None:
    assert advice in GUIDE_ADVICE.values(), f"{advice!r} is not advice from the guide's failure table"
    correction()
