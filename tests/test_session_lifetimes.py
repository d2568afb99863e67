"""Sessions with a lifetime on the bank's clock: an issuance within 30 minutes of its start, a login that ends
after 10 minutes without a request. Each boundary is half-open, like every other limit of the bank."""

from __future__ import annotations

from datetime import timedelta

import pytest
from certificate_holders import CertificateHolder, issue_to, sign_in

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.errors import LoginExpired, Reason, SessionExpired, StepOutOfOrder
from mock_bank.messages import explain
from mock_bank.services.sessions import Stage
from mock_bank.settings import RuleSettings

SECOND = timedelta(seconds=1)


def test_an_issuance_session_lives_30_minutes_from_its_start(bank: Bank, journey: Journey) -> None:
    lifetime = bank.rules.issuance_session_lifetime
    assert lifetime == timedelta(minutes=30)
    journey.verify_phone()
    bank.clock.advance(lifetime - SECOND)
    journey.at(Stage.PHONE_VERIFIED)  # a second before the end: still the session
    bank.clock.advance(SECOND)
    with pytest.raises(SessionExpired) as expired:
        journey.at(Stage.PHONE_VERIFIED)
    assert expired.value.reason is Reason.SESSION_EXPIRED
    assert "30분" in explain(expired.value.reason, None, expired.value.params, rules=RuleSettings())


def test_work_done_does_not_lengthen_the_issuance_session(bank: Bank, journey: Journey) -> None:
    journey.agree()
    bank.clock.advance(timedelta(minutes=20))
    journey.request_sms().enter_sms()  # the phone is proven and the session renamed: its start stays
    bank.clock.advance(timedelta(minutes=10))
    with pytest.raises(SessionExpired):
        journey.at(Stage.PHONE_VERIFIED)


def test_a_step_out_of_order_in_an_old_session_is_still_out_of_order(bank: Bank, journey: Journey) -> None:
    bank.clock.advance(timedelta(hours=2))
    issued = journey.at  # an expired session is refused as expired, whatever step it asks for
    with pytest.raises(SessionExpired):
        issued(Stage.PATTERN_SET)
    with pytest.raises(StepOutOfOrder):
        bank.sessions.require("no-such-session", Stage.STARTED)


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


def test_a_login_ends_after_10_idle_minutes(bank: Bank, holder: CertificateHolder) -> None:
    idle = bank.rules.login_idle_timeout
    assert idle == timedelta(minutes=10)
    token = sign_in(bank, holder)
    bank.clock.advance(idle - SECOND)
    assert bank.login.holder(token) is not None
    bank.clock.advance(idle - SECOND)  # 20 minutes after sign-in, but only 10 less a second since the last request
    assert bank.login.holder(token) is not None
    bank.clock.advance(idle)
    with pytest.raises(LoginExpired) as expired:
        bank.login.holder(token)
    assert "10분" in explain(expired.value.reason, None, expired.value.params, rules=RuleSettings())
    assert bank.login.holder(token) is None  # the login is over, not merely paused
