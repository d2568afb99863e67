"""계좌 인증: each refusal of an account names its own cause, and a refusal deposits nothing."""

from __future__ import annotations

import pytest

from conftest import Journey, Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason
from mock_bank.services.banks import ACCOUNT_DIGITS


def refusal_of_deposit(journey: Journey, account_bank: str, account: str) -> Reason:
    with pytest.raises(BankError) as refused:
        journey.send_deposit(account_bank, account)
    return refused.value.reason


@pytest.fixture
def verified(journey: Journey) -> Journey:
    return journey.verify_phone()


def test_own_open_account_receives_the_deposit(verified: Journey, bank: Bank, kim: Person) -> None:
    verified.send_deposit()
    assert len(bank.store.deposits(kim.account_bank, kim.account)) == 1
    assert verified.reload().data["account_tail"] == kim.account[-4:]


@pytest.mark.parametrize("delta", [-1, 1])
def test_a_number_of_the_wrong_length_for_the_bank(verified: Journey, kim: Person, delta: int) -> None:
    digits = ACCOUNT_DIGITS[kim.account_bank] + delta
    assert refusal_of_deposit(verified, kim.account_bank, "1" * digits) is Reason.ACCOUNT_WRONG_LENGTH


def test_a_right_number_at_another_bank_has_the_wrong_length(verified: Journey, kim: Person) -> None:
    assert ACCOUNT_DIGITS["신한"] != len(kim.account)
    assert refusal_of_deposit(verified, "신한", kim.account) is Reason.ACCOUNT_WRONG_LENGTH


def test_someone_elses_account(verified: Journey, bank: Bank, lee: Person) -> None:
    assert refusal_of_deposit(verified, lee.account_bank, lee.account) is Reason.ACCOUNT_NOT_OWNED
    assert bank.store.deposits(lee.account_bank, lee.account) == []


def test_an_account_nobody_holds(verified: Journey) -> None:
    assert refusal_of_deposit(verified, "KB국민", "99999999999999") is Reason.ACCOUNT_NOT_OWNED


def test_own_closed_account(verified: Journey, bank: Bank) -> None:
    assert refusal_of_deposit(verified, "신한", "110123456789") is Reason.ACCOUNT_CLOSED
    assert bank.store.deposits("신한", "110123456789") == []


def test_someone_elses_closed_account_is_only_not_owned(verified: Journey, lee: Person) -> None:
    # Saying 'closed' would tell a stranger something about another person's account.
    assert refusal_of_deposit(verified, "우리", "1002123456789") is Reason.ACCOUNT_NOT_OWNED


def test_a_bank_without_deposit_check(verified: Journey, kim: Person) -> None:
    assert refusal_of_deposit(verified, "없는은행", kim.account) is Reason.UNSUPPORTED_BANK


def test_refused_deposit_leaves_the_session_as_it_was(verified: Journey, lee: Person) -> None:
    before = verified.reload()
    refusal_of_deposit(verified, lee.account_bank, lee.account)
    after = verified.reload()
    assert (after.stage, after.customer_id, after.data) == (before.stage, before.customer_id, before.data)


def test_a_new_deposit_replaces_the_earlier_code(verified: Journey, bank: Bank, kim: Person) -> None:
    verified.send_deposit()
    first = verified.deposit_code()
    verified.send_deposit()
    second = verified.deposit_code()
    if first != second:  # one chance in ten thousand that they are equal
        with pytest.raises(BankError) as refused:
            verified.enter_deposit(first)
        assert refused.value.reason is Reason.DEPOSIT_CODE_WRONG
    verified.enter_deposit(second)
