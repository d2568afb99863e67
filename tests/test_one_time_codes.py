"""SMS and 1원 deposit codes at the edges of their rules: format, validity, wrong tries, single use."""

from __future__ import annotations

from datetime import timedelta

import pytest

from conftest import Journey
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason


def refusal(action: object) -> Reason:
    assert callable(action)
    with pytest.raises(BankError) as refused:
        action()
    return refused.value.reason


def wrong(code: str) -> str:
    return "".join(str((int(digit) + 1) % 10) for digit in code)


@pytest.fixture
def sms(journey: Journey) -> Journey:
    return journey.agree().request_sms()


@pytest.fixture
def deposit(journey: Journey) -> Journey:
    return journey.verify_phone().send_deposit()


class TestSmsCode:
    def test_is_six_ascii_digits(self, sms: Journey, bank: Bank) -> None:
        code = sms.sms_code()
        assert len(code) == bank.rules.sms_code_digits == 6
        assert code.isascii() and code.isdigit()

    @pytest.mark.parametrize("seconds", [0, 1, 179, 179.999])
    def test_is_accepted_before_three_minutes(self, sms: Journey, bank: Bank, seconds: float) -> None:
        bank.clock.advance(timedelta(seconds=seconds))
        sms.enter_sms()
        assert sms.reload().stage.value == "phone_verified"

    @pytest.mark.parametrize("seconds", [180, 181, 1500])  # within the 30-minute session
    def test_is_expired_from_three_minutes_on(self, sms: Journey, bank: Bank, seconds: int) -> None:
        assert bank.rules.sms_code_validity == timedelta(seconds=180)
        bank.clock.advance(timedelta(seconds=seconds))
        assert refusal(sms.enter_sms) is Reason.SMS_CODE_EXPIRED

    def test_is_good_once(self, sms: Journey) -> None:
        code = sms.sms_code()
        sms.enter_sms(code)
        assert refusal(lambda: sms.enter_sms(code)) is Reason.SMS_NOT_REQUESTED

    def test_fourth_wrong_entry_is_still_only_wrong_and_the_right_code_then_passes(self, sms: Journey) -> None:
        bad = wrong(sms.sms_code())
        assert [refusal(lambda: sms.enter_sms(bad)) for _ in range(4)] == [Reason.SMS_CODE_WRONG] * 4
        sms.enter_sms()
        assert sms.reload().stage.value == "phone_verified"

    def test_fifth_wrong_entry_voids_the_code(self, sms: Journey, bank: Bank) -> None:
        bad = wrong(sms.sms_code())
        tries = [refusal(lambda: sms.enter_sms(bad)) for _ in range(bank.rules.sms_code_max_wrong)]
        assert tries == [Reason.SMS_CODE_WRONG] * 4 + [Reason.SMS_CODE_VOID]
        assert refusal(sms.enter_sms) is Reason.SMS_CODE_VOID

    def test_a_new_code_replaces_the_old_one(self, sms: Journey, bank: Bank) -> None:
        old = sms.sms_code()
        bank.clock.advance(bank.rules.sms_request_cooldown)
        sms.request_sms()
        if sms.sms_code() != old:  # one chance in a million that the new code is the same
            assert refusal(lambda: sms.enter_sms(old)) is Reason.SMS_CODE_WRONG
        sms.enter_sms()

    def test_not_requested_before_any_request(self, journey: Journey) -> None:
        journey.agree()
        assert refusal(lambda: journey.enter_sms("123456")) is Reason.SMS_NOT_REQUESTED

    def test_time_left_counts_down_by_the_bank_clock(self, sms: Journey, bank: Bank) -> None:
        session = sms.reload()
        assert bank.phone_check.seconds_left(session) == 180
        bank.clock.advance(timedelta(seconds=59.5))
        assert bank.phone_check.seconds_left(session) == 121  # rounded up: never 0:00 while still good
        bank.clock.advance(timedelta(minutes=5))
        assert bank.phone_check.seconds_left(session) == 0

    def test_a_non_ascii_entry_is_wrong_not_a_crash(self, sms: Journey) -> None:
        assert refusal(lambda: sms.enter_sms("١٢٣٤٥٦")) is Reason.SMS_CODE_WRONG


class TestDepositCode:
    def test_is_four_digits_in_the_depositor_name_of_one_won(self, deposit: Journey, bank: Bank) -> None:
        [received] = bank.store.deposits(deposit.person.account_bank, deposit.person.account)
        assert received["amount"] == bank.rules.deposit_amount_krw == 1
        assert str(received["depositor"]).startswith("KB")
        assert len(deposit.deposit_code()) == bank.rules.deposit_code_digits == 4

    def test_is_accepted_just_before_ten_minutes(self, deposit: Journey, bank: Bank) -> None:
        bank.clock.advance(timedelta(minutes=10) - timedelta(microseconds=1))
        deposit.enter_deposit()
        assert deposit.reload().stage.value == "account_verified"

    @pytest.mark.parametrize("seconds", [600, 601])
    def test_is_expired_from_ten_minutes_on(self, deposit: Journey, bank: Bank, seconds: int) -> None:
        bank.clock.advance(timedelta(seconds=seconds))
        assert refusal(deposit.enter_deposit) is Reason.DEPOSIT_CODE_EXPIRED

    def test_second_wrong_entry_is_wrong_third_voids(self, deposit: Journey) -> None:
        bad = wrong(deposit.deposit_code())
        tries = [refusal(lambda: deposit.enter_deposit(bad)) for _ in range(3)]
        assert tries == [Reason.DEPOSIT_CODE_WRONG, Reason.DEPOSIT_CODE_WRONG, Reason.DEPOSIT_CODE_VOID]
        assert refusal(deposit.enter_deposit) is Reason.DEPOSIT_CODE_VOID

    def test_right_code_after_two_wrong_entries_passes(self, deposit: Journey) -> None:
        bad = wrong(deposit.deposit_code())
        for _ in range(2):
            refusal(lambda: deposit.enter_deposit(bad))
        deposit.enter_deposit()
        assert deposit.reload().stage.value == "account_verified"

    def test_is_good_once(self, deposit: Journey) -> None:
        code = deposit.deposit_code()
        deposit.enter_deposit(code)
        assert refusal(lambda: deposit.enter_deposit(code)) is Reason.DEPOSIT_NOT_REQUESTED
