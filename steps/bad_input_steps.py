"""Bad input typed into a field: the screen says what is wrong and the customer can still finish."""

from __future__ import annotations

from collections.abc import Callable

from pytest_bdd import parsers, when

from flows.issuance_journey import IssuanceJourney
from support.bad_inputs import bad_input


@when(parsers.parse('고객이 "{field}" 칸에 "{kind}" 입력을 넣는다'), target_fixture="correction")
def type_bad_input(journey: IssuanceJourney, field: str, kind: str) -> Callable[[], None]:
    return journey.type_into(field, bad_input(kind))


@when("고객이 바르게 고쳐 입력하고 발급을 이어 간다")
def correct_and_continue(correction: Callable[[], None]) -> None:
    correction()
