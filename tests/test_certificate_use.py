"""After issuance: the PIN counted by the bank, the lock at the 5th wrong PIN, expiry, ID card change, PIN change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from certificate_holders import GOOD_PIN, OTHER_PIN, CertificateHolder, issue_to, sign_in

from conftest import Person
from mock_bank.bank import Bank
from mock_bank.errors import BankError, Reason
from mock_bank.messages import explain
from mock_bank.services.certificate_status import Status
from mock_bank.services.registry import IdCardRecord
from mock_bank.services.sessions import Purpose
from mock_bank.settings import RuleSettings

WRONG_PIN = "258037"


@pytest.fixture
def holder(bank: Bank, kim: Person) -> CertificateHolder:
    return issue_to(bank, kim)


def refusal(call: object, *args: object) -> BankError:
    with pytest.raises(BankError) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value


def status_of(bank: Bank, serial: str) -> str:
    row = bank.store.certificate(serial)
    assert row is not None
    return str(row["status"])


def test_the_right_pin_signs_in(bank: Bank, holder: CertificateHolder) -> None:
    assert bank.login.holder(sign_in(bank, holder)) == bank.store.customer(holder.person.customer_id)


def test_each_wrong_pin_says_how_many_tries_are_left(bank: Bank, holder: CertificateHolder) -> None:
    lefts = []
    for _ in range(4):
        error = refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN)
        assert error.reason is Reason.PIN_WRONG
        lefts.append(error.params["left"])
    assert lefts == [4, 3, 2, 1]
    assert explain(error.reason, error.field, error.params, rules=RuleSettings()).endswith("(남은 입력 횟수 1회)")


def test_the_fourth_wrong_pin_does_not_lock_and_a_right_one_clears_the_count(bank: Bank,
                                                                              holder: CertificateHolder) -> None:
    for _ in range(4):
        refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN)
    assert status_of(bank, holder.serial) == "active"
    sign_in(bank, holder)
    for _ in range(4):
        refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN)
    assert status_of(bank, holder.serial) == "active"


def test_the_fifth_wrong_pin_locks_and_revokes_until_reissue(bank: Bank, kim: Person,
                                                               holder: CertificateHolder) -> None:
    reasons = [refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN).reason for _ in range(5)]
    assert reasons == [Reason.PIN_WRONG] * 4 + [Reason.CERTIFICATE_LOCKED]
    assert status_of(bank, holder.serial) == "locked"
    assert refusal(bank.login.pin_challenge, holder.serial, GOOD_PIN).reason is Reason.CERTIFICATE_LOCKED
    assert refusal(bank.login.challenge, holder.serial).reason is Reason.CERTIFICATE_LOCKED
    assert bank.revocations.entry(holder.serial) is not None
    reissued = issue_to(bank, kim, Purpose.REISSUE)
    sign_in(bank, reissued)
    assert status_of(bank, holder.serial) == "locked"


def test_the_pattern_login_cannot_get_round_the_lock(bank: Bank, holder: CertificateHolder) -> None:
    for _ in range(5):
        refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN)
    assert refusal(bank.login.challenge, holder.serial).reason is Reason.CERTIFICATE_LOCKED


def test_an_expired_certificate_cannot_sign_in_and_no_pin_is_counted(bank: Bank, holder: CertificateHolder) -> None:
    not_after = holder.certificate.not_valid_after_utc
    bank.clock.set(not_after)
    sign_in(bank, holder)  # the last second of the validity still counts
    bank.clock.set(not_after + timedelta(seconds=1))
    assert refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN).reason is Reason.CERTIFICATE_EXPIRED
    assert refusal(bank.login.challenge, holder.serial).reason is Reason.CERTIFICATE_EXPIRED
    row = bank.store.certificate(holder.serial)
    assert row is not None and row["wrong_pins"] == 0


def test_a_newer_id_card_asks_for_reissue(bank: Bank, kim: Person, holder: CertificateHolder) -> None:
    bank.registry.add_id_card(kim.customer_id, IdCardRecord("resident", kim.name, kim.rrn, "2025-03-01",
                                                            office="서울특별시 마포구청장"))
    assert refusal(bank.login.pin_challenge, holder.serial, GOOD_PIN).reason is Reason.ID_CARD_CHANGED
    assert bank.certificates.state(holder.serial).problem is Reason.ID_CARD_CHANGED


def test_an_older_card_found_later_changes_nothing(bank: Bank, kim: Person, holder: CertificateHolder) -> None:
    bank.registry.add_id_card(kim.customer_id, IdCardRecord("resident", kim.name, kim.rrn, "2010-01-04",
                                                            office="서울특별시 마포구청장"))
    sign_in(bank, holder)


def test_registering_another_device_moves_the_certificate(bank: Bank, kim: Person,
                                                          holder: CertificateHolder) -> None:
    moved_to = issue_to(bank, kim, Purpose.DEVICE)
    assert status_of(bank, holder.serial) == Status.MOVED
    assert refusal(bank.login.pin_challenge, holder.serial, GOOD_PIN).reason is Reason.CERTIFICATE_MOVED
    sign_in(bank, moved_to)


def test_reissue_replaces_the_certificate(bank: Bank, kim: Person, holder: CertificateHolder) -> None:
    issue_to(bank, kim, Purpose.REISSUE)
    assert status_of(bank, holder.serial) == Status.REPLACED
    assert refusal(bank.login.challenge, holder.serial).reason is Reason.CERTIFICATE_REPLACED


def test_a_certificate_of_someone_else_stays_usable(bank: Bank, kim: Person, lee: Person,
                                                    holder: CertificateHolder) -> None:
    issue_to(bank, lee)
    sign_in(bank, holder)


def test_changing_the_pin(bank: Bank, holder: CertificateHolder) -> None:
    bank.certificates.change_pin(holder.serial, GOOD_PIN, OTHER_PIN, OTHER_PIN)
    assert refusal(bank.login.pin_challenge, holder.serial, GOOD_PIN).reason is Reason.PIN_WRONG
    sign_in(bank, holder, OTHER_PIN)


@pytest.mark.parametrize(("new", "confirmation", "reason"), [
    ("900315", "900315", Reason.PIN_BIRTH_DATE), ("123456", "123456", Reason.PIN_STRAIGHT),
    ("12345", "12345", Reason.PIN_FORMAT), (OTHER_PIN, GOOD_PIN, Reason.PIN_MISMATCH),
    (GOOD_PIN, GOOD_PIN, Reason.PIN_SAME_AS_OLD),
])
def test_a_new_pin_follows_the_issuance_rules(bank: Bank, holder: CertificateHolder, new: str, confirmation: str,
                                              reason: Reason) -> None:
    assert refusal(bank.certificates.change_pin, holder.serial, GOOD_PIN, new, confirmation).reason is reason
    sign_in(bank, holder)


def test_a_wrong_current_pin_counts_towards_the_lock(bank: Bank, holder: CertificateHolder) -> None:
    for _ in range(4):
        refusal(bank.certificates.change_pin, holder.serial, WRONG_PIN, OTHER_PIN, OTHER_PIN)
    assert refusal(bank.login.pin_challenge, holder.serial, WRONG_PIN).reason is Reason.CERTIFICATE_LOCKED


def test_the_certificate_remembers_what_it_was_issued_on(bank: Bank, kim: Person,
                                                         holder: CertificateHolder) -> None:
    state = bank.certificates.state(holder.serial)
    assert (state.holder, state.id_kind, state.id_issued_on) == (kim.name, "resident", "2020-05-01")
    assert (state.account_bank, state.account_tail, state.account_closed) == (kim.account_bank, kim.account[-4:],
                                                                              False)
    bank.store.set_account_status(kim.account_bank, kim.account, "closed")
    assert bank.certificates.state(holder.serial).account_closed


def test_test_control_never_shows_the_pin_verifier(bank: Bank, kim: Person, holder: CertificateHolder) -> None:
    (row,) = bank.store.certificates_of(kim.customer_id)
    assert not {"pin_salt", "pin_hash"} & set(row)


def test_numbers_in_the_words_agree_with_the_rules(bank: Bank) -> None:
    rules = bank.rules
    expected = {
        Reason.CERTIFICATE_LOCKED: f"{rules.login_max_wrong_pins}회",
        Reason.RENEWAL_TOO_EARLY: f"{rules.renewal_window.days}일",
        Reason.TRANSFER_LIMIT: f"{rules.transfer_max_krw:,}원",
    }
    assert {reason: words for reason, words in expected.items()
            if words not in explain(reason, None, rules=rules)} == {}
